/**
 * When the next reflection session is due (docs/DOMAIN.md "Reflection cadence"): the last held
 * session plus the partnership's cadence in months; with no session yet, it is due now.
 */
import { addDays, addMonths } from "./dates";
import { cadenceMonths, type ReflectionCadence } from "./vocabulary";

export type ReflectionDue = { dueOn: string; overdue: boolean; plannedOn: string | null };

/**
 * The due date follows from the latest session held (signed off or filled in, on or before
 * today); a session planned after it, or one still to come, answers the due date. Overdue: the due date has passed and nothing is planned.
 */
export function nextReflectionDue(
  cadence: ReflectionCadence,
  sessions: { heldOn: string; status: "planned" | "in_progress" | "signed_off" }[],
  today: string,
): ReflectionDue {
  const held = sessions
    .filter((s) => s.status !== "planned" && s.heldOn <= today)
    .map((s) => s.heldOn)
    .sort();
  const last = held.at(-1);
  const dueOn = last ? addMonths(last, cadenceMonths[cadence]) : today;
  // A session still to come is planned, also when something was recorded for it already (a
  // scoring round opened, an action added: its status moved on to in progress).
  const planned = sessions
    .filter((s) => (s.status === "planned" || s.heldOn > today) && s.heldOn >= (last ?? ""))
    .map((s) => s.heldOn)
    .sort();
  const plannedOn = planned[0] ?? null;
  return { dueOn, plannedOn, overdue: dueOn < today && plannedOn === null };
}

/** The rhythms a case's check-ins can keep, in weeks (the case form offers these). */
export const checkInRhythms = [2, 4, 6, 8, 12] as const;

/**
 * When a case's next check-in is due: its latest check-in (or, with none yet, the day it
 * opened) plus its rhythm in weeks. Null for a case without a rhythm or a closed one. The same
 * rule picks the cases whose professionals get a reminder (db/queries/reminders.ts).
 */
export function nextCheckInDue(
  c: { checkInEveryWeeks: number | null; openedOn: string; closedOn: string | null },
  checkInDays: readonly string[],
  today: string,
): { dueOn: string; overdue: boolean } | null {
  if (c.checkInEveryWeeks === null || c.closedOn !== null) return null;
  const last = [c.openedOn, ...checkInDays].sort().at(-1) ?? c.openedOn;
  const dueOn = addDays(last, c.checkInEveryWeeks * 7);
  return { dueOn, overdue: dueOn < today };
}
