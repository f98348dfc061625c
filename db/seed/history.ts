/**
 * A few years of history for a demo partnership, so the charts tell a story on first start:
 * goals with quarterly measurements, reflection sessions on the partnership's cadence with
 * 3–5 participants scoring the instrument (improving over time, education and youth care not
 * always agreeing), notes, goal reviews and actions reviewed by the next session.
 * Deterministic: the same partnership index gives the same history.
 */
import { eq } from "drizzle-orm";
import { addMonths } from "@/domain/dates";
import { currentInstrument, factorIds } from "@/domain/instrument";
import { cadenceMonths, type ReflectionCadence, type Sector } from "@/domain/vocabulary";
import {
  factorNotes,
  factorScores,
  goalMeasurements,
  goalPartnerRoles,
  goalReviews,
  goals,
  partnerships,
  reflectionActions,
  reflectionSessions,
  sessionGoalReviews,
  sessionParticipants,
} from "../schema";
import type { Tx } from "../types";
import { seededRandom } from "./random";

const clampScore = (x: number) => Math.max(1, Math.min(5, Math.round(x)));

export type HistoryInput = {
  index: number;
  partnershipId: string;
  cadence: ReflectionCadence;
  /** The partnership's partner organisations with their sector. */
  partners: { id: string; sector: Sector; name: string }[];
  coordinatorId: string;
  leaderId: string | null;
  today: string;
  /** Leave the cycle overdue (no session planned after the last one). */
  overdue: boolean;
  /** Every partner at the table (a second teacher and a neighbourhood worker too). */
  wideMeeting?: boolean;
};

export async function seedHistory(tx: Tx, input: HistoryInput) {
  const rnd = seededRandom(1000 + input.index * 7919);
  const start = addMonths(input.today, -33); // about 2¾ years back
  const targetDate = addMonths(input.today, 15);
  // The partnership began when its history does: reflections are expected from then on.
  await tx
    .update(partnerships)
    .set({ createdAt: new Date(`${start}T09:00:00Z`) })
    .where(eq(partnerships.id, input.partnershipId));

  // -- goals: one impact goal and two intermediate goals
  const goalSpecs = [
    {
      title: "Minder thuiszitters in de wijk",
      indicator: "Aantal thuiszitters (langer dan 4 weken)",
      unit: "kinderen",
      direction: "lower" as const,
      baseline: 18,
      target: 6,
      min: 0,
      max: 60,
      effect: "child" as const,
      parent: null as number | null,
    },
    {
      title: "Hulp binnen vier weken gestart",
      indicator: "Aandeel trajecten gestart binnen 4 weken",
      unit: "%",
      direction: "higher" as const,
      baseline: 45,
      target: 80,
      min: 0,
      max: 100,
      effect: "family" as const,
      parent: 0,
    },
    {
      title: "Leerkrachten voelen zich gesteund",
      indicator: "Aandeel leerkrachten dat zich gesteund voelt",
      unit: "%",
      direction: "higher" as const,
      baseline: 55,
      target: 75,
      min: 0,
      max: 100,
      effect: "professionals" as const,
      parent: 0,
    },
  ];
  const goalRows: { id: string; spec: (typeof goalSpecs)[number] }[] = [];
  for (const [position, spec] of goalSpecs.entries()) {
    const [row] = await tx
      .insert(goals)
      .values({
        partnershipId: input.partnershipId,
        parentId: spec.parent === null ? null : (goalRows[spec.parent]?.id ?? null),
        title: spec.title,
        description: "",
        indicator: spec.indicator,
        unit: spec.unit,
        direction: spec.direction,
        baselineValue: spec.baseline,
        baselineDate: start,
        targetValue: spec.target,
        targetDate,
        plausibleMin: spec.min,
        plausibleMax: spec.max,
        effectKind: spec.effect,
        position,
        // Set when the history begins, so that every quarter since counts it.
        createdAt: new Date(`${start}T09:00:00Z`),
      })
      .returning();
    if (!row) throw new Error("seed: goal");
    goalRows.push({ id: row.id, spec });
    const roles = input.partners.slice(0, 3).map((p, i) => ({
      goalId: row.id,
      partnershipId: input.partnershipId,
      organisationId: p.id,
      role:
        ["Signaleert vroeg en meldt aan", "Start de hulp op school", "Volgt het gezin thuis"][i] ??
        "Denkt mee",
    }));
    if (roles.length) await tx.insert(goalPartnerRoles).values(roles);
    // Quarterly measurements; the pace differs per goal (one lags behind).
    const pace = [0.8, 1.05, 0.45][position] ?? 1;
    const measurements = [];
    for (let m = 3, q = 0; addMonths(start, m) <= input.today; m += 3, q++) {
      const on = addMonths(start, m);
      const share = Math.min(1, (m / 48) * pace);
      const value =
        spec.baseline +
        (spec.target - spec.baseline) * share +
        (rnd() - 0.5) * Math.abs(spec.target - spec.baseline) * 0.12;
      measurements.push({
        goalId: row.id,
        partnershipId: input.partnershipId,
        value: Math.round(value * 10) / 10,
        measuredOn: on,
        note: q === 0 ? "Eerste meting na de start" : "",
        recordedBy: input.coordinatorId,
      });
    }
    if (measurements.length) await tx.insert(goalMeasurements).values(measurements);
    if (input.leaderId && position === 0) {
      await tx.insert(goalReviews).values({
        goalId: row.id,
        partnershipId: input.partnershipId,
        reviewerId: input.leaderId,
        verdict: "on_track",
        comment: "De lijn gaat de goede kant op; houd de instroom in de gaten.",
        reviewedAt: new Date(`${addMonths(input.today, -2)}T10:00:00Z`),
      });
    }
  }

  // -- reflection sessions on the cadence
  const step = cadenceMonths[input.cadence];
  const dates: string[] = [];
  for (let on = addMonths(start, 1); on <= input.today; on = addMonths(on, step)) dates.push(on);
  if (input.overdue) dates.splice(Math.max(1, dates.length - 2)); // the last ones did not happen
  const factorList = factorIds(currentInstrument);
  const baseLevel = new Map(factorList.map((f) => [f, 2 + rnd() * 1.4]));
  let openActions: { id: string }[] = [];
  for (const [n, heldOn] of dates.entries()) {
    const [session] = await tx
      .insert(reflectionSessions)
      .values({
        partnershipId: input.partnershipId,
        heldOn,
        instrumentVersion: currentInstrument.version,
        status: "signed_off",
        whatWorks:
          [
            "Korte lijnen tussen intern begeleider en jeugdhulp",
            "Het wekelijkse spreekuur op school",
            "Ouders schuiven vaker aan",
          ][n % 3] ?? "",
        whatDoesNot:
          [
            "Wachttijd bij specialistische hulp",
            "Wisselingen van contactpersoon",
            "Gegevens delen blijft lastig",
          ][n % 3] ?? "",
        signedOffBy: input.leaderId ?? input.coordinatorId,
        signedOffAt: new Date(`${heldOn}T16:00:00Z`),
      })
      .returning();
    if (!session) throw new Error("seed: session");
    const people: { name: string; sector: Sector; organisationId: string | null }[] = [
      ...input.partners
        .filter((p) => p.sector === "education")
        .slice(0, 1)
        .map((p) => ({ name: "Intern begeleider", sector: p.sector, organisationId: p.id })),
      ...input.partners
        .filter((p) => p.sector === "youth_care")
        .slice(0, 1)
        .map((p) => ({ name: "Jeugdhulpwerker", sector: p.sector, organisationId: p.id })),
      ...input.partners
        .filter((p) => p.sector === "education")
        .slice(1, 2)
        .map((p) => ({ name: "Leerkracht", sector: p.sector, organisationId: p.id })),
      ...(input.wideMeeting
        ? input.partners
            .filter((p) => p.sector === "youth_care")
            .slice(1, 2)
            .map((p) => ({ name: "Buurtteammedewerker", sector: p.sector, organisationId: p.id }))
        : []),
      ...(input.wideMeeting && n % 3 !== 2
        ? [{ name: "Zorgcoördinator", sector: "education" as Sector, organisationId: null }]
        : []),
      ...(n % 2 === 0 ? [{ name: "Ouder", sector: "parent" as Sector, organisationId: null }] : []),
      ...(n % 4 === 1
        ? [
            {
              name: "Beleidsmedewerker gemeente",
              sector: "municipality" as Sector,
              organisationId: null,
            },
          ]
        : []),
    ];
    const participants = await tx
      .insert(sessionParticipants)
      .values(
        people.map((p) => ({ ...p, sessionId: session.id, partnershipId: input.partnershipId })),
      )
      .returning();
    const growth = (n / Math.max(1, dates.length - 1)) * 1.6;
    const scoreRows = participants.flatMap((p) =>
      factorList.map((factorId) => {
        const sectorOffset =
          p.sector === "education"
            ? 0.35
            : p.sector === "youth_care"
              ? -0.35
              : p.sector === "parent"
                ? -0.6
                : 0;
        const unknown = (factorId.startsWith("K") || factorId === "B5") && p.sector === "parent";
        return {
          sessionId: session.id,
          partnershipId: input.partnershipId,
          participantId: p.id,
          instrumentVersion: currentInstrument.version,
          factorId,
          score: unknown
            ? null
            : clampScore(
                (baseLevel.get(factorId) ?? 3) + growth + sectorOffset + (rnd() - 0.5) * 1.2,
              ),
        };
      }),
    );
    await tx.insert(factorScores).values(scoreRows);
    await tx.insert(factorNotes).values({
      sessionId: session.id,
      partnershipId: input.partnershipId,
      factorId: "R6",
      note:
        n % 2 === 0
          ? "Een ouder was erbij; dat gaf een ander gesprek."
          : "Ouders waren er niet bij — volgende keer uitnodigen.",
    });
    await tx.insert(sessionGoalReviews).values(
      goalRows.slice(0, 2).map((g, i) => ({
        sessionId: session.id,
        partnershipId: input.partnershipId,
        goalId: g.id,
        assessment: (i === 0 ? "on_track" : n % 3 === 0 ? "at_risk" : "on_track") as
          | "on_track"
          | "at_risk",
        story:
          i === 0
            ? "Minder meldingen van langdurig verzuim."
            : "Wachtlijst bij de specialistische hulp remt de start.",
      })),
    );
    // This session reviews what is still open: most is done, some carries on to the next.
    const stillOpen: { id: string }[] = [];
    for (const a of openActions) {
      const carriesOn = rnd() < 0.25;
      await tx
        .update(reflectionActions)
        .set({ status: carriesOn ? "continued" : "done", reviewedInSessionId: session.id })
        .where(eq(reflectionActions.id, a.id));
      if (carriesOn) stillOpen.push(a);
    }
    const owner = (sector: Sector) => input.partners.find((p) => p.sector === sector)?.id ?? null;
    const agreed = await tx
      .insert(reflectionActions)
      .values([
        {
          partnershipId: input.partnershipId,
          sessionId: session.id,
          description:
            [
              "Vaste contactpersoon jeugdhulp per school",
              "Ouders uitnodigen voor de volgende reflectie",
              "Afspraken over gegevens delen vastleggen",
            ][n % 3] ?? "Actie",
          ownerOrganisationId: owner(n % 2 === 0 ? "youth_care" : "education"),
          dueOn: addMonths(heldOn, 2),
        },
        {
          partnershipId: input.partnershipId,
          sessionId: session.id,
          description: "Samen scholing volgen over signaleren",
          ownerOrganisationId: owner("education"),
          dueOn: addMonths(heldOn, step),
        },
      ])
      .returning({ id: reflectionActions.id });
    openActions = [...stillOpen, ...agreed];
  }
  // The next one, planned (unless this partnership is to show an overdue cycle).
  if (!input.overdue) {
    const last = dates.at(-1) ?? input.today;
    await tx.insert(reflectionSessions).values({
      partnershipId: input.partnershipId,
      heldOn:
        addMonths(last, step) > input.today ? addMonths(last, step) : addMonths(input.today, 1),
      instrumentVersion: currentInstrument.version,
    });
  }
}
