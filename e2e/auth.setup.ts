/**
 * Every demo role logs in through the real form, once per run: they land where they work, signed
 * in, and the session is saved for the specs' role pages (e2e/helpers.ts `test`). These are the
 * login tests of the five roles; a wrong password and signing out have their own (roles.spec.ts).
 */
import { accounts, expect, login, type Role, roles, sessionOf, test as setup } from "./helpers";

/** Where home sends each role (app/page.tsx), with the demo data of db/seed/demo.ts. */
const landing: Record<Role, RegExp> = {
  admin: /\/admin$/,
  coordinator: /\/partnerships$/,
  leader: /\/partnerships\/[0-9a-f-]{36}$/,
  professional: /\/partnerships\/[0-9a-f-]{36}$/,
  municipality: /\/municipalities\/[0-9a-f-]{36}$/,
  region: /\/regions\/[0-9a-f-]{36}$/,
  national: /\/national$/,
};

for (const role of roles) {
  setup(`${role} logs in through the form and lands where they work`, async ({ page }) => {
    await login(page, accounts[role]);
    await expect(page).toHaveURL(landing[role]);
    await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
    await page.context().storageState({ path: sessionOf(role) });
  });
}
