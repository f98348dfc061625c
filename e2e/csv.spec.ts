/** Tables download as CSV through an ordinary link, in the user's language, for who may see them. */
import { readFile } from "node:fs/promises";
import { today } from "../domain/dates";
import { currentInstrument } from "../domain/instrument";
import { accounts, expect, login, test, waitForFigures } from "./helpers";

const partnership = "Zorg in en om de school Amsterdam-Noord";

test("the coordinator downloads the dashboard's sessions as a Dutch CSV", async ({ page }) => {
  await login(page, accounts.coordinator);
  await page.getByRole("link", { name: partnership }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(partnership);
  // The table under the trend chart, and its link beside it.
  await page.getByText("Tabel bij de grafiek").first().click();
  const link = page.getByRole("link", {
    name: /^Download als CSV\s+\(Samenwerking over de reflecties\)$/,
  });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("href", /\/partnerships\/[0-9a-f-]{36}\/export\/trend\.csv$/);

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(
    `zorg-in-en-om-de-school-amsterdam-noord-dashboard-sessies-${today()}.csv`,
  );
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = bytes.toString("utf8").slice(1).split("\r\n").filter(Boolean);
  expect(header).toBe(
    ["Reflectie", "Samenwerkingsindex", ...currentInstrument.levels.map((l) => l.label.nl)].join(
      ";",
    ),
  );
  expect(rows.length).toBeGreaterThan(0);
  // A day, then the index and every level (where scored) with one decimal after a comma.
  const levels = currentInstrument.levels.map(() => ";(\\d,\\d)?").join("");
  for (const row of rows)
    expect(row).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2};\\d,\\d${levels}$`));
});

test("a download answers as the page does: not found for who may not see it", async ({ page }) => {
  await login(page, accounts.leader);
  const base = new URL(page.url()).pathname;
  const own = await page.request.get(`${base}/export/actions.csv`);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(own.headers()["cache-control"]).toBe("no-store");
  expect(own.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.csv"$/);
  // Removed records are for coordinators; an unknown table is no table.
  expect((await page.request.get(`${base}/export/removed.csv`)).status()).toBe(404);
  expect((await page.request.get(`${base}/export/nothing.csv`)).status()).toBe(404);
});

test("an analyst downloads a municipality's reporting with its withheld cells marked", async ({
  regionPage: page,
}) => {
  // Diemen: two partnerships, so figures over partnerships are withheld, and say so in the file.
  await page
    .getByRole("table", { name: "Gemeenten in deze jeugdregio" })
    .getByRole("link", { name: "Diemen", exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Diemen" })).toBeVisible();
  await waitForFigures(page);
  const link = page.getByRole("link", {
    name: /^Download als CSV\s+\(Verslaglegging per kwartaal\)$/,
  });
  await expect(link).toHaveAttribute(
    "href",
    /\/municipalities\/[0-9a-f-]{36}\/export\/reporting\.csv$/,
  );
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`gemeente-diemen-verslaglegging-${today()}.csv`);
  const text = (await readFile(await download.path())).toString("utf8").slice(1);
  const [header, ...rows] = text.split("\r\n").filter(Boolean);
  expect(header?.split(";")[0]).toBe("Kwartaal");
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.some((r) => r.split(";").includes("< 3 sv"))).toBe(true);

  // A quarter the link does not name is no table; a region not the analyst's is no scope.
  const base = new URL(page.url()).pathname;
  expect((await page.request.get(`${base}/export/cases-by-age-band.csv`)).status()).toBe(200);
  expect(
    (await page.request.get(`${base}/export/cases-by-age-band.csv?quarter=1999-01-01`)).status(),
  ).toBe(404);
  expect((await page.request.get("/national/export/reporting.csv")).status()).toBe(404);
});
