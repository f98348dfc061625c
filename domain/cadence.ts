/**
 * When the next reflection session is due (docs/DOMAIN.md "Reflection cadence"): the last held
 * session plus the partnership's cadence in months; with no session yet, it is due now.
 */
import { addMonths } from "./dates";
import { cadenceMonths, type ReflectionCadence } from "./vocabulary";

export type ReflectionDue = { dueOn: string; overdue: boolean; plannedOn: string | null };

/**
 * The due date follows from the latest session held (signed off or filled in); a session planned
 * after it answers the due date. Overdue: the due date has passed and nothing is planned.
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
  const planned = sessions
    .filter((s) => s.status === "planned" && s.heldOn >= (last ?? ""))
    .map((s) => s.heldOn)
    .sort();
  const plannedOn = planned[0] ?? null;
  return { dueOn, plannedOn, overdue: dueOn < today && plannedOn === null };
}
