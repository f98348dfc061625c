import { describe, expect, it } from "vitest";
import {
  type AggregateCase,
  type AggregateCheckIn,
  caseAggregatesByQuarter,
  type QuarterAggregate,
  suppressSmallQuarters,
} from "./case-aggregates";
import type { Rating } from "./case-signals";
import { lastQuarters, quarterOf } from "./dates";

const caseOf = (
  id: string,
  openedOn: string,
  closedOn: string | null = null,
  jointPlan = false,
  jointPlanSince: string | null = null,
): AggregateCase => ({ id, openedOn, closedOn, jointPlan, jointPlanSince });

const checkIn = (
  caseId: string,
  heldOn: string,
  more: Partial<Omit<AggregateCheckIn, "caseId" | "heldOn">> = {},
): AggregateCheckIn => ({
  caseId,
  heldOn,
  professionalChanges: 0,
  ratings: [],
  referralJudgements: [],
  gasGoals: [],
  ...more,
});

/** A wellbeing rating (collaboration is not used here). */
const wb = (perspective: Rating["perspective"], wellbeing: number): Rating => ({
  perspective,
  collaboration: 3,
  wellbeing,
});

const k2 = quarterOf("2025-05-15"); // 2025-04-01 … 2025-06-30

describe("caseAggregatesByQuarter", () => {
  const cases = [
    // Open all quarter; joint plan since 1 May.
    caseOf("a", "2025-01-01", null, true, "2025-05-01"),
    // Opened on the last day; joint plan only from the next quarter.
    caseOf("b", "2025-06-30", null, true, "2025-07-01"),
    // Closed on the first day; a joint plan without a date.
    caseOf("c", "2024-01-01", "2025-04-01", true, null),
    // Closed the day before the quarter, and opened the day after: not active.
    caseOf("d", "2024-01-01", "2025-03-31"),
    caseOf("e", "2025-07-01", null, true, "2025-07-01"),
  ];
  const checkIns = [
    checkIn("a", "2025-03-31", {
      professionalChanges: 5,
      ratings: [wb("parent", 5), wb("school", 1)],
      referralJudgements: ["too_quick"],
      gasGoals: [{ weight: 1, score: -2 }],
    }),
    checkIn("a", "2025-04-10", {
      professionalChanges: 1,
      ratings: [wb("school", 2), wb("parent", 4)],
      referralJudgements: ["too_quick", "appropriate"],
      gasGoals: [{ weight: 1, score: 1 }],
    }),
    checkIn("a", "2025-06-01", { ratings: [wb("youth_care", 3)] }),
    checkIn("b", "2025-06-30", {
      professionalChanges: 2,
      ratings: [wb("young_person", 1), wb("school", 3), wb("youth_care", 4)],
      referralJudgements: ["too_quick"],
      gasGoals: [
        { weight: 1, score: 1 },
        { weight: 3, score: 0 },
      ],
    }),
    // A check-in of a case that was closed by then: counted as a check-in, its changes not.
    checkIn("d", "2025-05-01", { professionalChanges: 4 }),
    checkIn("a", "2025-07-01", {
      professionalChanges: 3,
      ratings: [wb("parent", 1), wb("school", 5)],
      referralJudgements: ["too_quick"],
      gasGoals: [{ weight: 1, score: 2 }],
    }),
  ];

  it("computes every figure of a past quarter", () => {
    const [q] = caseAggregatesByQuarter({ cases, checkIns }, [k2], "2026-01-01");
    // Active: a, b (opened 30 June), c (closed 1 April); not d (closed 31 March) or e (July).
    expect(q?.activeCases).toBe(3);
    // a on 10 April and 1 June, b on 30 June, d on 1 May; not 31 March or 1 July.
    expect(q?.checkIns).toBe(4);
    expect(q?.referrals).toBe(3);
    // a: latest scored check-in 10 April, one goal +1 → T = 50 + 10·1/√(0.7 + 0.3) = 60 (the
    // check-in of 1 June scored no goal). b: weights 1 and 3, scores +1 and 0 →
    // T = 50 + 10·1/√(0.7·(1 + 9) + 0.3·4²) = 50 + 10/√11.8. Mean: 55 + 5/√11.8 = 56.4556.
    expect(q?.meanGasT).toBeCloseTo(55 + 5 / Math.sqrt(11.8), 10);
    expect(q?.meanGasT).toBeCloseTo(56.4556, 4);
    // Gaps: a 10 April 4 − 2 = 2; a 1 June none (no family); b 1 − (3 + 4)/2 = −2.5; d none.
    // Mean (2 − 2.5) / 2 = −0.25.
    expect(q?.wellbeingGap).toBe(-0.25);
    // Changes: a 1 + 0, b 2, c 0 (d's 4 not: d is not active) = 3. Time: a 1 April → 1 July
    // = 91 days, b 30 June → 1 July = 1 day, c 1 April → 1 April = 0: 92 days.
    // 3 / (92 / 365.25) = 1095.75 / 92 = 11.9103…
    expect(q?.professionalChangesPerCaseYear).toBeCloseTo(1095.75 / 92, 10);
    // Joint plan: a (since 1 May); not b (since 1 July) or c (no date): 1 / 3.
    expect(q?.jointPlanShare).toBeCloseTo(1 / 3, 10);
    // Voice: a 10 April (parent) and b (young person) of 4 check-ins: 0.5.
    expect(q?.voiceShare).toBe(0.5);
    // Too quick: 2 of 3 referrals.
    expect(q?.tooQuickShare).toBeCloseTo(2 / 3, 10);
  });

  it("counts the current quarter up to today only", () => {
    const [q] = caseAggregatesByQuarter({ cases, checkIns }, [k2], "2025-05-15");
    expect(q).toMatchObject({ label: "2025-K2", start: "2025-04-01", end: "2025-06-30" });
    // a and c; b opens after today.
    expect(q?.activeCases).toBe(2);
    // a on 10 April and d on 1 May.
    expect(q?.checkIns).toBe(2);
    expect(q?.meanGasT).toBe(60);
    expect(q?.wellbeingGap).toBe(2);
    // 1 change over a's 1 April → 16 May = 45 days (c: 0 days): 1 / (45 / 365.25) = 8.1166…
    expect(q?.professionalChangesPerCaseYear).toBeCloseTo(365.25 / 45, 10);
    // a's joint plan since 1 May counts by 15 May: 1 of 2.
    expect(q?.jointPlanShare).toBe(0.5);
    expect(q?.voiceShare).toBe(0.5);
    expect(q?.tooQuickShare).toBe(0.5);
  });

  it("takes each case's latest T-score by date, then by input order", () => {
    const one = (score: number) => [{ weight: 1, score }];
    const sameDay = [
      checkIn("y", "2025-05-05", { gasGoals: one(2) }),
      checkIn("y", "2025-05-05", { gasGoals: one(-1) }),
    ];
    const y = [caseOf("y", "2025-01-01")];
    // Same date: the later in input order, −1 → 40.
    expect(
      caseAggregatesByQuarter({ cases: y, checkIns: sameDay }, [k2], "2026-01-01")[0]?.meanGasT,
    ).toBe(40);
    // A later date wins over input order: −2 → 30.
    const laterFirst = [
      checkIn("y", "2025-05-20", { gasGoals: one(-2) }),
      checkIn("y", "2025-05-05", { gasGoals: one(2) }),
    ];
    expect(
      caseAggregatesByQuarter({ cases: y, checkIns: laterFirst }, [k2], "2026-01-01")[0]?.meanGasT,
    ).toBe(30);
  });

  it("gives nulls where there is nothing to compute", () => {
    const quarters = lastQuarters("2025-12-31", 3); // 2025-K2, K3, K4
    const [empty, quiet, future] = caseAggregatesByQuarter(
      { cases: [caseOf("q", "2025-07-01", null, true, "2025-08-01")], checkIns: [] },
      [...quarters.slice(0, 2), quarterOf("2026-01-01")],
      "2025-12-31",
    );
    const none = {
      activeCases: 0,
      checkIns: 0,
      referrals: 0,
      meanGasT: null,
      wellbeingGap: null,
      professionalChangesPerCaseYear: null,
      jointPlanShare: null,
      voiceShare: null,
      tooQuickShare: null,
      gasCases: 0,
      gapCheckIns: 0,
    };
    expect(empty).toEqual({ ...quarters[0], ...none });
    // An active case without check-ins: no changes over its time, a joint plan since August.
    expect(quiet).toEqual({
      ...quarters[1],
      ...none,
      activeCases: 1,
      professionalChangesPerCaseYear: 0,
      jointPlanShare: 1,
    });
    // A quarter that has not begun.
    expect(future).toEqual({ ...quarterOf("2026-01-01"), ...none });
  });
});

describe("suppressSmallQuarters", () => {
  const quarter = (activeCases: number): QuarterAggregate => ({
    label: "2026-K1",
    year: 2026,
    quarter: 1,
    start: "2026-01-01",
    end: "2026-03-31",
    activeCases,
    checkIns: 4,
    referrals: 1,
    meanGasT: 52,
    wellbeingGap: 0.5,
    professionalChangesPerCaseYear: 1.2,
    jointPlanShare: 0.5,
    voiceShare: 0.25,
    tooQuickShare: 1,
    gasCases: 12,
    gapCheckIns: 12,
  });

  it("leaves out every figure of a quarter with fewer active cases than the threshold", () => {
    const [small] = suppressSmallQuarters([quarter(9)], 10);
    expect(small).toMatchObject({
      suppressed: true,
      activeCases: null,
      checkIns: null,
      referrals: null,
      meanGasT: null,
      wellbeingGap: null,
      professionalChangesPerCaseYear: null,
      jointPlanShare: null,
      voiceShare: null,
      tooQuickShare: null,
    });
    expect(small?.label).toBe("2026-K1");
  });

  it("keeps quarters at the threshold as they are, but no figure over too few of its own", () => {
    const [atThreshold] = suppressSmallQuarters([quarter(10)], 10);
    // 4 check-ins and 1 referral: the voice share and the too-quick share would be one child's.
    expect(atThreshold).toEqual({
      ...quarter(10),
      voiceShare: null,
      tooQuickShare: null,
      suppressed: false,
    });
    const [busy] = suppressSmallQuarters([{ ...quarter(20), checkIns: 30, referrals: 10 }], 10);
    expect(busy).toMatchObject({ voiceShare: 0.25, tooQuickShare: 1, meanGasT: 52 });
  });

  it("has nothing to hide in a quarter without cases", () => {
    const [empty] = suppressSmallQuarters([{ ...quarter(0), gasCases: 0, gapCheckIns: 0 }], 10);
    expect(empty).toMatchObject({ suppressed: false, activeCases: 0, meanGasT: null });
  });
});
