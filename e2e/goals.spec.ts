/** Goals: the tree and a goal page for every role that reads them, a measurement, a leader's review. */
import { expect, expectAccessible, test } from "./helpers";

const partnership = "Zorg in en om de school Amsterdam-Noord";

test("coordinator records a measurement; the leader reviews the goal", async ({
  coordinatorPage: page,
  leaderPage: leader,
}) => {
  await page.getByRole("link", { name: partnership }).click();
  await page
    .getByRole("navigation", { name: `Onderdelen van ${partnership}` })
    .getByRole("link", { name: "Doelen" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Doelen" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Hulp binnen vier weken gestart" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Hulp binnen vier weken gestart" }),
  ).toBeVisible();
  await expectAccessible(page);

  const measurementsBefore = await page.getByRole("table").first().locator("tbody tr").count();
  const form = page.locator("form", {
    has: page.getByRole("button", { name: "Meting toevoegen" }),
  });
  await form.getByRole("textbox", { name: /^Waarde/ }).fill("250");
  await form.getByLabel("Datum meting").fill(new Date().toISOString().slice(0, 10));
  await form.getByRole("button", { name: "Meting toevoegen" }).click();
  await expect(form.locator(".smo-error-summary")).toContainText("buiten het verwachte bereik");
  await form.getByRole("textbox", { name: /^Waarde/ }).fill("71,5");
  await form.getByRole("button", { name: "Meting toevoegen" }).click();
  await expect(page.getByRole("table").first().locator("tbody tr")).toHaveCount(
    measurementsBefore + 1,
  );
  // The new measurement shows in the goal's changes at once.
  const changes = page.locator("section", {
    has: page.getByRole("heading", { level: 2, name: "Wijzigingen" }),
  });
  await expect(changes.getByRole("table")).toContainText("Meting toegevoegd");

  await leader.goto(page.url());
  await leader.getByLabel("Oordeel").selectOption({ label: "Aandacht nodig" });
  await leader
    .getByLabel("Toelichting")
    .fill("De wachtlijst bij specialistische hulp remt de start.");
  await leader.getByRole("button", { name: "Oordeel opslaan" }).click();
  await expect(
    leader.getByText("De wachtlijst bij specialistische hulp remt de start.").first(),
  ).toBeVisible();
  await expectAccessible(leader);
});
