/**
 * The reflection cycle end to end: a coordinator plans and records a full session with three
 * participants, a leader signs it off, the dashboard shows the new point and the report prints
 * on one page. Axe finds no violations on these pages.
 */
import { expect, expectAccessible, test } from "./helpers";

const partnership = "Zorg in en om de school Amsterdam-Noord";

test("coordinator records a session, leader signs it off, dashboard and report show it", async ({
  coordinatorPage,
  leaderPage,
}) => {
  test.setTimeout(180_000);
  await coordinatorPage.getByRole("link", { name: partnership }).click();
  await expect(coordinatorPage.getByRole("heading", { level: 2, name: "Dashboard" })).toBeVisible();
  const pointsBefore = await coordinatorPage
    .locator("details.smo-details")
    .first()
    .locator("tbody tr")
    .count();
  await expectAccessible(coordinatorPage);

  await coordinatorPage
    .getByRole("navigation", { name: `Onderdelen van ${partnership}` })
    .getByRole("link", { name: "Reflecties" })
    .click();
  await expect(
    coordinatorPage.getByRole("heading", { level: 1, name: "Reflecties" }),
  ).toBeVisible();
  await expectAccessible(coordinatorPage);
  // Planned for two weeks ahead, then held today after all.
  const later = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await coordinatorPage.getByLabel("Datum").fill(later);
  await coordinatorPage.getByRole("button", { name: "Plannen" }).click();
  const title = coordinatorPage.getByRole("heading", { level: 1, name: /^Reflectie van / });
  await expect(title).toBeVisible();
  const plannedTitle = (await title.textContent()) ?? "";
  const sessionUrl = coordinatorPage.url();
  await expect(coordinatorPage.getByText(/^Deze reflectie is gepland op /)).toBeVisible();
  // The leader cannot sign off a day still to come, and is told what to do.
  await leaderPage.goto(sessionUrl);
  await expect(
    leaderPage.getByText(/^U kunt aftekenen zodra de reflectie is gehouden/),
  ).toBeVisible();
  await expect(leaderPage.getByText(/Vraag de coördinator of een deelnemer/)).toBeVisible();
  await expect(leaderPage.getByRole("button", { name: "Aftekenen" })).toHaveCount(0);
  await coordinatorPage.getByRole("button", { name: "Vandaag houden" }).click();
  await expect(title).not.toHaveText(plannedTitle);
  await expect(coordinatorPage.getByText(/^Deze reflectie is gepland op /)).toHaveCount(0);
  // Before anything is scored, the sign-off says what is still open and asks to confirm.
  await leaderPage.reload();
  await leaderPage.getByRole("button", { name: "Aftekenen" }).click();
  const check = leaderPage.getByRole("region", { name: "Nog niet alles is besproken" });
  await expect(check).toContainText("21 van de 21 factoren zijn nog niet door iedereen gescoord.");
  await expect(check.getByRole("heading")).toBeFocused();
  await expectAccessible(leaderPage);
  await check.getByRole("button", { name: "Terug naar de reflectie" }).click();
  await expect(check).toHaveCount(0);
  // The session names the instrument version its scores are kept under.
  await expect(
    coordinatorPage.getByText("Instrument versie 1: 21 succesfactoren in 5 niveaus."),
  ).toBeVisible();

  // Three participants from both sectors and a parent.
  for (const [name, sector, organisation] of [
    ["Intern begeleider", "Onderwijs", "Basisschool De Regenboog"],
    ["Jeugdhulpwerker", "Jeugdhulp", "Jeugdhulp Amstelland"],
    ["Ouder", "Ouder", null],
  ] as const) {
    const form = coordinatorPage.locator("section", {
      has: coordinatorPage.getByRole("heading", { name: "Wie is er" }),
    });
    await form.getByLabel("Naam of rol").fill(name);
    await form.getByLabel("Sector").selectOption({ label: sector });
    if (organisation) await form.getByLabel("Organisatie").selectOption({ label: organisation });
    await form.getByRole("button", { name: "Toevoegen" }).click();
    await expect(form.getByRole("listitem").filter({ hasText: name })).toBeVisible();
  }

  // Every factor scored by every participant: the education view higher than youth care.
  const rows = coordinatorPage.getByRole("radiogroup");
  await expect(rows).toHaveCount(21 * 3);
  const progress = coordinatorPage.locator(".smo-score-progress");
  await expect(progress).toHaveText("0 van 21 factoren gescoord, 0 van 3 deelnemers klaar");
  const levels = coordinatorPage.getByRole("navigation", { name: "Niveaus van de succesfactoren" });
  await expect(levels.getByRole("link")).toHaveCount(5);
  for (let i = 0; i < 21 * 3; i++) {
    if (i === 10) {
      // Three factors and one score of the fourth: the chair jumps to the fourth's next person.
      await expect(progress).toHaveText("3 van 21 factoren gescoord, 0 van 3 deelnemers klaar");
      await coordinatorPage
        .getByRole("button", { name: "Naar de volgende factor die nog niet is gescoord" })
        .click();
      await expect(rows.nth(10).getByRole("radio").first()).toBeFocused();
    }
    const who = i % 3;
    const row = rows.nth(i);
    if (who === 2 && i % 7 === 2) await row.locator("label").last().click();
    else
      await row
        .locator("label")
        .nth(who === 0 ? 3 : who === 1 ? 1 : 2)
        .click();
  }
  await expect(progress).toHaveText("21 van 21 factoren gescoord, 3 van 3 deelnemers klaar");
  await expect(levels).toContainText("Bestuurlijk 5 van 5");
  // Keyboard: the arrow keys move along the scale.
  const first = rows.first().getByRole("radio", { name: /^4/ });
  await first.focus();
  await coordinatorPage.keyboard.press("ArrowRight");
  await expect(rows.first().getByRole("radio", { name: /^5/ })).toBeChecked();
  await expect(coordinatorPage.locator(".smo-save-states")).toContainText(
    "Intern begeleider: Opgeslagen",
  );
  await expect(coordinatorPage.locator(".smo-save-states")).toContainText("Ouder: Opgeslagen");
  // A factor everyone has scored, and low: what works for it is there beside its note.
  await expect(coordinatorPage.locator('details[data-factor="K2"]')).toHaveCount(0);
  await rows.nth(60).locator("label").first().click();
  const knowledge = coordinatorPage.locator('details[data-factor="K2"]');
  await knowledge.locator("summary").click();
  await expect(knowledge).toContainText("Om te bespreken:");
  await expect(knowledge.locator("summary")).toContainText("laag");

  const actions = coordinatorPage.locator("section", {
    has: coordinatorPage.getByRole("heading", { level: 2, name: "Afspraken", exact: true }),
  });
  // Sent empty: the message names the field by the label on screen.
  await actions.getByRole("button", { name: "Toevoegen" }).click();
  await expect(actions.locator(".smo-error-summary")).toContainText("Wat gaan we doen: vul dit in");
  await expect(actions.locator(".smo-error-summary")).not.toContainText("Beschrijving");
  await actions.getByLabel("Wat gaan we doen").fill("Spreekuur jeugdhulp elke dinsdag op school");
  await actions.getByLabel("Eigenaar").selectOption({ label: "Jeugdhulp Amstelland" });
  await actions.getByLabel("Uiterlijk").fill("2027-02-01");
  await actions.getByRole("button", { name: "Toevoegen" }).click();
  await expect(
    actions.getByRole("listitem").filter({ hasText: "Spreekuur jeugdhulp elke dinsdag op school" }),
  ).toBeVisible();
  await expectAccessible(coordinatorPage);

  // The leader signs it off.
  await leaderPage.goto(sessionUrl);
  await leaderPage.getByRole("button", { name: "Aftekenen" }).click();
  const confirm = leaderPage.getByRole("region", { name: /besproken/ });
  await expect(confirm).not.toContainText("factoren zijn nog niet");
  await confirm.getByRole("button", { name: /Aftekenen|Toch aftekenen/ }).click();
  await expect(leaderPage.getByText("Afgetekend", { exact: true }).first()).toBeVisible();
  await expect(leaderPage.getByRole("button", { name: "Heropenen" })).toBeVisible();
  await expectAccessible(leaderPage);

  // The dashboard has one more point, the latest is this session.
  await leaderPage.goto(sessionUrl.replace(/\/reflections\/.*$/, ""));
  const trendTable = leaderPage.locator("details.smo-details").first();
  await trendTable.locator("summary").click();
  await expect(trendTable.locator("tbody tr")).toHaveCount(pointsBefore + 1);
  await expect(trendTable.locator("tbody tr").last()).not.toContainText("nog niet afgetekend");
  await expect(leaderPage.getByText(/^Instrument versie 1:/)).toBeVisible();
  // The headline figures come first, then the trend: the index, and the levels one chooses.
  const top = async (name: string) =>
    (await leaderPage.getByRole("heading", { level: 3, name, exact: true }).boundingBox())?.y ?? 0;
  const order = [
    (await leaderPage.locator(".smo-cards").boundingBox())?.y ?? 0,
    await top("Samenwerking over de reflecties"),
    await top("Doelen in één oogopslag"),
    await top("Laatste reflectie tegenover de vorige, per factor"),
    await top("Ten opzichte van anderen"),
  ];
  expect(order).toEqual([...order].sort((a, b) => a - b));
  // Beside the factors that are low or fell since the session before: what works, folded.
  const weak = leaderPage.getByRole("region", {
    name: "Wat werkt bij de factoren die aandacht vragen",
  });
  await expect(weak.locator('details[data-factor="K2"] summary')).toContainText("laag");
  const trendChart = leaderPage.locator(".smo-chart canvas").first();
  await expect(trendChart).toHaveAttribute("data-series", JSON.stringify(["Samenwerkingsindex"]));
  const relational = leaderPage.getByRole("checkbox", { name: "Relationeel" });
  await relational.focus();
  await leaderPage.keyboard.press("Space");
  await expect(trendChart).toHaveAttribute(
    "data-series",
    JSON.stringify(["Samenwerkingsindex", "Relationeel"]),
  );
  // On a phone the dates under it stay upright, so none is cut off at the edge.
  await leaderPage.setViewportSize({ width: 390, height: 844 });
  await expect(trendChart).toHaveAttribute("data-x-rotation", "0");
  await leaderPage.setViewportSize({ width: 1280, height: 720 });
  await expectAccessible(leaderPage);

  // The report prints on one A4 page.
  await leaderPage.goto(`${sessionUrl}/report`);
  await expect(
    leaderPage.getByRole("heading", { level: 1, name: /^Verslag van de reflectie/ }),
  ).toBeVisible();
  await expect(leaderPage.getByRole("table", { name: "Scores per niveau" })).toContainText(
    "Bestuurlijk",
  );
  await expect(leaderPage.getByText(/^Instrument versie 1:/)).toBeVisible();
  await expect(
    leaderPage.getByRole("table", { name: "Grootste verschillen tussen sectoren" }),
  ).toBeVisible();
  await expectAccessible(leaderPage);
  await leaderPage.emulateMedia({ media: "print" });
  await expect(leaderPage.locator(".smo-subnav")).toBeHidden();
  // On paper, without the breadcrumb, the report still names its partnership and the sign-off.
  await expect(leaderPage.locator(".smo-report__for")).toContainText("Amsterdam-Noord");
  await expect(leaderPage.locator(".smo-report__for")).toBeVisible();
  await expect(leaderPage.getByText(/^Afgetekend door .* op \d+ \w+ \d{4}/)).toBeVisible();
  const pdf = await leaderPage.pdf({ format: "A4" });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(1);
});

test("a professional can open a session but not sign it off", async ({
  professionalPage: page,
}) => {
  await page
    .getByRole("navigation", { name: `Onderdelen van ${partnership}` })
    .getByRole("link", { name: "Reflecties" })
    .click();
  await page.locator("tbody tr").first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Reflectie van / })).toBeVisible();
  await expect(page.getByRole("button", { name: "Aftekenen" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a score clicked just before leaving the page is saved", async ({ coordinatorPage: page }) => {
  const other = "Wijkaanpak Kanaleneiland";
  await page.getByRole("link", { name: other }).click();
  const nav = page.getByRole("navigation", { name: `Onderdelen van ${other}` });
  await nav.getByRole("link", { name: "Reflecties" }).click();
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Datum").fill(yesterday);
  await page.getByRole("button", { name: "Plannen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Reflectie van / })).toBeVisible();
  const sessionUrl = page.url();
  const who = page.locator("section", { has: page.getByRole("heading", { name: "Wie is er" }) });
  await who.getByLabel("Naam of rol").fill("Mentor");
  await who.getByLabel("Sector").selectOption({ label: "Onderwijs" });
  await who.getByRole("button", { name: "Toevoegen" }).click();
  await expect(who.getByRole("listitem").filter({ hasText: "Mentor" })).toBeVisible();

  const rows = page.getByRole("radiogroup");
  await rows.nth(0).locator("label").nth(3).click();
  await rows.nth(1).locator("label").nth(1).click();
  // Away at once, well within the 600 ms the grid waits to gather clicks.
  await nav.getByRole("link", { name: "Overzicht" }).click({ delay: 0 });
  await expect(page.getByRole("heading", { level: 2, name: "Dashboard" })).toBeVisible();
  await page.goto(sessionUrl);
  await expect(rows.nth(0).getByRole("radio", { name: /^4/ })).toBeChecked();
  await expect(rows.nth(1).getByRole("radio", { name: /^2/ })).toBeChecked();
});
