/**
 * The scope dashboards as analysts use them: the nation, a youth-care region and a municipality
 * show the same eight parts; figures withheld for small numbers show a marker and the reason;
 * people step down from the nation to a region to a municipality and open the OOGO report; every
 * page passes axe at desktop and phone width. The figures come from a background job (at server
 * start, then every 20 s): each page waits until its "Cijfers van …" line shows.
 */
import type { Page } from "@playwright/test";
import { asOfLine, expect, expectAccessible, test, waitForFigures } from "./helpers";

/** The parts of every scope page (app/_scopes/scope-page.tsx), by their headings. */
const parts = [
  "Samenwerkingsverbanden",
  "Verslaglegging: volledigheid en tijdigheid",
  "Samenwerking per kwartaal",
  "Doelen per status",
  "Casussen per kwartaal",
  "Samenwerking en resultaten",
  "Ligging en een niveau lager",
  "Rapport voor het OOGO",
];

async function expectParts(page: Page) {
  for (const name of parts)
    await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
  // Each part has its place in the contents at the top.
  const contents = page.getByRole("navigation", { name: "Op deze pagina" });
  await expect(contents.getByRole("link")).toHaveCount(parts.length);
}

test("municipality analyst: the municipality's dashboard, its withheld figures and the OOGO report", async ({
  municipalityPage: page,
}) => {
  await expect(page).toHaveURL(/\/municipalities\/[0-9a-f-]{36}$/);
  await waitForFigures(page);
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Amsterdam" })).toBeVisible();
  await expectParts(page);

  // Where it sits: the nation and the region are names, not links, for an analyst of the
  // municipality alone.
  const crumbs = page.getByRole("navigation", { name: "Kruimelpad" });
  await expect(crumbs).toContainText("Nederland");
  await expect(crumbs).toContainText("Jeugdregio Amsterdam-Amstelland");
  await expect(crumbs.getByRole("link")).toHaveCount(0);

  // Partnerships by form, with a table behind the chart.
  const byForm = page.getByRole("table", {
    name: "Samenwerkingsverbanden per vorm van samenwerking",
  });
  await expect(byForm.getByRole("rowheader", { name: "Op school" })).toBeVisible();
  await expect(byForm.getByRole("rowheader", { name: "Totaal" })).toBeVisible();
  // The partnerships that share full access link to their page, with their own reporting.
  const shared = page.getByRole("table", { name: /^Verslaglegging per samenwerkingsverband/ });
  await expect(
    shared.getByRole("link", { name: "Zorg in en om de school Amsterdam-Noord" }),
  ).toBeVisible();

  // Somewhere on the page a figure is withheld: its marker says why, in the cell and the legend.
  const reason =
    /minder dan 10 casussen|verborgen om kleine aantallen elders te beschermen|minder dan 3 samenwerkingsverbanden|te weinig gegevens/;
  await expect(page.getByRole("cell", { name: reason }).first()).toBeVisible();
  await expect(page.getByText("Niet alle cijfers worden getoond").first()).toBeVisible();
  await expect(page.getByText("Samenhang, geen oorzaak.")).toBeVisible();

  // A wide table scrolls in a region that takes keyboard focus.
  const cases = page.getByRole("region", { name: "Alle casussen per kwartaal", exact: true });
  await expect(cases).toHaveAttribute("tabindex", "0");
  await cases.focus();
  await expect(cases).toBeFocused();

  // The chart of the collaboration draws what one chooses, by keyboard too; its table follows.
  const level = page.getByRole("checkbox", { name: "Relationeel" });
  await level.focus();
  await page.keyboard.press("Space");
  await expect(level).toBeChecked();
  await expect(
    page.getByRole("table", { name: "Relationeel: mediaan en spreiding per kwartaal" }),
  ).toBeVisible();

  await expectAccessible(page);

  // The OOGO report: the key tables on paper, without the navigation.
  await page
    .getByRole("link", { name: "Open het afdrukbare rapport voor het OOGO" })
    .first()
    .click();
  await expect(page).toHaveURL(/\/municipalities\/[0-9a-f-]{36}\/report$/);
  await expect(
    page.getByRole("heading", { level: 1, name: /rapport voor het OOGO/ }),
  ).toBeVisible();
  await expect(page.getByText(asOfLine)).toBeHidden();
  await expect(page.getByText(/^Cijfers van .*afgedrukt op/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Verslaglegging per kwartaal" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Alle casussen per kwartaal" })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // Scopes the analyst holds no grant for do not exist for them.
  for (const url of ["/national", `/regions/${crypto.randomUUID()}`]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
  }
});

test("region analyst: the region, its municipalities one level down, and a small one withheld", async ({
  regionPage: page,
}) => {
  await expect(page).toHaveURL(/\/regions\/[0-9a-f-]{36}$/);
  await waitForFigures(page);
  await expect(
    page.getByRole("heading", { level: 1, name: "Jeugdregio Amsterdam-Amstelland" }),
  ).toBeVisible();
  await expectParts(page);
  // The nation is above the region, but not the region analyst's to open.
  const crumbs = page.getByRole("navigation", { name: "Kruimelpad" });
  await expect(crumbs).toContainText("Nederland");
  await expect(crumbs.getByRole("link")).toHaveCount(0);
  const municipalities = page.getByRole("table", { name: "Gemeenten in deze jeugdregio" });
  for (const name of ["Amsterdam", "Amstelveen", "Diemen"])
    await expect(municipalities.getByRole("link", { name, exact: true })).toBeVisible();
  await expectAccessible(page);

  // Diemen has two partnerships: figures over them are withheld, and say so.
  await municipalities.getByRole("link", { name: "Diemen", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Diemen" })).toBeVisible();
  await waitForFigures(page);
  const reporting = page.getByRole("table", { name: "Verslaglegging per kwartaal" });
  await expect(
    reporting.getByRole("cell", { name: "< 3 sv (minder dan 3 samenwerkingsverbanden)" }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole("definition").filter({ hasText: "minder dan 3 samenwerkingsverbanden" }).first(),
  ).toBeVisible();
  // Back up: the region is the region analyst's.
  await page
    .getByRole("navigation", { name: "Kruimelpad" })
    .getByRole("link", { name: "Jeugdregio Amsterdam-Amstelland" })
    .click();
  await expect(page).toHaveURL(/\/regions\/[0-9a-f-]{36}$/);
});

test("national analyst: steps down from the nation to a region to a municipality and its report", async ({
  nationalPage: page,
}) => {
  await expect(page).toHaveURL(/\/national$/);
  await waitForFigures(page);
  await expect(page.getByRole("heading", { level: 1, name: "Nederland" })).toBeVisible();
  await expectParts(page);
  await expectAccessible(page);

  await page
    .getByRole("table", { name: "Jeugdregio's" })
    .getByRole("link", { name: "Amsterdam-Amstelland" })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Jeugdregio Amsterdam-Amstelland" }),
  ).toBeVisible();
  await waitForFigures(page);
  await expectParts(page);
  await expect(
    page.getByRole("navigation", { name: "Kruimelpad" }).getByRole("link", { name: "Nederland" }),
  ).toBeVisible();

  await page
    .getByRole("table", { name: "Gemeenten in deze jeugdregio" })
    .getByRole("link", { name: "Amstelveen", exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Amstelveen" })).toBeVisible();
  await waitForFigures(page);
  await expectParts(page);
  const crumbs = page.getByRole("navigation", { name: "Kruimelpad" });
  await expect(crumbs.getByRole("link")).toHaveCount(2);
  await expectAccessible(page);

  await page
    .getByRole("link", { name: "Open het afdrukbare rapport voor het OOGO" })
    .first()
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: /rapport voor het OOGO/ }),
  ).toBeVisible();
  await expect(page.getByText("Gemeente Amstelveen").first()).toBeVisible();
});

test("admin sees every scope; the dashboard reads in English too", async ({ adminPage: page }) => {
  await page.goto("/national");
  await waitForFigures(page);
  await page
    .getByRole("table", { name: "Jeugdregio's" })
    .getByRole("link", { name: "Utrecht Stad" })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Jeugdregio Utrecht Stad" }),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Youth-care region Utrecht Stad" }),
  ).toBeVisible();
  await expect(page.getByText(/^Figures of \d{1,2} \p{L}+ \d{4}, \d{2}:\d{2}$/u)).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: "Collaboration and outcomes" }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Schakel naar Nederlands" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Jeugdregio Utrecht Stad" }),
  ).toBeVisible();
});
