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

/**
 * The few values around the middle of a sorted list of a group's figures, and how many there
 * are: all that the median of the others needs, so that a group of 3,000 partnerships is stored
 * and read as a handful of numbers, not 3,000.
 */
export type ListMiddle = { n: number; values: number[] };

export function middleOf(sorted: readonly number[]): ListMiddle {
  const n = sorted.length;
  // With one value left out the median is at n/2 − 1 … (n − 1)/2 + 1; without, within that.
  const start = Math.max(0, Math.floor(n / 2) - 1);
  const end = Math.min(n, Math.floor((n - 1) / 2) + 2);
  return { n, values: sorted.slice(start, end) };
}

/**
 * The median of a group with one occurrence of `own` taken out, from the middle of its sorted
 * list. `own` is the partnership's figure as the list holds it (or null when the list does not
 * hold it); a value outside the middle is taken to be in the list, below or above it.
 */
export function medianOfOthers(
  middle: ListMiddle,
  own: number | null,
): { median: number | null; others: number } {
  const { n, values } = middle;
  const start = Math.max(0, Math.floor(n / 2) - 1);
  const first = values[0];
  const last = values.at(-1);
  const window = [...values];
  const at = own === null ? -1 : window.indexOf(own);
  if (at >= 0) window.splice(at, 1);
  // Outside the middle: below it (when the list goes on below) every value from there on moves
  // one place down; above it, the middle stays and loses its last value.
  else if (own !== null && first !== undefined && own < first && start > 0) window.shift();
  else if (own !== null && last !== undefined && own > last && start + values.length < n)
    window.pop();
  else return { median: medianOfWindow(n, values, start), others: n };
  return { median: medianOfWindow(n - 1, window, start), others: n - 1 };
}

/** The median of a sorted list of length n, given its values from index `start` on. */
function medianOfWindow(n: number, window: readonly number[], start: number): number | null {
  if (n === 0) return null;
  const at = (i: number) => window[i - start] as number;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}
