/**
 * Individual scoring rounds (db/schema/rounds.ts). A round is open from the coordinator's
 * opening until the meeting starts: until then every participant's scores are theirs alone
 * (their own device, no one else's answers in sight). Closing copies the scores of everyone who
 * responded into the session (replacing what they had there) and moves their participant
 * versions on, so a score grid loaded before sees a conflict instead of overwriting them.
 */
import { eq, sql } from "drizzle-orm";
import type { SessionRow } from "@/db/queries/reflections";
import { upsertScores } from "@/db/queries/reflections";
import { closeRoundRow, getRound, listRespondedScores, type RoundRow } from "@/db/queries/rounds";
import { sessionParticipants } from "@/db/schema";
import type { DbOrTx, Tx } from "@/db/types";
import { today } from "@/domain/dates";
import { instrumentByVersion } from "@/domain/instrument";
import { appError } from "../errors";

/** A round's link keeps opening this long after the meeting, to show what was heard. */
export const LINK_DAYS_AFTER_MEETING = 60;

/** Whether a round still takes scores: open, and its meeting's day has not passed. */
export function takesScores(round: Pick<RoundRow, "closedAt">, heldOn: string) {
  return round.closedAt === null && heldOn >= today();
}

/** The session's round, which must still take scores. */
export async function openRoundOf(db: DbOrTx, session: Pick<SessionRow, "id" | "heldOn">) {
  const round = await getRound(db, session.id);
  if (!round) throw appError("NOT_FOUND", "errors.round_not_found");
  if (!takesScores(round, session.heldOn)) throw appError("CONFLICT", "errors.round_closed");
  return round;
}

/** Scores a participant sends must name each factor of the session's instrument at most once. */
export function checkFactors(instrumentVersion: number, scores: { factorId: string }[]) {
  const instrument = instrumentByVersion(instrumentVersion);
  const known = new Set(instrument?.levels.flatMap((l) => l.factors.map((f) => f.id)));
  if (scores.some((s) => !known.has(s.factorId)))
    throw appError("BAD_REQUEST", "errors.unknown_factor", { field: "scores" });
}

/**
 * Closes the session's round if it is open (in the caller's transaction, with the session
 * locked): the responded participants' scores become the session's. Returns how many
 * participants' scores were taken over, or null when there was no open round.
 */
export async function closeRound(tx: Tx, session: SessionRow): Promise<number | null> {
  const round = await getRound(tx, session.id);
  if (!round || round.closedAt) return null;
  if (!(await closeRoundRow(tx, round.id))) return null;
  const rows = await listRespondedScores(tx, round.id);
  const byParticipant = new Map<string, typeof rows>();
  for (const r of rows)
    byParticipant.set(r.participantId, [...(byParticipant.get(r.participantId) ?? []), r]);
  for (const [participantId, scores] of byParticipant) {
    await upsertScores(tx, {
      sessionId: session.id,
      partnershipId: session.partnershipId,
      participantId,
      instrumentVersion: session.instrumentVersion,
      scores: scores.map((s) => ({ factorId: s.factorId, score: s.score })),
    });
    await tx
      .update(sessionParticipants)
      .set({ version: sql`${sessionParticipants.version} + 1` })
      .where(eq(sessionParticipants.id, participantId));
  }
  return byParticipant.size;
}
