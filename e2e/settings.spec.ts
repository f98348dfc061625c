/** A coordinator keeps the partnership's settings; bad input is named, nothing typed is lost. */
import { expect, expectAccessible, test } from "./helpers";

test("coordinator edits purpose and partners, with errors named and input kept", async ({
  coordinatorPage: page,
}) => {
  await page.getByRole("link", { name: "Wijkaanpak Kanaleneiland" }).click();
  await page.getByRole("link", { name: "Instellingen" }).click();
  const general = page.locator("section", { has: page.getByRole("heading", { name: "Algemeen" }) });

  await general.getByLabel("Naam").fill("");
  await general.getByLabel("Waarom deze samenwerking").fill("Jongeren vallen minder vaak uit.");
  await general.getByRole("button", { name: "Opslaan" }).click();
  const summary = general.locator(".smo-error-summary");
  await expect(summary).toContainText("Naam: vul dit in");
  await expect(summary).toBeFocused();
  await expect(general.getByLabel("Waarom deze samenwerking")).toHaveValue(
    "Jongeren vallen minder vaak uit.",
  );
  await expectAccessible(page);

  await summary.getByRole("link", { name: "Naam: vul dit in" }).click();
  await expect(general.getByLabel("Naam")).toBeFocused();
  await page.keyboard.type("Wijkaanpak Kanaleneiland");
  // Sent while the server cannot be reached: what was typed stays, and the form says so.
  await page.route("**/api/trpc/**", (route) => route.abort("connectionrefused"));
  await general.getByRole("button", { name: "Opslaan" }).click();
  await expect(summary).toContainText("De server is niet bereikbaar. Wat u invulde staat er nog");
  await expect(summary).not.toContainText("Failed to fetch");
  await expect(general.getByLabel("Naam")).toHaveValue("Wijkaanpak Kanaleneiland");
  await expect(general.getByLabel("Waarom deze samenwerking")).toHaveValue(
    "Jongeren vallen minder vaak uit.",
  );
  await page.unroute("**/api/trpc/**");
  // Sent again once it is back.
  await general.getByRole("button", { name: "Opslaan" }).click();
  await expect(general.getByRole("status")).toHaveText("De instellingen zijn opgeslagen.");

  const partners = page.locator("section", {
    has: page.getByRole("heading", { name: "Partnerorganisaties" }),
  });
  await partners.getByLabel("Zoek een organisatie").fill("JGZ");
  await partners.getByRole("button", { name: "Zoeken" }).click();
  await partners
    .getByRole("combobox", { name: /^Organisatie/ })
    .selectOption({ label: "JGZ Amsterdam (Jeugdgezondheidszorg (JGZ))" });
  await partners.getByLabel("Kernpartner").last().check();
  await partners.getByRole("button", { name: "Toevoegen" }).click();
  await expect(partners.getByRole("heading", { level: 3, name: "JGZ Amsterdam" })).toBeVisible();

  await page
    .locator(".smo-breadcrumb")
    .getByRole("link", { name: "Wijkaanpak Kanaleneiland" })
    .click();
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Jongeren vallen minder vaak uit.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Partnerorganisaties" })).toContainText(
    "JGZ Amsterdam",
  );
});

test("admin creates a partnership; a bad CBS code is named", async ({ adminPage: page }) => {
  await page.goto("/admin/municipalities");
  await page.getByLabel("CBS-code").fill("0363");
  await page.getByLabel("Naam").fill("Testgemeente");
  await page.getByLabel("Jeugdregio").fill("Testregio");
  await page.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.locator(".smo-error-summary")).toContainText("CBS-code: vul een CBS-code in");
  await expect(page.getByLabel("Jeugdregio")).toHaveValue("Testregio");
  await page.getByLabel("CBS-code").fill("GM0034");
  await page.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByRole("cell", { name: "GM0034" })).toBeVisible();

  await page.goto("/partnerships/new");
  await page.getByRole("button", { name: "Nieuw samenwerkingsverband" }).click();
  await expect(page.locator(".smo-error-summary")).toContainText("Naam: vul dit in");
  await expect(page.locator(".smo-error-summary")).toContainText("Gemeente:");
  await page.getByLabel("Naam").fill("Brede school Testgemeente");
  await page
    .getByRole("combobox", { name: /^Gemeente/ })
    .selectOption({ label: "Testgemeente (GM0034)" });
  await page.getByLabel("Vorm van samenwerking").selectOption("op_school");
  await page.getByRole("button", { name: "Nieuw samenwerkingsverband" }).click();
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}\/settings$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Brede school Testgemeente");
  await expectAccessible(page);
});

test("a coordinator invites by e-mail; the invitee answers on their home page", async ({
  coordinatorPage: page,
  leaderPage,
}) => {
  await page.getByRole("link", { name: "Wijkaanpak Kanaleneiland" }).click();
  await page.getByRole("link", { name: "Instellingen" }).click();
  const members = page.locator("section", {
    has: page.getByRole("heading", { name: "Deelnemers" }),
  });
  // An address without an account and one with: the same answer.
  const form = members.locator("form", { has: page.getByRole("button", { name: "Uitnodigen" }) });
  for (const email of ["niemand@demo.nl", "leader@demo.nl"]) {
    await form.getByLabel("E-mailadres").fill(email);
    await form.getByRole("combobox", { name: /^Rol/ }).selectOption({ label: "Leidinggevende" });
    await form.getByRole("button", { name: "Uitnodigen" }).click();
    await expect(form.getByRole("status")).toHaveText("De uitnodiging staat klaar.");
  }
  await expect(members.getByText("leader@demo.nl, als leidinggevende")).toBeVisible();
  await expect(members.getByText("niemand@demo.nl, als leidinggevende")).toBeVisible();
  await expectAccessible(page);

  // The invitee is sent to the list, where the invitation waits; declining leaves nothing.
  await leaderPage.goto("/");
  await expect(leaderPage).toHaveURL(/\/partnerships$/);
  const invitations = leaderPage.locator("section", {
    has: leaderPage.getByRole("heading", { name: "Uitnodigingen" }),
  });
  await expect(invitations).toContainText("Wijkaanpak Kanaleneiland, als leidinggevende");
  await expectAccessible(leaderPage);
  await invitations.getByRole("button", { name: "Afslaan Wijkaanpak Kanaleneiland" }).click();
  await expect(leaderPage.getByRole("status")).toContainText(
    "U heeft de uitnodiging voor Wijkaanpak Kanaleneiland afgeslagen.",
  );
  await page.reload();
  await expect(members.getByText("leader@demo.nl, als leidinggevende")).toHaveCount(0);
});

test("a coordinator reads the audit log: who read a case, filtered, paged and as CSV", async ({
  coordinatorPage: page,
  professionalPage,
}) => {
  const partnership = "Zorg in en om de school Amsterdam-Noord";
  // The professional reads a case: that read is in the log.
  await professionalPage
    .getByRole("navigation", { name: `Onderdelen van ${partnership}` })
    .getByRole("link", { name: "Casussen" })
    .click();
  await professionalPage.getByRole("table").getByRole("link").first().click();
  await expect(professionalPage.getByRole("heading", { level: 1 })).toBeVisible();
  // Analysts' and professionals' menus have no log.
  await expect(
    professionalPage
      .getByRole("navigation", { name: `Onderdelen van ${partnership}` })
      .getByRole("link", { name: "Logboek" }),
  ).toHaveCount(0);

  await page.getByRole("link", { name: partnership }).click();
  await page
    .getByRole("navigation", { name: `Onderdelen van ${partnership}` })
    .getByRole("link", { name: "Logboek" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Logboek" })).toBeVisible();
  const filters = page.getByRole("search");
  await filters.getByLabel("Persoon").selectOption({ label: "Priya Professional" });
  await filters.getByLabel("Handeling").selectOption({ label: "ingezien" });
  await filters.getByRole("button", { name: "Toon" }).click();
  const log = page.getByRole("table", { name: "Logboek" });
  await expect(log.getByRole("row").nth(1)).toContainText("Priya Professional");
  await expect(log.getByRole("row").nth(1)).toContainText("Casus ingezien");
  await expect(log.getByRole("row").nth(1)).toContainText(/casus [A-Z0-9]{3}-[A-Z0-9]{3}/);
  await expectAccessible(page);

  // The download holds what the filters show.
  const href = await page.getByRole("link", { name: /^Download als CSV/ }).getAttribute("href");
  expect(href).toContain("action=read");
  const csv = await page.request.get(href ?? "");
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain("Priya Professional");
  expect(text).not.toContain("Carla Coördinator");

  // A range the wrong way round is named by its field.
  await filters.getByLabel("Van").fill("2026-02-01");
  await filters.getByLabel("Tot en met").fill("2026-01-01");
  await filters.getByRole("button", { name: "Toon" }).click();
  await expect(page.locator(".smo-error-summary")).toContainText("Tot en met");
});

test("an admin erases a case by its code, after ticking that it cannot be undone", async ({
  adminPage: page,
  coordinatorPage,
}) => {
  const partnership = "Wijkaanpak Kanaleneiland";
  await coordinatorPage.getByRole("link", { name: partnership }).click();
  await coordinatorPage
    .getByRole("navigation", { name: `Onderdelen van ${partnership}` })
    .getByRole("link", { name: "Casussen" })
    .click();
  const code =
    (await coordinatorPage.getByRole("table").getByRole("link").first().textContent()) ?? "";
  expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);

  await page.goto("/admin");
  await page.getByRole("link", { name: "Gegevens wissen (AVG)" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Gegevens wissen (AVG)" }),
  ).toBeVisible();
  await page.getByLabel("Samenwerkingsverband").selectOption({ label: partnership });
  await page.getByLabel("Casuscode").fill(code);
  await page.getByRole("button", { name: "Casus wissen" }).click();
  await expect(page.locator(".smo-error-summary")).toContainText(
    "Ik begrijp dat dit niet ongedaan kan worden gemaakt",
  );
  await page.getByLabel("Ik begrijp dat dit niet ongedaan kan worden gemaakt").check();
  await page.getByRole("button", { name: "Casus wissen" }).click();
  await expect(page.getByText("De casus is gewist.")).toBeVisible();
  await expectAccessible(page);

  await coordinatorPage.reload();
  await expect(coordinatorPage.getByRole("heading", { level: 1, name: "Casussen" })).toBeVisible();
  await expect(coordinatorPage.getByRole("link", { name: code })).toHaveCount(0);
});
