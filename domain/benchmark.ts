/**
 * The benchmark on a partnership's own dashboard: its headline figures beside the median of the
 * other partnerships in its municipality, its region and the nation. Each partnership's figure
 * is taken over the window's last four quarters, and counts for others only when it rests on
 * enough (a session at least `scorers` people scored; at least `cases` cases, check-ins or
 * closings), so that no median is one small group's figure. A median is shown only over at least
 * `partnerships` others.
 */
export const benchmarkMetrics = [
  "collaborationIndex",
  "reportingRate",
  "goalsOnTrack",
  "activeCases",
  "gasMean",
  "jointPlanShare",
  "voiceShare",
] as const;
export type BenchmarkMetric = (typeof benchmarkMetrics)[number];
export type BenchmarkValues = Record<BenchmarkMetric, number | null>;

/** What one partnership's tier-1 rows hold, over the last four quarters (oldest first). */
export type BenchmarkInput = {
  quarters: readonly string[];
  collaboration: readonly {
    quarterStart: string;
    scorers: number;
    collaborationIndex: number | null;
  }[];
  reporting: readonly { quarterStart: string; expected: number; heldCapped: number }[];
  goals: readonly {
    quarterStart: string;
    achieved: number;
    onTrack: number;
    atRisk: number;
    offTrack: number;
    noData: number;
  }[];
  /** The all-cases rows. */
  cases: readonly {
    quarterStart: string;
    active: number;
    gasT: readonly number[];
    jointPlan: number;
    checkIns: number;
    voiceCheckIns: number;
  }[];
};

/** A partnership's figures; with `minimum`, a figure resting on too little is left out (null). */
export function benchmarkValues(
  input: BenchmarkInput,
  minimum?: { scorers: number; cases: number },
): BenchmarkValues {
  const inWindow = <R extends { quarterStart: string }>(rows: readonly R[]) =>
    rows
      .filter((r) => input.quarters.includes(r.quarterStart))
      .sort((a, b) => a.quarterStart.localeCompare(b.quarterStart));
  const latest = <R extends { quarterStart: string }>(rows: readonly R[]) => inWindow(rows).at(-1);
  const collab = latest(
    input.collaboration.filter(
      (r) => r.collaborationIndex !== null && r.scorers >= (minimum?.scorers ?? 1),
    ),
  );
  const reporting = inWindow(input.reporting);
  const expected = reporting.reduce((a, r) => a + r.expected, 0);
  const goals = latest(input.goals);
  const goalCount = goals
    ? goals.achieved + goals.onTrack + goals.atRisk + goals.offTrack + goals.noData
    : 0;
  const cases = latest(input.cases);
  const enough = (n: number) => n >= (minimum?.cases ?? 1);
  return {
    collaborationIndex: collab?.collaborationIndex ?? null,
    reportingRate: expected > 0 ? reporting.reduce((a, r) => a + r.heldCapped, 0) / expected : null,
    goalsOnTrack: goals && goalCount > 0 ? (goals.achieved + goals.onTrack) / goalCount : null,
    activeCases: cases && enough(cases.active) ? cases.active : null,
    gasMean:
      cases && enough(cases.gasT.length)
        ? cases.gasT.reduce((a, b) => a + b, 0) / cases.gasT.length
        : null,
    jointPlanShare: cases && enough(cases.active) ? cases.jointPlan / cases.active : null,
    voiceShare: cases && enough(cases.checkIns) ? cases.voiceCheckIns / cases.checkIns : null,
  };
}

/** The median of a sorted list with one occurrence of `own` taken out (if it is in it). */
export function medianOfOthers(
  sorted: readonly number[],
  own: number | null,
): { median: number | null; others: number } {
  const values = [...sorted];
  if (own !== null) {
    const at = values.indexOf(own);
    if (at >= 0) values.splice(at, 1);
  }
  if (values.length === 0) return { median: null, others: 0 };
  const mid = Math.floor(values.length / 2);
  const median =
    values.length % 2 === 1
      ? (values[mid] as number)
      : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
  return { median, others: values.length };
}
