/**
 * Case monitoring end to end: a professional opens a case and logs a check-in, makes a link for
 * the parent, the parent answers on a phone, and the answer shows on the case page and joins
 * the next check-in. Axe finds no violations on these pages.
 */
import { expect, expectAccessible, test } from "./helpers";

const partnership = "Zorg in en om de school Amsterdam-Noord";

test("professional opens a case, logs a check-in, and the parent's own view arrives", async ({
  professionalPage: page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page
    .getByRole("navigation", { name: `Onderdelen van ${partnership}` })
    .getByRole("link", { name: "Casussen" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Casussen" })).toBeVisible();
  await expectAccessible(page);
  // On a phone each case is a card: its GAS score and signals are on screen, not off to the right.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const column of ["GAS T-score", "Signalen"]) {
    const cell = page.locator(`td[data-label="${column}"]`).first();
    await cell.scrollIntoViewIfNeeded();
    await expect(cell).toBeInViewport();
    const box = await cell.boundingBox();
    expect(box && box.x + box.width, column).toBeLessThanOrEqual(390);
  }
  // The lines of a card sit one under the other, none over the next.
  const card = await page.locator("tbody tr").first().locator("td").all();
  const boxes = await Promise.all(card.map((cell) => cell.boundingBox()));
  for (let i = 1; i < boxes.length; i++)
    expect((boxes[i]?.y ?? 0) + 1).toBeGreaterThanOrEqual(
      (boxes[i - 1]?.y ?? 0) + (boxes[i - 1]?.height ?? 0),
    );
  await page.setViewportSize({ width: 1280, height: 720 });

  // Open a case; a BSN in the reference is refused, naming the field.
  await page.getByLabel("Leeftijd").selectOption({ label: "12 tot 16 jaar" });
  await page.getByLabel("Soort onderwijs").selectOption({ label: "Voortgezet onderwijs" });
  await page.getByLabel("Waar gaat het om: Thuissituatie").check();
  await page.getByLabel("Eigen kenmerk").fill("BSN 111222333");
  await page.getByRole("button", { name: "Casus openen" }).click();
  await expect(page.locator(".smo-error-summary")).toContainText(
    "Eigen kenmerk: haal het BSN (burgerservicenummer) weg",
  );
  await page.getByLabel("Eigen kenmerk").fill("Dossier 17");
  // A check-in every four weeks: the case says when the next one is due.
  await page.getByLabel("Ritme van check-ins").selectOption({ label: "Elke 4 weken" });
  await page.getByRole("button", { name: "Casus openen" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: /^Casus [A-Z0-9]{3}-[A-Z0-9]{3}$/ }),
  ).toBeVisible();
  await expect(page.locator(".utrecht-data-list")).toContainText(
    /Elke 4 weken — volgende check-in uiterlijk \d{1,2} \w+ \d{4}/,
  );
  const caseUrl = page.url();
  await expectAccessible(page);

  // A check-in with the school's and youth care's view.
  await page.getByRole("link", { name: "Check-in toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check-in toevoegen" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("School: hoe werkt de samenwerking rond dit kind?").selectOption("4");
  await page.getByLabel("School: hoe gaat het met het kind?").selectOption("3");
  await page.getByLabel("Jeugdhulp: hoe werkt de samenwerking rond dit kind?").selectOption("3");
  await page.getByLabel("Jeugdhulp: hoe gaat het met het kind?").selectOption("3");
  await page.getByRole("button", { name: "Check-in opslaan" }).click();
  await expect(page).toHaveURL(caseUrl);
  await expect(
    page.getByRole("heading", { level: 2, name: "Tijdlijn van check-ins" }),
  ).toBeVisible();

  // A personal link for the parent.
  await page.getByLabel("Voor wie").selectOption({ label: "Ouder" });
  await page.getByRole("button", { name: "Link maken" }).click();
  const link = await page.getByLabel("Persoonlijke link").inputValue();
  expect(link).toMatch(/\/stem\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);

  // The parent answers on a phone, without an account.
  const phone = await (
    await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
  ).newPage();
  await phone.goto(link);
  await phone.getByRole("button", { name: "Beginnen" }).click();
  await phone.getByText("Goed", { exact: true }).click();
  await phone.getByRole("button", { name: "Volgende" }).click();
  await phone.getByText("Niet goed, niet slecht", { exact: true }).click();
  await phone.getByRole("button", { name: "Volgende" }).click();
  await phone.getByRole("textbox").fill("Er wordt nu meer met ons gepraat.");
  await phone.getByRole("button", { name: "Versturen" }).click();
  await expect(
    phone.getByRole("heading", { level: 1, name: "Bedankt voor uw antwoord" }),
  ).toBeVisible();
  await expectAccessible(phone);

  // The answer shows on the case page and joins the next check-in, marked as the parent's own.
  await page.goto(caseUrl);
  await expect(page.getByText("Ouder heeft via de link een antwoord gegeven")).toBeVisible();
  await expect(page.getByRole("table", { name: "Stem van ouder en jongere" })).toContainText(
    "Ingevuld",
  );
  await page.getByRole("link", { name: "Check-in toevoegen" }).click();
  await expect(
    page.getByText("Er is een antwoord van een ouder of jongere binnengekomen"),
  ).toBeVisible();
  await page.getByLabel("School: hoe werkt de samenwerking rond dit kind?").selectOption("4");
  await page.getByLabel("School: hoe gaat het met het kind?").selectOption("4");
  await page.getByRole("button", { name: "Check-in opslaan" }).click();
  await expect(page).toHaveURL(caseUrl);
  await expect(page.locator("ol").first()).toContainText(
    "Ouder (zelf ingevuld via link): samenwerking 4, hoe het gaat 3",
  );
  await expect(page.locator("ol").first()).toContainText("Er wordt nu meer met ons gepraat.");
  await expectAccessible(page);

  // A correction: the form comes back filled in; the parent's own answer is shown, not editable.
  const timeline = page.locator("ol").first();
  await timeline
    .getByRole("link", { name: /^Wijzigen check-in van / })
    .first()
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: /^Check-in van .* wijzigen$/ }),
  ).toBeVisible();
  await expect(page.getByText("Deze antwoorden gaf een ouder of jongere zelf")).toBeVisible();
  await expect(page.getByLabel("Ouder: hoe gaat het met het kind?")).toHaveCount(0);
  const schoolWellbeing = page.getByLabel("School: hoe gaat het met het kind?");
  await expect(schoolWellbeing).toHaveValue("4");
  await expectAccessible(page);
  await schoolWellbeing.selectOption("2");
  await page.getByRole("button", { name: "Wijziging opslaan" }).click();
  await expect(page).toHaveURL(caseUrl);
  await expect(timeline).toContainText("School: samenwerking 4, hoe het gaat 2");
  await expect(timeline).toContainText(
    "Ouder (zelf ingevuld via link): samenwerking 4, hoe het gaat 3",
  );

  // The first check-in was entered by mistake: removed after a confirmation.
  await expect(timeline.locator(":scope > li")).toHaveCount(2);
  page.once("dialog", (dialog) => void dialog.accept());
  await timeline
    .getByRole("button", { name: /^Verwijderen check-in van / })
    .last()
    .click();
  await expect(
    page.getByRole("status").filter({ hasText: "De check-in is verwijderd." }),
  ).toBeVisible();
  await expect(timeline.locator(":scope > li")).toHaveCount(1);
  await expect(timeline).toContainText("School: samenwerking 4, hoe het gaat 2");
});

test("a leader sees case aggregates but no cases", async ({ leaderPage: page }) => {
  await expect(
    page
      .getByRole("navigation", { name: `Onderdelen van ${partnership}` })
      .getByRole("link", { name: "Casussen" }),
  ).toHaveCount(0);
  await page.goto(`${page.url()}/cases`);
  await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
});

test("a coordinator puts back a check-in that was removed", async ({ coordinatorPage: page }) => {
  await page.getByRole("link", { name: partnership }).click();
  const nav = page.getByRole("navigation", { name: `Onderdelen van ${partnership}` });
  await nav.getByRole("link", { name: "Verwijderd" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Verwijderd" })).toBeVisible();
  await expectAccessible(page);

  // Remove the latest check-in of the first open case.
  await nav.getByRole("link", { name: "Casussen" }).click();
  // The oldest case on the page: a seeded one with two years of check-ins.
  await page.getByRole("table").getByRole("link").last().click();
  await expect(
    page.getByRole("heading", { level: 2, name: "Tijdlijn van check-ins" }),
  ).toBeVisible();
  const timeline = page.locator("ol").first();
  const code = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").replace(
    "Casus ",
    "",
  );
  const entries = await timeline.locator(":scope > li").count();
  expect(entries).toBeGreaterThan(0);
  page.once("dialog", (dialog) => void dialog.accept());
  await timeline
    .getByRole("button", { name: /^Verwijderen check-in van / })
    .first()
    .click();
  await expect(timeline.locator(":scope > li")).toHaveCount(entries - 1);
  const caseUrl = page.url();

  // It is listed as removed, and comes back.
  await nav.getByRole("link", { name: "Verwijderd" }).click();
  const restore = page.getByRole("button", {
    name: new RegExp(`^Herstellen Check-in van .* in casus ${code}$`),
  });
  await expect(restore).toHaveCount(1);
  await restore.click();
  await expect(
    page.getByRole("status").filter({ hasText: "Teruggezet: Check-in van" }),
  ).toBeVisible();
  await expect(restore).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(caseUrl);
  await expect(timeline.locator(":scope > li")).toHaveCount(entries);
});

test("closing a case asks the whole outcome set and shows all of it", async ({
  professionalPage: page,
}) => {
  await page
    .getByRole("navigation", { name: `Onderdelen van ${partnership}` })
    .getByRole("link", { name: "Casussen" })
    .click();
  await page.getByLabel("Leeftijd").selectOption({ label: "4 tot 12 jaar" });
  await page.getByLabel("Soort onderwijs").selectOption({ label: "Primair onderwijs" });
  await page.getByRole("button", { name: "Casus openen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Casus / })).toBeVisible();

  const closing = page.locator("section", {
    has: page.getByRole("heading", { level: 2, name: "Casus afsluiten" }),
  });
  await closing.getByText("Afsluiten met de uitkomsten").click();
  await closing.getByLabel("Afsluiting").selectOption({ label: "Volgens plan afgerond" });
  await closing.getByLabel("Kan verder zonder hulp").selectOption({ label: "Ja" });
  await closing.getByLabel("Doelen gerealiseerd").selectOption({ label: "Gedeeltelijk" });
  await closing.getByLabel("Tevredenheid ouder").selectOption({ label: "4" });
  page.once("dialog", (dialog) => void dialog.accept());
  await closing.getByRole("button", { name: "Casus afsluiten" }).click();

  const summary = page.locator("dl.utrecht-data-list").first();
  const outcomes = [
    ["Afsluiting", "Volgens plan afgerond"],
    ["Kan verder zonder hulp", "Ja"],
    ["Doelen gerealiseerd", "Gedeeltelijk"],
    ["Tevredenheid ouder", "4"],
    ["Tevredenheid jongere", "Niet bekend"],
  ] as const;
  for (const [key, value] of outcomes)
    await expect(
      summary.locator(".utrecht-data-list__item", { hasText: key }).locator("dd"),
    ).toHaveText(value);
  await expectAccessible(page);
});
