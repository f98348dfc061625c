import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, test as base, expect, type Page } from "@playwright/test";

import { DEMO_PASSWORD, demoAccounts } from "../db/seed/demo";

export { expect };

export const PASSWORD = DEMO_PASSWORD;
export const accounts = demoAccounts;

/** The demo roles, each with one account (db/seed/demo.ts). */
export type Role = keyof typeof demoAccounts;
export const roles = Object.keys(demoAccounts) as Role[];

/**
 * Where e2e/auth.setup.ts saves each role's signed-in session (gitignored, and removed by
 * scripts/e2e.mjs with the database the sessions belong to).
 */
export function sessionOf(role: Role) {
  return path.join(import.meta.dirname, ".auth", `${role}.json`);
}

/** Logs in through the real form. */
export async function login(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  // Wrong passwords tried on the account before (another test's) are told first: go on.
  const arrived = (url: URL) => !url.pathname.startsWith("/login") && url.pathname !== "/";
  const told = page.getByRole("link", { name: "Doorgaan" });
  await Promise.race([page.waitForURL(arrived), told.waitFor()]);
  if (await told.isVisible()) await told.click();
  // Home redirects everyone to where they work: wait until that page has loaded.
  await page.waitForURL(arrived);
  await page.waitForLoadState("load");
}

/** Opens home, which sends a signed-in person where they work (app/page.tsx). */
export async function goHome(page: Page) {
  await page.goto("/");
  // A saved session that no longer holds (a password changed, an account deactivated) lands here.
  expect(new URL(page.url()).pathname, "signed in").not.toMatch(/^\/login/);
}

type RolePages = { [R in Role as `${R}Page`]: Page };

/**
 * A page of its own browser context, signed in as `role` with the session e2e/auth.setup.ts
 * saved, opened at home: where that role's login leaves them.
 */
function rolePage(role: Role) {
  return async ({ browser }: { browser: Browser }, use: (page: Page) => Promise<void>) => {
    const context = await browser.newContext({ storageState: sessionOf(role) });
    const page = await context.newPage();
    await goHome(page);
    await use(page);
    await context.close();
  };
}

/**
 * Playwright's `test` with a signed-in page per demo role: `adminPage`, `coordinatorPage`,
 * `leaderPage`, `professionalPage`, `municipalityPage`. Each role logged in once through the form
 * (e2e/auth.setup.ts); the default `page`, `context` and `request` stay signed out.
 * A test that changes an account's password or deactivates it makes the saved session of that
 * account invalid: such a test logs in itself (`login`), with an account no role page uses.
 */
export const test = base.extend<RolePages>({
  adminPage: rolePage("admin"),
  coordinatorPage: rolePage("coordinator"),
  leaderPage: rolePage("leader"),
  professionalPage: rolePage("professional"),
  municipalityPage: rolePage("municipality"),
  regionPage: rolePage("region"),
  nationalPage: rolePage("national"),
});

/** The two widths every page is checked at: a laptop's and a phone's. */
const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };

/**
 * No WCAG 2.1 A/AA violations on the current page, as it is and again at the other of the two
 * widths (a phone's 390 px for a page at 1280, and the reverse), then back: every walk checks both.
 */
export async function expectAccessible(page: Page) {
  await expect(page, "every page has a title").toHaveTitle(/\S/);
  const size = page.viewportSize() ?? DESKTOP;
  await expectNoAxeViolations(page, size.width);
  const other = size.width === PHONE.width ? DESKTOP : PHONE;
  await page.setViewportSize(other);
  await expectNoAxeViolations(page, other.width);
  await page.setViewportSize(size);
}

async function expectNoAxeViolations(page: Page, width: number) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()} at ${width} px`).toEqual([]);
}

export const asOfLine = /^Cijfers van \d{1,2} \p{L}+ \d{4}, \d{2}:\d{2}$/u;

/**
 * On a scope dashboard: reloads until the figures have been computed once (the job runs at
 * server start, then every 20 s; at most about a minute).
 */
export async function waitForFigures(page: Page) {
  const asOf = page.getByText(asOfLine);
  for (let i = 0; i < 12 && !(await asOf.isVisible()); i++) {
    await expect(page.getByText(/^Cijfers worden berekend/).first()).toBeVisible();
    await page.waitForTimeout(5_000);
    await page.reload();
  }
  await expect(asOf).toBeVisible();
}

/**
 * A tRPC mutation over HTTP with the page's session (superjson: `{ json: input }`), from the
 * page's own origin (the mutation guard wants it): for setting up what a walk needs.
 */
export async function trpcMutate<T>(page: Page, procedure: string, input: unknown) {
  const response = await page.request.post(`/api/trpc/${procedure}`, {
    headers: { "content-type": "application/json", origin: new URL(page.url()).origin },
    data: { json: input },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()).result.data.json as T;
}

/** A tRPC query over HTTP with the page's session. */
export async function trpcQuery<T>(page: Page, procedure: string, input: unknown) {
  const response = await page.request.get(
    `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()).result.data.json as T;
}
