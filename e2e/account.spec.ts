/**
 * A professional adds a second sign-in step on Mijn account, signs in with it (a recovery
 * code: each works once), and turns it off again. The saved session is left signed in: the
 * second sign-in is a browser of its own.
 */
import { Secret, TOTP } from "otpauth";
import { accounts, expect, expectAccessible, PASSWORD, test } from "./helpers";

test("professional sets up a second step, signs in with it, and turns it off", async ({
  professionalPage: page,
  browser,
}) => {
  await page.getByRole("link", { name: /^Ingelogd als/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn account");
  await page.getByRole("button", { name: "Tweede stap instellen" }).click();
  await expect(page.getByRole("img", { name: "QR-code voor de authenticator-app" })).toBeVisible();
  await expectAccessible(page);
  const secret = (await page.getByTestId("totp-secret").textContent())?.replace(/\s/g, "") ?? "";
  // A wrong code: named at the field, nothing set up.
  await page.getByLabel("Code uit de app").fill("000000");
  await page.getByRole("button", { name: "Bevestigen" }).click();
  await expect(page.locator(".smo-error-summary")).toContainText("deze code klopt niet");
  const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
  await page.getByLabel("Code uit de app").fill(code);
  await page.getByRole("button", { name: "Bevestigen" }).click();
  await expect(page.getByRole("heading", { name: "Uw herstelcodes" })).toBeVisible();
  const codes = await page.locator(".smo-codes code").allTextContents();
  expect(codes).toHaveLength(10);
  await page.getByRole("button", { name: "Ik heb de codes bewaard" }).click();
  await expect(page.getByText(/^Ingesteld sinds/)).toBeVisible();

  // Signing in elsewhere now asks for the code after the password.
  const context = await browser.newContext({ locale: "nl-NL" });
  const other = await context.newPage();
  await other.goto("/login");
  await other.getByLabel("E-mailadres").fill(accounts.professional);
  await other.getByLabel("Wachtwoord").fill(PASSWORD);
  await other.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(other.getByLabel("Code uit de app")).toBeFocused();
  await expectAccessible(other);
  await other.getByLabel("Code uit de app").fill(codes[0] ?? "");
  await other.getByRole("button", { name: "Inloggen", exact: true }).click();
  await other.waitForURL((url) => !url.pathname.startsWith("/login"));
  await expect(other.getByRole("link", { name: /^Ingelogd als/ })).toBeVisible();
  await context.close();

  // Off again (a recovery code is a code too), so the account is as the other tests expect.
  await page.reload();
  await expect(page.getByText("Nog 9 herstelcodes over.")).toBeVisible();
  const off = page.locator("form", {
    has: page.getByRole("button", { name: "Tweede stap uitzetten" }),
  });
  await off.getByLabel("Code uit de app").fill(codes[1] ?? "");
  await off.getByRole("button", { name: "Tweede stap uitzetten" }).click();
  await expect(page.getByText("Niet ingesteld.")).toBeVisible();
});
