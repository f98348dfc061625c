/**
 * Figures across partnerships: the window they cover and the goal statuses per quarter. The
 * window is the last FIGURE_QUARTERS calendar quarters up to today, the same eight quarters the
 * partnership dashboard shows.
 */
import { lastQuarters, minIso, type Quarter } from "./dates";
import { evaluateGoal, type GoalFigures } from "./goal-evaluation";
import type { GoalStatus } from "./goal-status";

export const FIGURE_QUARTERS = 8;

/** The window's quarters, oldest first. */
export function figureQuarters(today: string): Quarter[] {
  return lastQuarters(today, FIGURE_QUARTERS);
}

export type GoalForFigures = {
  partnershipId: string;
  /** The day the goal was set (it counts from then). */
  createdOn: string;
  goal: GoalFigures;
  measurements: readonly { value: number; measuredOn: string }[];
};

export type GoalStatusCount = { partnershipId: string; quarterStart: string } & Record<
  "achieved" | "onTrack" | "atRisk" | "offTrack" | "noData",
  number
>;

const statusKey: Record<GoalStatus, keyof Omit<GoalStatusCount, "partnershipId" | "quarterStart">> =
  {
    achieved: "achieved",
    on_track: "onTrack",
    at_risk: "atRisk",
    off_track: "offTrack",
    no_data: "noData",
  };

/**
 * Goals by status per partnership and quarter: each goal that existed by the quarter's last day
 * (or today, for the current quarter), judged on that day by the measurements made by then
 * (evaluateGoal, domain/goal-evaluation.ts).
 */
export function goalStatusesByQuarter(
  goals: readonly GoalForFigures[],
  quarters: readonly Quarter[],
  today: string,
): GoalStatusCount[] {
  const counts = new Map<string, GoalStatusCount>();
  for (const q of quarters) {
    const day = minIso(q.end, today);
    if (day < q.start) continue;
    for (const g of goals) {
      if (g.createdOn > day) continue;
      const known = g.measurements.filter((m) => m.measuredOn <= day);
      const status = evaluateGoal(g.goal, known, day).status;
      const key = `${g.partnershipId}|${q.start}`;
      const row = counts.get(key) ?? {
        partnershipId: g.partnershipId,
        quarterStart: q.start,
        achieved: 0,
        onTrack: 0,
        atRisk: 0,
        offTrack: 0,
        noData: 0,
      };
      row[statusKey[status]] += 1;
      counts.set(key, row);
    }
  }
  return [...counts.values()];
}
