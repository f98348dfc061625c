/**
 * A goal as people see it: its stored fields plus the status, progress and forecast that the
 * rules in domain/goal-status.ts compute from baseline, target and measurements.
 */
import { dateOf, today } from "./dates";
import { type GoalSpec, goalProgress, goalStatus, trendForecast } from "./goal-status";
import type { GoalDirection } from "./vocabulary";

/** What the rules need of a stored goal. */
export type GoalFigures = {
  direction: GoalDirection;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
};

export function specOf(goal: GoalFigures): GoalSpec {
  return {
    direction: goal.direction,
    baselineValue: goal.baselineValue,
    baselineDate: dateOf(goal.baselineDate),
    targetValue: goal.targetValue,
    targetDate: dateOf(goal.targetDate),
  };
}

/**
 * Status and progress on a calendar day (today in the Netherlands unless told otherwise): days,
 * not moments, so a goal due today is not yet late in the afternoon.
 */
export function evaluateGoal(
  goal: GoalFigures,
  measurements: { value: number; measuredOn: string }[],
  onDay: string = today(),
) {
  const spec = specOf(goal);
  const day = dateOf(onDay);
  const points = measurements.map((m) => ({ value: m.value, date: dateOf(m.measuredOn) }));
  const latest = measurements.at(-1);
  return {
    status: goalStatus(spec, points, day),
    progress: latest ? goalProgress(spec, latest.value) : null,
    latestValue: latest?.value ?? null,
    latestOn: latest?.measuredOn ?? null,
    forecastAtTarget: trendForecast(points, spec.targetDate),
  };
}
