import { describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { caseGoalFields } from "../helpers/fixtures";
import { callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** The dashboard as it looks on `today`: only the query runs with the clock set to it. */
async function casesOn(caller: Caller, partnershipId: string, today: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${today}T12:00:00Z`));
  try {
    return await caller.dashboards.cases({ partnershipId });
  } finally {
    vi.useRealTimers();
  }
}

/** T = 50 + 10·Σwx / √(0.7·Σw² + 0.3·(Σw)²); for weights 1 and 3 the root is √11.8. */
const root = Math.sqrt(0.7 * (1 + 9) + 0.3 * 4 ** 2);

describe("case aggregates per quarter", () => {
  it("are computed over the last eight quarters, without any case code", async () => {
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    const create = (openedOn: string, jointPlan = false, jointPlanSince: string | null = null) =>
      professional.cases.create({
        ...p,
        ageBand: "4-12",
        schoolType: "po",
        openedOn,
        jointPlan,
        jointPlanSince,
      });
    const rating = (
      perspective: "school" | "youth_care" | "parent" | "young_person",
      wellbeing: number,
    ) => ({ perspective, collaboration: 3, wellbeing });
    const checkIn = (
      caseId: string,
      heldOn: string,
      fields: {
        professionalChanges?: number;
        ratings?: ReturnType<typeof rating>[];
        referrals?: { kind: "local_team"; judgement: "appropriate" | "too_quick" }[];
        gasScores?: { caseGoalId: string; score: number }[];
      } = {},
    ) =>
      professional.cases.addCheckIn({
        ...p,
        caseId,
        clientRequestId: crypto.randomUUID(),
        heldOn,
        ...fields,
      });
    const referral = (judgement: "appropriate" | "too_quick") =>
      ({ kind: "local_team", judgement }) as const;
    const close = async (c: { id: string; version: number }, closedOn: string) =>
      professional.cases.close({
        ...p,
        caseId: c.id,
        version: c.version,
        closedOn,
        ending: "planned",
      });

    // A: open since January 2025, a joint plan since 1 May 2025, goals of weight 1 and 3.
    const a = await create("2025-01-01", true, "2025-05-01");
    const a1 = await professional.cases.addGoal({
      ...p,
      caseId: a.id,
      ...caseGoalFields,
      weight: 1,
    });
    const a2 = await professional.cases.addGoal({
      ...p,
      caseId: a.id,
      ...caseGoalFields,
      weight: 3,
    });
    // B: from 15 February 2025 to 30 April 2026, no joint plan, one goal of weight 1.
    const b = await create("2025-02-15");
    const b1 = await professional.cases.addGoal({ ...p, caseId: b.id, ...caseGoalFields });
    // C: 10 April to 30 June 2025, a joint plan without a date; no goals.
    const c = await create("2025-04-10", true, null);
    // D: closed before the eight quarters began.
    const d = await create("2023-06-01");
    // E: opened in the current quarter with a joint plan.
    const e = await create("2026-04-20", true, "2026-04-20");

    // 2025-K1
    await checkIn(a.id, "2025-02-01", {
      professionalChanges: 1,
      ratings: [rating("school", 3), rating("parent", 4)],
      gasScores: [
        { caseGoalId: a1.id, score: 1 },
        { caseGoalId: a2.id, score: 0 },
      ],
    });
    await checkIn(b.id, "2025-03-01", {
      professionalChanges: 2,
      ratings: [rating("school", 3)],
      referrals: [referral("too_quick")],
      gasScores: [{ caseGoalId: b1.id, score: -1 }],
    });
    await checkIn(a.id, "2025-03-20", {
      ratings: [rating("school", 2), rating("youth_care", 4), rating("young_person", 1)],
      referrals: [referral("too_quick"), referral("appropriate")],
      gasScores: [
        { caseGoalId: a1.id, score: 2 },
        { caseGoalId: a2.id, score: 1 },
      ],
    });
    // 2025-K2
    await checkIn(a.id, "2025-05-10", {
      professionalChanges: 1,
      gasScores: [
        { caseGoalId: a1.id, score: -1 },
        { caseGoalId: a2.id, score: -1 },
      ],
    });
    await checkIn(c.id, "2025-05-20", {
      professionalChanges: 2,
      ratings: [rating("school", 4), rating("young_person", 3)],
      referrals: [referral("appropriate")],
    });
    await checkIn(a.id, "2025-06-15", {
      ratings: [rating("youth_care", 3), rating("parent", 5)],
    });
    // 2026-K2, up to "today" (15 May 2026); the check-in of 1 June is after it.
    await checkIn(b.id, "2026-04-15", {
      professionalChanges: 1,
      ratings: [rating("parent", 2), rating("school", 4)],
      referrals: [referral("too_quick")],
      gasScores: [{ caseGoalId: b1.id, score: 2 }],
    });
    await checkIn(e.id, "2026-05-10", { ratings: [rating("school", 3)] });
    await checkIn(e.id, "2026-06-01", {
      professionalChanges: 5,
      ratings: [rating("parent", 1), rating("school", 5)],
      referrals: [referral("appropriate")],
    });
    // Before the eight quarters.
    await checkIn(d.id, "2024-05-01", {
      professionalChanges: 3,
      ratings: [rating("parent", 1), rating("school", 5)],
      referrals: [referral("too_quick")],
    });
    await close(b, "2026-04-30");
    await close(c, "2025-06-30");
    await close(d, "2024-06-30");

    const coordinator = await callerFor(database.db, world, "coordinator");
    const result = await casesOn(coordinator, world.p.id, "2026-05-15");
    const quarters = result.quarters;
    expect(quarters.map((q) => q.label)).toEqual([
      "2024-K3",
      "2024-K4",
      "2025-K1",
      "2025-K2",
      "2025-K3",
      "2025-K4",
      "2026-K1",
      "2026-K2",
    ]);
    expect(quarters.map((q) => q.activeCases)).toEqual([0, 0, 2, 3, 2, 2, 2, 3]);
    expect(quarters.map((q) => q.checkIns)).toEqual([0, 0, 3, 3, 0, 0, 0, 2]);
    expect(quarters.map((q) => q.jointPlanShare)).toEqual([
      null,
      null,
      0,
      1 / 3,
      0.5,
      0.5,
      0.5,
      2 / 3,
    ]);
    const [k3, , k1, k2, q3, , , now] = quarters;

    // Nothing was active in 2024-K3 (D closed on 30 June 2024).
    expect(k3).toEqual({
      label: "2024-K3",
      year: 2024,
      quarter: 3,
      start: "2024-07-01",
      end: "2024-09-30",
      activeCases: 0,
      checkIns: 0,
      referrals: 0,
      meanGasT: null,
      wellbeingGap: null,
      professionalChangesPerCaseYear: null,
      jointPlanShare: null,
      voiceShare: null,
      tooQuickShare: null,
      suppressed: false,
    });

    // 2025-K1: A and B active; check-ins A 1 Feb, B 1 Mar, A 20 Mar.
    expect(k1).toMatchObject({ start: "2025-01-01", end: "2025-03-31", referrals: 3 });
    // A's latest: 20 March, 1·2 + 3·1 = 5 → 50 + 50/√11.8 = 64.56; B: 1·(−1) → 40.
    // Mean (90 + 50/√11.8) / 2 = 45 + 25/√11.8 = 52.28.
    expect(k1?.meanGasT).toBeCloseTo(45 + 25 / root, 10);
    expect(k1?.meanGasT).toBeCloseTo(52.2778, 4);
    // Gaps: A 1 Feb 4 − 3 = 1; B none (no family); A 20 Mar 1 − (2 + 4)/2 = −2. Mean −0.5.
    expect(k1?.wellbeingGap).toBe(-0.5);
    // Changes 1 + 2 + 0 = 3 over A 1 Jan → 1 Apr = 90 days and B 15 Feb → 1 Apr = 45 days:
    // 3 / (135 / 365.25) = 8.1167.
    expect(k1?.professionalChangesPerCaseYear).toBeCloseTo((3 * 365.25) / 135, 10);
    // Voice: A's two check-ins (parent; young person) of three.
    expect(k1?.voiceShare).toBeCloseTo(2 / 3, 10);
    // Referrals: too quick (B), too quick and appropriate (A): 2 of 3.
    expect(k1?.tooQuickShare).toBeCloseTo(2 / 3, 10);
    // A's joint plan starts in May: 0 of 2.
    expect(k1?.jointPlanShare).toBe(0);

    // 2025-K2: A, B and C active; check-ins A 10 May, C 20 May, A 15 June.
    // A's latest T-score is of 10 May (15 June scored no goal): 1·(−1) + 3·(−1) = −4 →
    // 50 − 40/√11.8 = 38.36; B's score of the previous quarter does not carry over; C has no goals.
    expect(k2?.meanGasT).toBeCloseTo(50 - 40 / root, 10);
    expect(k2?.meanGasT).toBeCloseTo(38.3555, 4);
    // Gaps: A 10 May none; C 3 − 4 = −1; A 15 June 5 − 3 = 2. Mean 0.5.
    expect(k2?.wellbeingGap).toBe(0.5);
    // Changes 1 + 2 + 0 = 3 over A 91 days, B 91 days and C 10 April → 30 June = 81 days:
    // 3 / (263 / 365.25) = 4.1663.
    expect(k2?.professionalChangesPerCaseYear).toBeCloseTo((3 * 365.25) / 263, 10);
    // Voice: C (young person) and A 15 June (parent) of three.
    expect(k2?.voiceShare).toBeCloseTo(2 / 3, 10);
    // One referral, appropriate.
    expect(k2?.tooQuickShare).toBe(0);
    expect(k2?.referrals).toBe(1);
    // Joint plan: A (since 1 May); not B (none) or C (no date): 1 of 3.
    expect(k2?.jointPlanShare).toBeCloseTo(1 / 3, 10);

    // 2025-K3: A and B, no check-ins: no changes over their time, the rest null.
    expect(q3).toMatchObject({
      activeCases: 2,
      meanGasT: null,
      wellbeingGap: null,
      professionalChangesPerCaseYear: 0,
      jointPlanShare: 0.5,
      voiceShare: null,
      tooQuickShare: null,
    });

    // 2026-K2 up to 15 May: A, B (closed 30 April) and E (opened 20 April); check-ins B 15 April
    // and E 10 May, not E 1 June.
    expect(now).toMatchObject({ start: "2026-04-01", end: "2026-06-30", referrals: 1 });
    // B: 1·2 → 70.
    expect(now?.meanGasT).toBe(70);
    // B 2 − 4 = −2; E none.
    expect(now?.wellbeingGap).toBe(-2);
    // 1 change over A 1 April → 16 May = 45 days, B 1 → 30 April = 29, E 20 April → 16 May = 26:
    // 1 / (100 / 365.25) = 3.6525.
    expect(now?.professionalChangesPerCaseYear).toBeCloseTo(3.6525, 10);
    expect(now?.voiceShare).toBe(0.5);
    expect(now?.tooQuickShare).toBe(1);
    // Joint plan: A and E of three.
    expect(now?.jointPlanShare).toBeCloseTo(2 / 3, 10);

    // Aggregates only: no case's code, id or text.
    const json = JSON.stringify(result);
    for (const x of [a, b, c, d, e]) {
      expect(json).not.toContain(x.code);
      expect(json).not.toContain(x.id);
    }
    expect(json).not.toContain(caseGoalFields.description);

    // A leader (and a professional, and an admin) may not see single cases: with 2 or 3 active
    // cases a quarter could be about one child, so its figures are left out (threshold 10).
    for (const actor of ["leader", "professional", "admin"] as const) {
      const shown = await casesOn(
        await callerFor(database.db, world, actor),
        world.p.id,
        "2026-05-15",
      );
      expect(shown.minCases).toBe(10);
      expect(shown.quarters.map((q) => q.suppressed)).toEqual([
        false,
        false,
        true,
        true,
        true,
        true,
        true,
        true,
      ]);
      expect(shown.quarters[3]).toMatchObject({
        activeCases: null,
        meanGasT: null,
        checkIns: null,
      });
    }
  });

  it("are empty for a partnership without cases", async () => {
    const coordinatorQ = await callerFor(database.db, world, "otherMember");
    const { quarters } = await casesOn(coordinatorQ, world.q.id, "2026-01-01");
    expect(quarters.map((q) => q.label)).toEqual([
      "2024-K2",
      "2024-K3",
      "2024-K4",
      "2025-K1",
      "2025-K2",
      "2025-K3",
      "2025-K4",
      "2026-K1",
    ]);
    for (const q of quarters) {
      expect(q).toMatchObject({
        activeCases: 0,
        checkIns: 0,
        meanGasT: null,
        professionalChangesPerCaseYear: null,
        jointPlanShare: null,
      });
    }
  });
});
