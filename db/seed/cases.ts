/**
 * Demo cases: 20–40 per partnership over the last two years, pseudonymous like real ones, with
 * check-ins from the four perspectives, GAS goals, referrals and professional changes — so the
 * case pages and the dashboard's case figures tell a story on first start.
 */
import { randomUUID } from "node:crypto";
import { generateCaseCode } from "@/domain/case-code";
import { addMonths } from "@/domain/dates";
import {
  type AgeBand,
  type ProblemDomain,
  problemDomains,
  type ReferralKind,
  type SchoolType,
} from "@/domain/vocabulary";
import {
  caseAssignments,
  caseGoals,
  cases,
  checkInGasScores,
  checkInRatings,
  checkInReferrals,
  checkIns,
} from "../schema";
import type { Tx } from "../types";
import { seededRandom } from "./random";

const schoolFor: Record<AgeBand, SchoolType[]> = {
  "0-4": ["none"],
  "4-12": ["po", "po", "so"],
  "12-16": ["vo", "vo", "vso"],
  "16-18": ["vo", "mbo", "vso"],
  "18-23": ["mbo", "none"],
};
const ages: AgeBand[] = ["4-12", "4-12", "4-12", "12-16", "12-16", "16-18", "0-4", "18-23"];
const referralKinds: ReferralKind[] = [
  "school_support",
  "local_team",
  "youth_care_light",
  "specialist_youth_care",
  "mental_health",
];
const goalTexts = [
  [
    "Gaat weer elke dag naar school",
    "Zit thuis",
    "Af en toe op school",
    "Halve dagen op school",
    "Bijna elke dag",
    "Elke dag de hele dag",
  ],
  ["Voelt zich veilig in de klas", "Nooit", "Zelden", "Soms", "Meestal", "Altijd"],
  [
    "Rustige ochtenden thuis",
    "Elke ochtend ruzie",
    "Vaak ruzie",
    "Soms ruzie",
    "Zelden ruzie",
    "Rustig",
  ],
  [
    "Heeft een vriend of vriendin in de klas",
    "Geen contact",
    "Af en toe contact",
    "Eén vriend",
    "Een paar vrienden",
    "Hoort erbij",
  ],
] as const;

const clamp = (x: number) => Math.max(1, Math.min(5, Math.round(x)));

export async function seedCases(
  tx: Tx,
  input: {
    index: number;
    partnershipId: string;
    workers: string[];
    today: string;
    /** How many cases (the demo: 24–36 per partnership; benchmarks: more). */
    count?: number;
  },
) {
  if (input.workers.length === 0) return;
  const rnd = seededRandom(5000 + input.index * 104_729);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const count = input.count ?? 24 + input.index * 6;
  const codes = new Set<string>();
  for (let n = 0; n < count; n++) {
    const ageBand = pick(ages);
    let code = generateCaseCode((k) => Math.floor(rnd() * k));
    while (codes.has(code)) code = generateCaseCode((k) => Math.floor(rnd() * k));
    codes.add(code);
    const openedOn = addMonths(input.today, -Math.floor(rnd() * 24) - 1);
    const closed = rnd() < 0.35 && openedOn < addMonths(input.today, -6);
    const closedOn = closed ? addMonths(openedOn, 4 + Math.floor(rnd() * 10)) : null;
    const end = closedOn && closedOn < input.today ? closedOn : input.today;
    const jointPlan = rnd() < 0.6;
    const domains = [...new Set([pick(problemDomains), pick(problemDomains)])] as ProblemDomain[];
    const [row] = await tx
      .insert(cases)
      .values({
        partnershipId: input.partnershipId,
        code,
        ageBand,
        schoolType: pick(schoolFor[ageBand]),
        problemDomains: domains,
        openedOn,
        closedOn: closedOn && closedOn < input.today ? closedOn : null,
        jointPlan,
        jointPlanSince: jointPlan ? addMonths(openedOn, 1) : null,
        // Two in three cases keep a rhythm (not drawn, so the rest of the demo stays as it was).
        checkInEveryWeeks: n % 3 === 2 ? null : n % 3 === 0 ? 4 : 6,
        ...(closedOn && closedOn < input.today
          ? {
              ending: rnd() < 0.8 ? ("planned" as const) : ("dropout" as const),
              continuesWithoutHelp: rnd() < 0.6,
              satisfactionParent: clamp(3 + rnd() * 2),
            }
          : {}),
      })
      .returning();
    if (!row) throw new Error("seed: case");
    // The first worker (the demo professional, where there is one) is on many cases.
    const assigned = new Set([n % 2 === 0 ? input.workers[0] : pick(input.workers)]);
    await tx
      .insert(caseAssignments)
      .values(
        [...assigned]
          .filter((u): u is string => Boolean(u))
          .map((userId) => ({ caseId: row.id, partnershipId: input.partnershipId, userId })),
      );
    const goals = await tx
      .insert(caseGoals)
      .values(
        [pick(goalTexts), pick(goalTexts)]
          .slice(0, 1 + Math.floor(rnd() * 2))
          .map(([description, m2, m1, z, p1, p2]) => ({
            caseId: row.id,
            partnershipId: input.partnershipId,
            description,
            levelMinus2: m2,
            levelMinus1: m1,
            level0: z,
            levelPlus1: p1,
            levelPlus2: p2,
            weight: 1 + Math.floor(rnd() * 2),
          })),
      )
      .returning();
    const improving = rnd() < 0.7;
    const young = ageBand === "12-16" || ageBand === "16-18" || ageBand === "18-23";
    for (let m = 1, k = 0; addMonths(openedOn, m) <= end; m += 2 + Math.floor(rnd() * 2), k++) {
      const heldOn = addMonths(openedOn, m);
      const trend = improving ? Math.min(1.6, k * 0.3) : -Math.min(0.8, k * 0.15);
      const [checkIn] = await tx
        .insert(checkIns)
        .values({
          caseId: row.id,
          partnershipId: input.partnershipId,
          heldOn,
          professionalChanges: rnd() < 0.15 ? 1 : 0,
          clientRequestId: randomUUID(),
          createdBy: [...assigned][0] ?? null,
        })
        .returning();
      if (!checkIn) throw new Error("seed: check-in");
      const base = { checkInId: checkIn.id, caseId: row.id, partnershipId: input.partnershipId };
      const rating = (offset: number) => ({
        collaboration: clamp(3 + trend * 0.6 + offset + (rnd() - 0.5)),
        wellbeing: clamp(2.6 + trend + offset + (rnd() - 0.5)),
      });
      await tx
        .insert(checkInRatings)
        .values([
          { ...base, perspective: "school" as const, ...rating(0.2) },
          { ...base, perspective: "youth_care" as const, ...rating(0) },
          ...(rnd() < 0.5
            ? [{ ...base, perspective: "parent" as const, ...rating(-0.4), viaLink: rnd() < 0.5 }]
            : []),
          ...(young && rnd() < 0.3
            ? [{ ...base, perspective: "young_person" as const, ...rating(-0.2), viaLink: true }]
            : []),
        ]);
      if (rnd() < 0.12) {
        await tx.insert(checkInReferrals).values({
          ...base,
          kind: pick(referralKinds),
          judgement: rnd() < 0.25 ? "too_quick" : "appropriate",
        });
      }
      await tx.insert(checkInGasScores).values(
        goals.map((g) => ({
          checkInId: checkIn.id,
          caseGoalId: g.id,
          partnershipId: input.partnershipId,
          score: Math.max(
            -2,
            Math.min(2, Math.round(-1 + (improving ? k * 0.5 : -k * 0.2) + (rnd() - 0.5))),
          ),
        })),
      );
    }
  }
}
