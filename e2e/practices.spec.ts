/**
 * "Wat werkt": a coordinator records what works for a factor in one partnership and shares it
 * with its name; in her other partnership, where that factor fell, it shows beside the factor
 * as "Wat werkt elders", with what the study found works.
 */
import { expect, expectAccessible, test } from "./helpers";

test("what one partnership shares shows beside the weak factor of another", async ({
  coordinatorPage: page,
}) => {
  await page.goto("/partnerships");
  await page.getByRole("link", { name: "Wijkaanpak Kanaleneiland", exact: true }).click();
  await page.getByRole("link", { name: "Wat werkt", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wat werkt bij ons");
  const form = page.locator("form");
  // A name in the text: refused, and what was typed stays.
  await form.getByLabel("Factor").selectOption("B3");
  await form.getByLabel("Wat werkt").fill("Jan de Vries van de huisartsenpraktijk schuift aan.");
  await form.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.locator(".smo-error-summary")).toContainText("Wat werkt");
  await expect(form.getByLabel("Wat werkt")).toHaveValue(
    "Jan de Vries van de huisartsenpraktijk schuift aan.",
  );
  await form
    .getByLabel("Wat werkt")
    .fill("De huisarts en het wijkteam schuiven elk kwartaal aan bij het zorgoverleg.");
  await form.getByLabel("Delen met andere samenwerkingsverbanden").check();
  await form.getByLabel("Onze naam erbij zetten").check();
  await form.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByText("gedeeld, landelijk, met onze naam")).toBeVisible();
  await expectAccessible(page);

  // In Amsterdam-Noord B3 fell since the session before: the fold has both.
  await page.goto("/partnerships");
  await page
    .getByRole("link", { name: "Zorg in en om de school Amsterdam-Noord", exact: true })
    .click();
  const weak = page.getByRole("region", { name: "Wat werkt bij de factoren die aandacht vragen" });
  const b3 = weak.locator('details[data-factor="B3"]');
  await expect(b3.locator("summary")).toContainText("gedaald");
  await b3.locator("summary").click();
  await expect(b3).toContainText("huisartsen");
  await expect(b3.getByRole("region", { name: "Wat werkt elders" })).toContainText(
    "De huisarts en het wijkteam schuiven elk kwartaal aan bij het zorgoverleg. — Wijkaanpak Kanaleneiland",
  );
  await expectAccessible(page);
});
