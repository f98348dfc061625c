/**
 * A goal as people see it: its stored fields plus the status, progress and forecast that the
 * pure rules in server/domain/goal-status.ts compute from baseline, target and measurements.
 */
import type { GoalRow } from "@/db/queries/goals";
import { type GoalSpec, goalProgress, goalStatus, trendForecast } from "./domain/goal-status";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function specOf(
  goal: Pick<
    GoalRow,
    "direction" | "baselineValue" | "baselineDate" | "targetValue" | "targetDate"
  >,
): GoalSpec {
  return {
    direction: goal.direction,
    baselineValue: goal.baselineValue,
    baselineDate: day(goal.baselineDate),
    targetValue: goal.targetValue,
    targetDate: day(goal.targetDate),
  };
}

export function evaluateGoal(
  goal: GoalRow,
  measurements: { value: number; measuredOn: string }[],
  today = new Date(),
) {
  const spec = specOf(goal);
  const points = measurements.map((m) => ({ value: m.value, date: day(m.measuredOn) }));
  const latest = measurements.at(-1);
  return {
    status: goalStatus(spec, points, today),
    progress: latest ? goalProgress(spec, latest.value) : null,
    latestValue: latest?.value ?? null,
    latestOn: latest?.measuredOn ?? null,
    forecastAtTarget: trendForecast(points, spec.targetDate),
  };
}
