import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

import { DEMO_PASSWORD, demoAccounts } from "../db/seed/demo";

export const PASSWORD = DEMO_PASSWORD;
export const accounts = demoAccounts;

/** Logs in through the real form. */
export async function login(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  // Home redirects everyone to where they work: wait until that page has loaded.
  await page.waitForURL((url) => !url.pathname.startsWith("/login") && url.pathname !== "/");
  await page.waitForLoadState("load");
}

/** No WCAG 2.1 A/AA violations on the current page. */
export async function expectAccessible(page: Page) {
  await expect(page, "every page has a title").toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
