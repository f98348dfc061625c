/**
 * The voice of a parent through a personal link, on a phone and without an account: a
 * professional makes a case and a link (through the tRPC API, as the case pages may not exist
 * yet), the parent answers one question per screen, is stopped when leaving a question open or
 * writing a phone number, sends once even on a double tap, sees the thank-you, and the same
 * link then says the answer is in. The professional's case shows one pending answer.
 * Axe finds no violations on any step.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test, trpcMutate, trpcQuery } from "./helpers";

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The professional, signed in on their partnership, opens a case and a link for `perspective`. */
async function caseWithLink(professional: Page, perspective: string) {
  const [, section, partnershipId] = new URL(professional.url()).pathname.split("/");
  expect(section).toBe("partnerships");
  const created = await trpcMutate<{ id: string }>(professional, "cases.create", {
    partnershipId,
    ageBand: "12-16",
    schoolType: "vo",
  });
  const link = await trpcMutate<{ path: string }>(professional, "cases.createLink", {
    partnershipId,
    caseId: created.id,
    perspective,
  });
  expect(link.path).toMatch(/^\/stem\/[\w-]{20,}$/);
  return { partnershipId, caseId: created.id, path: link.path };
}

test("a parent gives their view through a personal link on a phone", async ({
  browser,
  professionalPage,
}) => {
  test.setTimeout(120_000);
  const { partnershipId, caseId, path } = await caseWithLink(professionalPage, "parent");

  const parent = await (await browser.newContext(phone)).newPage();
  let submits = 0;
  parent.on("request", (request) => {
    if (request.url().includes("voice.submit")) submits++;
  });

  // A wrong link: a calm message with what to do, no technical details.
  await parent.goto(`/stem/${"x".repeat(43)}`);
  await expect(
    parent.getByRole("heading", { level: 1, name: "Deze link werkt niet" }),
  ).toBeVisible();
  await expect(
    parent.getByText("Vraag de school of de hulpverlener om een nieuwe link."),
  ).toBeVisible();
  await expectAccessible(parent);

  // The intro says what happens with the answer; no menu, nothing about the case.
  await parent.goto(path);
  await expect(parent).toHaveURL(new RegExp(`${path}$`));
  await expect(parent.getByRole("heading", { level: 1, name: "Wat vindt u ervan?" })).toBeVisible();
  await expect(parent.getByText("Uw antwoord wordt bewaard zonder uw naam.")).toBeVisible();
  await expect(
    parent.getByText("De school en de hulpverleners zien uw antwoord bij het volgende gesprek."),
  ).toBeVisible();
  await expect(parent.getByRole("navigation")).toHaveCount(0);
  await expectAccessible(parent);

  // English is there through the language switch.
  await parent.getByRole("button", { name: "Switch to English" }).click();
  await expect(parent.getByRole("heading", { level: 1, name: "What do you think?" })).toBeVisible();
  await parent.getByRole("button", { name: "Schakel naar Nederlands" }).click();
  await expect(parent.getByRole("heading", { level: 1, name: "Wat vindt u ervan?" })).toBeVisible();

  await parent.getByRole("button", { name: "Beginnen" }).tap();

  // Question 1: cannot be left without a choice.
  const q1 = parent.getByRole("group", { name: /Hoe gaat de samenwerking rond uw kind\?/ });
  await expect(parent.getByText("Vraag 1 van 3")).toBeVisible();
  await expect(q1.getByRole("radio")).toHaveCount(5);
  await expectAccessible(parent);
  await parent.getByRole("button", { name: "Volgende" }).tap();
  const summary = parent.getByRole("alert").filter({ hasText: "Er is een probleem" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Kies hoe de samenwerking gaat." })).toBeVisible();
  await expect(q1.getByText("Kies hoe de samenwerking gaat.")).toBeVisible();
  await expectAccessible(parent);
  await summary.getByRole("link").tap();
  await expect(q1.getByRole("radio", { name: "1 Heel slecht" })).toBeFocused();
  await q1.getByText("Goed", { exact: true }).tap();
  await expect(q1.getByRole("radio", { name: "4 Goed" })).toBeChecked();
  await parent.getByRole("button", { name: "Volgende" }).tap();

  // Question 2: the same, and "Vorige" keeps the first answer.
  const q2 = parent.getByRole("group", { name: /Hoe gaat het met uw kind\?/ });
  await expect(parent.getByText("Vraag 2 van 3")).toBeVisible();
  await parent.getByRole("button", { name: "Volgende" }).tap();
  await expect(q2.getByText("Kies hoe het met uw kind gaat.")).toBeVisible();
  await parent.getByRole("button", { name: "Vorige" }).tap();
  await expect(q1.getByRole("radio", { name: "4 Goed" })).toBeChecked();
  await parent.getByRole("button", { name: "Volgende" }).tap();
  await q2.getByText("Niet goed, niet slecht").tap();
  await expect(q2.getByRole("radio", { name: "3 Niet goed, niet slecht" })).toBeChecked();
  await expectAccessible(parent);
  await parent.getByRole("button", { name: "Volgende" }).tap();

  // Question 3: a phone number is refused by the server, shown here, and the text is kept.
  await expect(parent.getByText("Vraag 3 van 3")).toBeVisible();
  const comment = parent.getByRole("textbox", { name: /Wilt u nog iets zeggen\?/ });
  await expect(
    parent.getByText("Schrijf geen namen, adressen of telefoonnummers op."),
  ).toBeVisible();
  await expectAccessible(parent);
  const typed = "Bel me op 06-12345678 als het kan.";
  await comment.fill(typed);
  await parent.getByRole("button", { name: "Versturen" }).tap();
  const phoneError = "Er staat een telefoonnummer in uw tekst. Haal dat weg.";
  await expect(summary.getByRole("link", { name: phoneError })).toBeVisible();
  await expect(comment).toHaveValue(typed);
  await expect(comment).toHaveAttribute("aria-invalid", "true");
  await expect(parent.getByText("Vraag 3 van 3")).toBeVisible();
  await expectAccessible(parent);
  expect(submits).toBe(1);

  // A double tap sends once.
  await comment.fill("Het gaat beter sinds de nieuwe afspraken op school.");
  await parent.getByRole("button", { name: "Versturen" }).dblclick();
  await expect(
    parent.getByRole("heading", { level: 1, name: "Bedankt voor uw antwoord" }),
  ).toBeVisible();
  await expect(parent.getByText("zien uw antwoord bij het volgende gesprek")).toBeVisible();
  expect(submits).toBe(2);
  await expectAccessible(parent);

  // The link again: the answer is in.
  await parent.goto(path);
  await expect(
    parent.getByRole("heading", { level: 1, name: "Uw antwoord is al ontvangen" }),
  ).toBeVisible();
  await expectAccessible(parent);

  // The professional's case has the answer waiting for the next check-in.
  const detail = await trpcQuery<{ pendingVoices: { perspective: string }[] }>(
    professionalPage,
    "cases.get",
    { partnershipId, caseId },
  );
  expect(detail.pendingVoices).toHaveLength(1);
  expect(detail.pendingVoices[0]?.perspective).toBe("parent");
});

test("a young person is addressed with je", async ({ browser, professionalPage }) => {
  const { path } = await caseWithLink(professionalPage, "young_person");
  const young = await (await browser.newContext(phone)).newPage();
  await young.goto(path);
  await expect(young.getByRole("heading", { level: 1, name: "Wat vind jij ervan?" })).toBeVisible();
  await expect(young.getByText("Je antwoord wordt bewaard zonder je naam.")).toBeVisible();
  await young.getByRole("button", { name: "Beginnen" }).tap();
  await expect(
    young.getByRole("group", { name: /Hoe gaat de samenwerking rond jou\?/ }),
  ).toBeVisible();
  await young.getByText("Heel goed").tap();
  await young.getByRole("button", { name: "Volgende" }).tap();
  await expect(young.getByRole("group", { name: /Hoe gaat het met jou\?/ })).toBeVisible();
  await young.getByRole("button", { name: "Volgende" }).tap();
  await expect(young.getByRole("link", { name: "Kies hoe het met jou gaat." })).toBeVisible();
  await expectAccessible(young);

  // A switch of language keeps the answers, and the message follows it.
  await young.getByRole("button", { name: "Switch to English" }).click();
  await expect(young.getByRole("link", { name: "Choose how you are doing." })).toBeVisible();
  await expect(young.getByRole("group", { name: /How are you doing\?/ })).toBeVisible();
  await young.getByRole("button", { name: "Back" }).tap();
  await expect(young.getByRole("radio", { name: "5 Very good" })).toBeChecked();
  await expectAccessible(young);
});
