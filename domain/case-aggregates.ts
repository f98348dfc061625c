/**
 * Case aggregates per calendar quarter for the partnership dashboard: how many cases were
 * active, how the children's goals went (GAS), whether family and professionals see the child
 * alike, how often professionals changed, how many cases have a joint plan, whether parents and
 * young people were heard, and how many referrals partners judged too quick. Aggregates only:
 * nothing here names a case. Pure: callers load the cases and check-ins and pass them in.
 *
 * Dates are ISO calendar dates ("2026-03-31"), compared as strings. A quarter that has not
 * ended yet counts up to and including `today`: a check-in dated later, or a case opened later,
 * is not part of it yet.
 */
import {
  type Perspective,
  perspectiveGap,
  professionalChangesPerCaseYear,
  type Rating,
} from "./case-signals";
import { addDays, dateOf, maxIso, minIso, type Quarter } from "./dates";
import { type GasGoal, gasTScore } from "./gas";
import type { ReferralJudgement } from "./vocabulary";

export type AggregateCase = {
  id: string;
  openedOn: string;
  closedOn: string | null;
  jointPlan: boolean;
  jointPlanSince: string | null;
};

/** A check-in with what the aggregates need of it; `gasGoals` pairs each score with its goal's weight. */
export type AggregateCheckIn = {
  caseId: string;
  heldOn: string;
  professionalChanges: number;
  ratings: readonly Rating[];
  referralJudgements: readonly ReferralJudgement[];
  gasGoals: readonly GasGoal[];
};

export type QuarterAggregate = {
  label: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  start: string;
  end: string;
  /** Cases open on at least one day of the quarter (up to today). */
  activeCases: number;
  checkIns: number;
  referrals: number;
  /** Mean over cases of each case's latest GAS T-score in the quarter; null without one. */
  meanGasT: number | null;
  /** Mean over the quarter's check-ins of the family-minus-professionals gap on wellbeing. */
  wellbeingGap: number | null;
  /** Changes of professional per case-year, over the active cases' time in the quarter. */
  professionalChangesPerCaseYear: number | null;
  /** Share of active cases with a joint plan made by the end of the quarter. */
  jointPlanShare: number | null;
  /** Share of the quarter's check-ins with a rating by a parent or the young person. */
  voiceShare: number | null;
  /** Share of the quarter's referrals judged too quick. */
  tooQuickShare: number | null;
  /** How many cases the mean GAS T-score is over (for small-number suppression). */
  gasCases: number;
  /** How many check-ins the wellbeing gap is over (for small-number suppression). */
  gapCheckIns: number;
};

const FAMILY: ReadonlySet<Perspective> = new Set(["parent", "young_person"]);

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** A quarter with nothing in it (one that has not begun by `today`). */
const nothing = {
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
} as const;

/**
 * The aggregates of each quarter (see QuarterAggregate), in the order of `quarters`:
 *
 * - active cases: opened on or before the quarter's last day (or today) and not closed before
 *   its first day;
 * - mean GAS T-score: per case, the T-score (gasTScore with the goals' weights) of its latest
 *   check-in in the quarter that scored any goal — by date, then input order — and the mean of
 *   those over cases; a case without a scored check-in in the quarter is left out;
 * - wellbeing gap: perspectiveGap(…, "wellbeing") per check-in, averaged over the check-ins
 *   where it is defined (both the family and a professional rated);
 * - professional changes per case-year: professionalChangesPerCaseYear over the active cases,
 *   each counted from the later of its opening and the quarter's first day to the earlier of
 *   its closing and the day after the quarter's last day (or after today), with the changes
 *   recorded at its check-ins in the quarter;
 * - joint-plan share: active cases with `jointPlan` and a `jointPlanSince` on or before the
 *   quarter's last day (or today), over active cases; a joint plan without a date is not
 *   counted, as it cannot be placed in time;
 * - voice share: check-ins with a parent's or young person's rating, over check-ins;
 * - too-quick share: referrals judged "too_quick", over referrals.
 *
 * Nulls where there is nothing to compute: no active cases, no check-ins, no referrals, no
 * T-score, no gap, no case time. Check-ins are counted by date, whether or not their case is
 * active in the quarter; only the changes need their case to be active.
 */
export function caseAggregatesByQuarter(
  input: { cases: readonly AggregateCase[]; checkIns: readonly AggregateCheckIn[] },
  quarters: readonly Quarter[],
  today: string,
): QuarterAggregate[] {
  // Stable sort: check-ins on one date keep their input order, so the last one is the latest.
  const checkIns = [...input.checkIns].sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  return quarters.map((q) => {
    const until = minIso(q.end, today);
    const base = { label: q.label, year: q.year, quarter: q.quarter, start: q.start, end: q.end };
    if (until < q.start) return { ...base, ...nothing };

    const active = input.cases.filter(
      (c) => c.openedOn <= until && (c.closedOn === null || c.closedOn >= q.start),
    );
    const held = checkIns.filter((c) => c.heldOn >= q.start && c.heldOn <= until);
    const referrals = held.flatMap((c) => c.referralJudgements);

    const latestT = new Map<string, number>();
    for (const c of held) {
      const t = gasTScore(c.gasGoals);
      if (t !== null) latestT.set(c.caseId, t);
    }

    const gaps = held
      .map((c) => perspectiveGap(c.ratings, "wellbeing"))
      .filter((g): g is number => g !== null);

    const changes = new Map<string, number>();
    for (const c of held)
      changes.set(c.caseId, (changes.get(c.caseId) ?? 0) + c.professionalChanges);
    const bound = dateOf(addDays(until, 1));
    const rate = professionalChangesPerCaseYear(
      active.map((c) => ({
        openedOn: dateOf(maxIso(c.openedOn, q.start)),
        closedOn: c.closedOn === null ? null : dateOf(c.closedOn),
        changes: changes.get(c.id) ?? 0,
      })),
      bound,
    );

    return {
      ...base,
      activeCases: active.length,
      checkIns: held.length,
      referrals: referrals.length,
      meanGasT: mean([...latestT.values()]),
      wellbeingGap: mean(gaps),
      professionalChangesPerCaseYear: rate,
      jointPlanShare: share(
        active.filter((c) => c.jointPlan && c.jointPlanSince !== null && c.jointPlanSince <= until)
          .length,
        active.length,
      ),
      voiceShare: share(
        held.filter((c) => c.ratings.some((r) => FAMILY.has(r.perspective))).length,
        held.length,
      ),
      tooQuickShare: share(referrals.filter((j) => j === "too_quick").length, referrals.length),
      gasCases: latestT.size,
      gapCheckIns: gaps.length,
    };
  });
}

/** A quarter as shown to someone who may not see single cases: small ones left out. */
export type ShownQuarter = Omit<QuarterAggregate, "activeCases" | "checkIns" | "referrals"> & {
  activeCases: number | null;
  checkIns: number | null;
  referrals: number | null;
  /** Fewer than the threshold of active cases: every figure left out (null). */
  suppressed: boolean;
};

/**
 * Small-number suppression (docs/ARCHITECTURE.md "Small-number suppression"):
 * a quarter with active cases but fewer than `minCases` of them could describe one child, so
 * all its figures — counts included — become null and the quarter is marked suppressed. A
 * quarter without any active case has nothing to hide. In the quarters that stay, each figure
 * over fewer than `minCases` of what it counts (cases with a GAS score, check-ins, referrals)
 * is left out too: "1 of 1 referral too quick" is one child's. Quarters are never summed or
 * shown beside a total, so nothing left out can be recomputed from the rest.
 */
export function suppressSmallQuarters(
  quarters: readonly QuarterAggregate[],
  minCases: number,
): ShownQuarter[] {
  return quarters.map((q) =>
    q.activeCases > 0 && q.activeCases < minCases
      ? {
          ...q,
          activeCases: null,
          checkIns: null,
          referrals: null,
          meanGasT: null,
          wellbeingGap: null,
          professionalChangesPerCaseYear: null,
          jointPlanShare: null,
          voiceShare: null,
          tooQuickShare: null,
          suppressed: true,
        }
      : {
          ...q,
          meanGasT: q.gasCases < minCases ? null : q.meanGasT,
          wellbeingGap: q.gapCheckIns < minCases ? null : q.wellbeingGap,
          voiceShare: q.checkIns < minCases ? null : q.voiceShare,
          tooQuickShare: q.referrals < minCases ? null : q.tooQuickShare,
          suppressed: false,
        },
  );
}
