/**
 * Every demo role lands where they work and walks their pages, signed in with the session of
 * their login through the real form (e2e/auth.setup.ts).
 */
import { accounts, expect, expectAccessible, login, PASSWORD, test } from "./helpers";

test("anonymous visitors are sent to the login page", async ({ page }) => {
  for (const path of [
    "/",
    "/partnerships",
    "/admin",
    "/admin/users",
    "/partnerships/00000000-0000-4000-8000-000000000000",
  ]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
  }
  await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  await expectAccessible(page);
});

test("a wrong password gets a clear message, and the form keeps the e-mail address", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.locator(".smo-error-summary")).toContainText("Vul uw e-mailadres in.");
  await page.getByLabel("E-mailadres").fill(accounts.leader);
  await page.getByLabel("Wachtwoord").fill("niet-het-wachtwoord");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.locator(".smo-error-summary")).toContainText(
    "Het e-mailadres of het wachtwoord klopt niet",
  );
  await expect(page.getByLabel("E-mailadres")).toHaveValue(accounts.leader);
  await expectAccessible(page);
});

test("the owner is told on signing in that a wrong password was tried", async ({ page }) => {
  const email = accounts.municipality;
  for (const guess of ["geraden-wachtwoord-1", "geraden-wachtwoord-2"]) {
    await page.goto("/login");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill(guess);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.locator(".smo-error-summary")).toContainText("klopt niet");
  }
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  const notice = page.getByRole("alert").filter({ hasText: "Er is geprobeerd in te loggen" });
  await expect(
    notice.getByRole("heading", { name: "Er is geprobeerd in te loggen" }),
  ).toBeVisible();
  await expect(notice).toContainText("2 keer een verkeerd wachtwoord");
  await expectAccessible(page);
  await notice.getByRole("link", { name: "Doorgaan" }).click();
  await expect(page).toHaveURL(/\/municipalities\//);
});

test("admin manages the platform", async ({ adminPage: page }) => {
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Beheer" })).toBeVisible();
  await expectAccessible(page);
  for (const [path, heading] of [
    ["/admin/users", "Gebruikers"],
    ["/admin/organisations", "Organisaties"],
    ["/admin/municipalities", "Gemeenten"],
    ["/partnerships", "Samenwerkingsverbanden"],
    ["/partnerships/new", "Nieuw samenwerkingsverband"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page);
  }
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Carla Coördinator" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Carla Coördinator" })).toBeVisible();
  await expectAccessible(page);
});

test("coordinator sees their partnerships and manages the settings", async ({
  coordinatorPage: page,
}) => {
  await expect(page).toHaveURL(/\/partnerships$/);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Zorg in en om de school Amsterdam-Noord" }).click();
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Zorg in en om de school Amsterdam-Noord",
  );
  await expectAccessible(page);
  await page.getByRole("link", { name: "Instellingen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Algemeen" })).toBeVisible();
  await expectAccessible(page);
});

test("leader lands on their partnership and cannot change settings", async ({
  leaderPage: page,
}) => {
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Uw rol: Leidinggevende")).toBeVisible();
  await expect(page.getByRole("link", { name: "Instellingen" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(`${page.url()}/settings`);
  await expect(
    page.getByText("Alleen coördinatoren kunnen de instellingen wijzigen."),
  ).toBeVisible();
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
  await expectAccessible(page);
});

test("professional lands on their partnership", async ({ professionalPage: page }) => {
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Uw rol: Professional")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/partnerships");
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expectAccessible(page);
});

test("municipality analyst lands on the municipality overview", async ({
  municipalityPage: page,
}) => {
  await expect(page).toHaveURL(/\/municipalities\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Amsterdam" })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Samenwerkingsverbanden per vorm van samenwerking" }),
  ).toContainText("Op school");
  await expectAccessible(page);

  // A partnership that shares full read access: its overview, goals and reflections, read only;
  // never its people, its cases or its case figures.
  await page.getByRole("link", { name: "Zorg in en om de school Amsterdam-Noord" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Zorg in en om de school Amsterdam-Noord" }),
  ).toBeVisible();
  await expect(page.getByText("Uw rol: Gemeente (inzage)")).toBeVisible();
  const nav = page.getByRole("navigation", { name: /^Onderdelen van / });
  await expect(nav.getByRole("link", { name: "Casussen" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Instellingen" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: "Deelnemers" })).toHaveCount(0);
  // Only what an analyst can open: no way into the sessions, and what is withheld is said so.
  await expect(nav.getByRole("link", { name: "Reflecties" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /reflectie/i })).toHaveCount(0);
  await expect(
    page.getByText(/^De verschillen tussen sectoren worden niet met de gemeente gedeeld/),
  ).toBeVisible();
  await expect(page.getByText(/^Geen verschillen te tonen/)).toHaveCount(0);
  const partnershipUrl = page.url();
  await expectAccessible(page);
  // The breadcrumb leads back to the municipality, not to a member's list.
  await page.locator(".smo-breadcrumb").getByRole("link", { name: "Gemeente Amsterdam" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Amsterdam" })).toBeVisible();
  // A session's address, typed or kept from elsewhere: a plain page saying it is not shared.
  await page.goto(`${partnershipUrl}/reflections`);
  await expect(page.getByRole("heading", { level: 1, name: "Reflecties" })).toBeVisible();
  await expect(
    page.getByText(
      /^De reflecties van een samenwerkingsverband worden niet met de gemeente gedeeld/,
    ),
  ).toBeVisible();
  await expect(page.locator(".utrecht-alert--error")).toHaveCount(0);
  await page.getByRole("link", { name: "Naar het overzicht van wat wordt gedeeld" }).click();
  await expect(page).toHaveURL(partnershipUrl);
  await nav.getByRole("link", { name: "Doelen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Doelen" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Nieuw doel" })).toHaveCount(0);
  await page.goto(page.url().replace(/\/goals$/, "/cases"));
  await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
  // The list of one's own partnerships points an analyst to their dashboard.
  await page.goto("/partnerships");
  await expect(
    page.getByText(/^U bent geen lid van een samenwerkingsverband: u kijkt mee/),
  ).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Gemeente Amsterdam" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Amsterdam" })).toBeVisible();
});

test("signing out ends the session, also for a copy of its token", async ({
  page,
  playwright,
  baseURL,
}) => {
  // A login of its own: the session this test ends is no saved one that other tests reuse.
  await login(page, accounts.professional);
  const copied = await page.context().storageState();
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/partnerships");
  await expect(page).toHaveURL(/\/login/);
  // The cookie as it was before signing out (a stolen copy, another tab): refused too.
  const copy = await playwright.request.newContext({ baseURL, storageState: copied });
  expect((await copy.get("/api/trpc/me.get")).status()).toBe(401);
  await copy.dispose();
});

test("the language switch turns the interface to English and back", async ({
  coordinatorPage: page,
}) => {
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partnerships" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Schakel naar Nederlands" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Samenwerkingsverbanden" }),
  ).toBeVisible();
});

test("lists arrive rendered by the server, without waiting for the browser", async ({
  coordinatorPage: page,
}) => {
  // The server's prefetch and the browser's query use the same input: the rows are in the HTML.
  for (const [url, text] of [
    ["/partnerships", "Zorg in en om de school Amsterdam-Noord"],
    ["/partnerships", "Wijkaanpak Kanaleneiland"],
  ] as const) {
    const response = await page.request.get(url);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(text);
  }
});
