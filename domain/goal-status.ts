/**
 * Goal progress, status and trend (docs/DOMAIN.md "Goal status": status follows from baseline, target,
 * dates and measurements; "Goal page": measurements against baseline and target with a trend
 * forecast). Pure: callers load the goal and its measurements and pass them in.
 */

/** Which way the indicator is better: a rising attendance rate, a falling drop-out rate. */
import type { GoalDirection } from "./vocabulary";

/** Which way is better. */
export type Direction = GoalDirection;

import type { goalStatuses } from "./vocabulary";

export type GoalStatus = (typeof goalStatuses)[number];
export type Measurement = { value: number; date: Date };
export type GoalSpec = {
  direction: Direction;
  baselineValue: number;
  baselineDate: Date;
  targetValue: number;
  targetDate: Date;
};

const MS_PER_DAY = 86_400_000;

/**
 * Progress and thresholds are decimals the user typed (0.4 = 0.5 − 0.1), and binary floating
 * point can land a hair on the wrong side of a boundary the rule says to include; this slack
 * keeps "exactly on the boundary" meaning the better status.
 */
const BOUNDARY_SLACK = 1e-9;

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * Share of the way from baseline to target that `latestValue` has covered, clamped to [0, 1]
 * (docs/DOMAIN.md "Progress and forecast": baseline, target, direction). Dividing by target − baseline makes the
 * formula direction-free: for a lower-is-better goal both differences are negative. Null when
 * target equals baseline, because then there is no distance to cover and progress is undefined.
 */
export function goalProgress(spec: GoalSpec, latestValue: number): number | null {
  const distance = spec.targetValue - spec.baselineValue;
  if (distance === 0) return null;
  return clamp01((latestValue - spec.baselineValue) / distance);
}

/**
 * Progress a goal should have made by `onDate` if it moved in a straight line from the
 * baseline (0 on baselineDate) to the target (1 on targetDate), clamped to [0, 1]
 * (docs/DOMAIN.md "Goal status": status follows from the dates). A target date on or before the
 * baseline date leaves no time to spread progress over, so the whole target is due at once: 1.
 */
export function expectedProgress(spec: GoalSpec, onDate: Date): number {
  const span = spec.targetDate.getTime() - spec.baselineDate.getTime();
  if (span <= 0) return 1;
  return clamp01((onDate.getTime() - spec.baselineDate.getTime()) / span);
}

/**
 * The most recent measurement by date. On equal dates the one listed last wins, so a caller
 * listing measurements in entry order gets the latest correction for that day.
 */
function latestMeasurement(measurements: readonly Measurement[]): Measurement | undefined {
  let latest: Measurement | undefined;
  for (const m of measurements) {
    if (latest === undefined || m.date.getTime() >= latest.date.getTime()) latest = m;
  }
  return latest;
}

function reachesTarget(spec: GoalSpec, value: number): boolean {
  return spec.direction === "higher" ? value >= spec.targetValue : value <= spec.targetValue;
}

/**
 * Status of a goal (docs/DOMAIN.md "Goal status": achieved / on track / at risk / off track, from
 * baseline, target, dates and measurements). The rule, first match wins:
 *
 * 1. No measurements: "no_data".
 * 2. Take the latest measurement by date. If it reaches the target (higher: value ≥ target;
 *    lower: value ≤ target): "achieved" — also after the target date, because a late success
 *    is still a success.
 * 3. Target equals baseline (nothing to progress along) and not reached: "off_track".
 * 4. `today` is after targetDate and the target is not reached: "off_track" — the time is up.
 * 5. Otherwise compare the actual progress p (`goalProgress`, clamped to [0, 1]) with the
 *    expected progress e (`expectedProgress`) on the latest measurement's date — not today's,
 *    so a goal is judged on what was known when it was measured, not penalised for the gap
 *    until the next measurement:
 *    p ≥ e − tolerance: "on_track"; p ≥ e − 2·tolerance: "at_risk"; else "off_track".
 *    Values exactly on a boundary get the better status.
 *
 * `tolerance` is in progress units (0.1 = a tenth of the way from baseline to target).
 * Dates compare as instants: a caller holding calendar days passes them at the same time of day.
 */
export function goalStatus(
  spec: GoalSpec,
  measurements: readonly Measurement[],
  today: Date,
  tolerance = 0.1,
): GoalStatus {
  const latest = latestMeasurement(measurements);
  if (latest === undefined) return "no_data";
  if (reachesTarget(spec, latest.value)) return "achieved";
  const progress = goalProgress(spec, latest.value);
  if (progress === null) return "off_track";
  if (today.getTime() > spec.targetDate.getTime()) return "off_track";
  const expected = expectedProgress(spec, latest.date);
  if (progress >= expected - tolerance - BOUNDARY_SLACK) return "on_track";
  if (progress >= expected - 2 * tolerance - BOUNDARY_SLACK) return "at_risk";
  return "off_track";
}

/**
 * Ordinary least-squares line y = intercept + slope·x through the points (the trend line of
 * the goal page's forecast, docs/DOMAIN.md "Progress and forecast"). Null with fewer than two points or when
 * every x is the same, because then no single line is best (the slope would divide by zero).
 */
export function linearFit(
  points: readonly { x: number; y: number }[],
): { slope: number; intercept: number } | null {
  const first = points[0];
  if (first === undefined || points.length < 2) return null;
  // Checked directly rather than via a zero sum of squares, which rounding can make a tiny
  // non-zero number for equal non-integer x and turn into an absurd slope.
  if (points.every((p) => p.x === first.x)) return null;
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    const dx = p.x - meanX;
    sxx += dx * dx;
    sxy += dx * (p.y - meanY);
  }
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/**
 * Value the measurements' straight-line trend predicts for `atDate` (docs/DOMAIN.md "Progress and forecast":
 * a trend forecast), fitted by `linearFit` on x = days since the earliest measurement. Days,
 * not milliseconds, keep the slope readable as "change per day" and the numbers well scaled.
 * Null with fewer than two measurements or when all share one date: no trend to extend.
 */
export function trendForecast(measurements: readonly Measurement[], atDate: Date): number | null {
  if (measurements.length < 2) return null;
  const origin = measurements.reduce((min, m) => Math.min(min, m.date.getTime()), Infinity);
  const daysSinceOrigin = (date: Date) => (date.getTime() - origin) / MS_PER_DAY;
  const fit = linearFit(measurements.map((m) => ({ x: daysSinceOrigin(m.date), y: m.value })));
  if (fit === null) return null;
  return fit.intercept + fit.slope * daysSinceOrigin(atDate);
}
