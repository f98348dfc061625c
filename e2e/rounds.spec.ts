/**
 * An individual scoring round end to end: the coordinator plans a session, adds four
 * participants (three members with their accounts, a parent without one) and opens the round;
 * the members score on their own, signed in; the parent scores through a personal link on a
 * phone, in plain words; who responded shows, what they scored does not; the meeting opens on
 * the largest disagreements. After the sign-off the coordinator publishes "Wij hoorden, wij
 * doen", and the parent reads it on the same link. Axe finds no violations on these pages.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test, trpcMutate, trpcQuery } from "./helpers";

const partnership = "Zorg in en om de school Amsterdam-Noord";
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** A member scores every factor `base`, some `apart`, in their own form, and saves. */
async function scoreOwn(page: Page, url: string, base: number, apart: Record<string, number>) {
  await page.goto(url);
  const form = page.locator("form.smo-own-scores");
  await expect(form.getByRole("heading", { name: "Uw eigen scores" })).toBeVisible();
  const rows = form.locator(".smo-scale-row");
  await expect(rows).toHaveCount(21);
  for (let i = 0; i < 21; i++) {
    const row = rows.nth(i);
    const name = (await row.locator("input").first().getAttribute("name")) ?? "";
    const factor = name.split("-").at(-1) ?? "";
    await row.locator(`input[value="${apart[factor] ?? base}"]`).check();
  }
  await expect(form.getByText("21 van 21 factoren gescoord")).toBeVisible();
  await form.getByRole("button", { name: "Mijn scores opslaan" }).click();
  await expect(form.getByText(/^Uw scores zijn opgeslagen/)).toBeVisible();
}

test("a scoring round: everyone scores alone, the meeting opens on their disagreements", async ({
  browser,
  coordinatorPage: coordinator,
  leaderPage: leader,
  professionalPage: professional,
}) => {
  test.setTimeout(240_000);
  await coordinator.getByRole("link", { name: partnership }).click();
  await coordinator.waitForURL(/\/partnerships\/[0-9a-f-]{36}/);
  const partnershipId = new URL(coordinator.url()).pathname.split("/")[2] ?? "";
  const members = await trpcQuery<{ userId: string; name: string }[]>(
    coordinator,
    "partnerships.members",
    { partnershipId },
  );
  const heldOn = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const session = await trpcMutate<{ id: string }>(coordinator, "reflections.plan", {
    partnershipId,
    heldOn,
  });
  const url = `/partnerships/${partnershipId}/reflections/${session.id}`;
  await coordinator.goto(url);

  // Four participants: three with their accounts, a parent without.
  const addForm = coordinator.locator("form", { has: coordinator.getByLabel("Naam of rol") });
  for (const [name, sector, account] of [
    ["Coördinator", "Gemeente", "Carla Coördinator"],
    ["Intern begeleider", "Onderwijs", "Priya Professional"],
    ["Teamleider jeugdhulp", "Jeugdhulp", "Lucas Leidinggevende"],
    ["Ouder", "Ouder", null],
  ] as const) {
    await addForm.getByLabel("Naam of rol").fill(name);
    await addForm.getByLabel("Sector").selectOption({ label: sector });
    if (account) {
      expect(members.some((m) => m.name === account)).toBe(true);
      await addForm
        .getByLabel("Account (als deze persoon lid is)")
        .selectOption({ label: account });
    }
    await addForm.getByRole("button", { name: "Toevoegen" }).click();
    await expect(coordinator.getByText(new RegExp(`^${name} — `))).toBeVisible();
  }

  const round = coordinator.getByRole("region", { name: "Scoringsronde vooraf" });
  await round.getByRole("button", { name: "Scoringsronde openen" }).click();
  await expect(round.getByText("0 van 4 deelnemers hebben gescoord.")).toBeVisible();
  await round.getByRole("button", { name: "Link maken voor Ouder" }).click();
  const link = await round.getByLabel("Persoonlijke link").inputValue();
  expect(link).toMatch(/\/ronde\/[A-Za-z0-9_-]{40,}$/);
  await expect(
    round.getByRole("region", { name: "Kaart om af te geven" }).locator("svg"),
  ).toBeVisible();
  await expectAccessible(coordinator);

  // The parent, on a phone, without an account: plain questions, one part per screen.
  const parentContext = await browser.newContext(phone);
  const parent = await parentContext.newPage();
  await parent.goto(link);
  await expect(parent.getByRole("heading", { level: 1 })).toHaveText(
    "Wat vindt u van de samenwerking?",
  );
  await expectAccessible(parent);
  await parent.getByRole("button", { name: "Beginnen" }).click();
  const parentAnswers: Record<string, string> = {
    "Luisteren school en hulp naar u en uw kind?": "Gaat slecht",
    "Is er één plan voor uw kind en uw gezin, waar iedereen zich aan houdt?": "Kan beter",
  };
  for (let part = 1; part <= 5; part++) {
    await expect(parent.getByText(`Deel ${part} van 5`)).toBeVisible();
    const groups = parent.getByRole("group");
    for (let i = 0; i < (await groups.count()); i++) {
      const group = groups.nth(i);
      const question = (await group.locator("legend").textContent()) ?? "";
      await group.getByText(parentAnswers[question] ?? "Weet ik niet", { exact: true }).click();
    }
    if (part === 1) await expectAccessible(parent);
    await parent.getByRole("button", { name: part === 5 ? "Versturen" : "Volgende" }).click();
  }
  await expect(parent.getByRole("heading", { level: 1 })).toHaveText("Dank u wel!");
  await expect(parent.getByText(/^Na de bijeenkomst leest u hier/)).toBeVisible();

  // The members, each on their own; nobody sees another's scores in the meantime.
  await scoreOwn(professional, url, 4, { W3: 1, R3: 5 });
  await scoreOwn(leader, url, 4, { W3: 5, R3: 2 });
  await scoreOwn(coordinator, url, 3, {});
  await professional.reload();
  await expect(
    professional
      .getByRole("region", { name: "Scoringsronde vooraf" })
      .getByText(/4 van 4 deelnemers/),
  ).toBeVisible();
  await expect(professional.getByText("Waar we verschillend kijken")).toHaveCount(0);

  // The meeting starts: the round closes, the disagreements come first.
  await coordinator.reload();
  await expect(round.getByText("4 van 4 deelnemers hebben gescoord.")).toBeVisible();
  coordinator.once("dialog", (d) => void d.accept());
  await round.getByRole("button", { name: "Ronde sluiten en bijeenkomst beginnen" }).click();
  await expect(round.getByText(/^De ronde is gesloten op /)).toBeVisible();
  const disagreements = coordinator.getByRole("table", {
    name: "Verschillen van inzicht per factor, grootste eerst",
  });
  await expect(disagreements.locator("tbody tr").first()).toContainText("W3");
  await expect(disagreements.locator("tbody tr").first()).toContainText("4");
  // R3 (5, 2 and 3) and R6 (a parent's 1 beside 4, 4 and 3) both span 3; R3 spreads more.
  await expect(disagreements.locator("tbody tr").nth(1)).toContainText("R3");
  await expect(disagreements.locator("tbody tr").nth(2)).toContainText("R6");
  await expectAccessible(coordinator);

  // Held (yesterday, so it can be signed off), signed off; then "Wij hoorden, wij doen".
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const before = await trpcQuery<{ version: number }>(coordinator, "reflections.get", {
    partnershipId,
    sessionId: session.id,
  });
  await trpcMutate(coordinator, "reflections.update", {
    partnershipId,
    sessionId: session.id,
    version: before.version,
    heldOn: yesterday,
    whatWorks: "",
    whatDoesNot: "",
  });
  await trpcMutate(coordinator, "reflections.addAction", {
    partnershipId,
    sessionId: session.id,
    description: "Ouders schuiven aan bij het eerste zorgoverleg",
    dueOn: heldOn,
  });
  const held = await trpcQuery<{ version: number; revision: number }>(leader, "reflections.get", {
    partnershipId,
    sessionId: session.id,
  });
  await trpcMutate(leader, "reflections.signOff", {
    partnershipId,
    sessionId: session.id,
    version: held.version,
    revision: held.revision,
  });
  await coordinator.reload();
  const heard = coordinator.getByRole("region", { name: "Wij hoorden, wij doen" });
  const text = heard.getByLabel("Samenvatting");
  await expect(text).toHaveValue(/Ouders schuiven aan bij het eerste zorgoverleg/);
  await text.fill(
    `${(await text.inputValue()).replace("- \n", "- We hoorden dat ouders zich niet altijd gehoord voelen.\n")}`,
  );
  await heard.getByLabel("Publiceren op de link van ouders en jongeren").check();
  await heard.getByRole("button", { name: "Samenvatting opslaan" }).click();
  await expect(heard.getByText(/^Gepubliceerd op /)).toBeVisible();
  await expectAccessible(coordinator);

  await parent.reload();
  await expect(parent.getByRole("heading", { level: 1 })).toHaveText("Uw antwoorden zijn binnen");
  const summary = parent.getByRole("region", { name: "Wij hoorden, wij doen" });
  await expect(summary).toContainText("ouders zich niet altijd gehoord voelen");
  await expect(summary).toContainText("Ouders schuiven aan bij het eerste zorgoverleg");
  await expectAccessible(parent);
  await parentContext.close();
});
