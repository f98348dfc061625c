/**
 * An admin moves a partnership: the export downloaded from its settings page, refused as it is
 * by the same installation (it is there already), and imported once its ids and name are new,
 * as another installation would take it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { expect, expectAccessible, test } from "./helpers";

test("admin exports a partnership and imports it again as a new one", async ({
  adminPage: page,
}, testInfo) => {
  await page.goto("/partnerships");
  await page.getByLabel("Zoek op naam").fill("Kanaleneiland");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await page.getByRole("link", { name: "Wijkaanpak Kanaleneiland", exact: true }).click();
  await page.getByRole("link", { name: "Instellingen" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporteer het bestand (JSON)" }).click();
  const file = testInfo.outputPath("export.json");
  await (await download).saveAs(file);
  const text = readFileSync(file, "utf8");
  const document = JSON.parse(text);
  expect(document).toMatchObject({
    format: "samenwerkingsmonitor/partnership",
    formatVersion: 1,
    partnership: { name: "Wijkaanpak Kanaleneiland" },
  });
  expect(document.records.goals.length).toBeGreaterThan(0);

  await page.goto("/admin/transfer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Samenwerkingsverband verhuizen",
  );
  await expectAccessible(page);
  // Nothing chosen: said, at the field.
  await page.getByRole("button", { name: "Importeren" }).click();
  await expect(page.locator(".smo-error-summary")).toContainText("Kies een exportbestand.");
  // The same file: it is here already.
  await page.getByLabel("Exportbestand").setInputFiles(file);
  await page.getByRole("button", { name: "Importeren" }).click();
  await expect(page.locator(".smo-error-summary")).toContainText(
    "Dit samenwerkingsverband staat al op deze installatie",
  );
  // Not a document at all.
  const junk = testInfo.outputPath("junk.json");
  writeFileSync(junk, "dit is geen json");
  await page.getByLabel("Exportbestand").setInputFiles(junk);
  await page.getByRole("button", { name: "Importeren" }).click();
  await expect(page.locator(".smo-error-summary")).toContainText("kan niet worden gelezen");

  // A document larger than the API's 1 MB gets through to the import (and is judged there).
  const big = await page.request.post("/admin/transfer/import", {
    headers: { "content-type": "application/json", origin: new URL(page.url()).origin },
    data: JSON.stringify({ format: "iets anders", filler: "x".repeat(3 * 1_048_576) }),
  });
  expect(big.status()).toBe(400);
  expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(
    /Controleer de invoer/,
  );

  // As it would arrive from another installation: every record's id new, and its own name.
  const fresh = new Map<string, string>();
  const keep = new Set<string>([
    ...document.users.map((u: { id: string }) => u.id),
    ...document.organisations.map((o: { id: string }) => o.id),
    ...document.municipalities.map((m: { id: string }) => m.id),
  ]);
  const moved = text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      if (keep.has(id)) return id;
      if (!fresh.has(id)) fresh.set(id, crypto.randomUUID());
      return fresh.get(id) as string;
    })
    .replaceAll(
      '"name":"Wijkaanpak Kanaleneiland"',
      '"name":"Wijkaanpak Kanaleneiland (verhuisd)"',
    );
  const movedFile = testInfo.outputPath("moved.json");
  writeFileSync(movedFile, moved);
  await page.getByLabel("Exportbestand").setInputFiles(movedFile);
  await page.getByRole("button", { name: "Importeren" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Geïmporteerd:" })).toContainText(
    "mensen gekoppeld aan hun account, 0 uitgeschakelde accounts aangemaakt",
  );
  await page.getByRole("link", { name: "Open het samenwerkingsverband" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    "Wijkaanpak Kanaleneiland (verhuisd)",
  );
});
