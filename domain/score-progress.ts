/**
 * How far a session's scoring has come, for the chair's overview and the sign-off check. A
 * factor is scored once every participant has answered it (a score, or "weet niet / n.v.t."),
 * and a participant is done once they have answered every factor.
 */
import type { Instrument, LevelId } from "./instrument";

/** Which (participant, factor) pairs hold an answer. */
export type Answered = (participantId: string, factorId: string) => boolean;

export type ScoringProgress = {
  factors: { done: number; total: number };
  participants: { done: number; total: number };
  levels: { id: LevelId; done: number; total: number }[];
  /** The factors not yet answered by everyone, in the instrument's order. */
  open: string[];
};

export function scoringProgress(
  instrument: Instrument,
  participantIds: readonly string[],
  answered: Answered,
): ScoringProgress {
  const everyone = (factorId: string) =>
    participantIds.length > 0 && participantIds.every((p) => answered(p, factorId));
  const factors = instrument.levels.flatMap((l) => l.factors.map((f) => f.id));
  const open = factors.filter((f) => !everyone(f));
  return {
    factors: { done: factors.length - open.length, total: factors.length },
    participants: {
      done: participantIds.filter((p) => factors.every((f) => answered(p, f))).length,
      total: participantIds.length,
    },
    levels: instrument.levels.map((l) => ({
      id: l.id,
      done: l.factors.filter((f) => everyone(f.id)).length,
      total: l.factors.length,
    })),
    open,
  };
}

/** An `Answered` over stored score rows (a row is an answer, "n.v.t." included). */
export function answeredIn(rows: readonly { participantId: string; factorId: string }[]): Answered {
  const keys = new Set(rows.map((r) => `${r.participantId}:${r.factorId}`));
  return (participantId, factorId) => keys.has(`${participantId}:${factorId}`);
}

/**
 * The factor to score next: the first open one from `current` on (itself included, in the
 * instrument's order, starting over at the top), or the first open one when there is no current
 * factor; null when every factor is scored.
 */
export function nextOpenFactor(
  instrument: Instrument,
  open: readonly string[],
  current: string | null,
): string | null {
  if (open.length === 0) return null;
  const order = instrument.levels.flatMap((l) => l.factors.map((f) => f.id));
  const from = current ? order.indexOf(current) : -1;
  const ahead = open.find((f) => order.indexOf(f) >= from);
  return ahead ?? open[0] ?? null;
}
