/**
 * Changes to reflection sessions. A session's content (participants, scores, notes, goal
 * reviews, actions, the header) changes only while it is not signed off: `sessionChange` locks
 * the session row for the transaction, so a concurrent sign-off cannot slip between the check
 * and the write, and moves the session's revision on (a sign-off names the revision it saw).
 */
import { getGoal } from "@/db/queries/goals";
import { listMembers } from "@/db/queries/partnerships";
import {
  deleteSessionSummary,
  fillSessionSummaries,
  getSession,
  listScores,
  listSessionSummaries,
  lockSession,
  type SessionRow,
  saveSessionSummary,
  touchSession,
  updateSession,
} from "@/db/queries/reflections";
import { getRound } from "@/db/queries/rounds";
import type { DbOrTx, Tx } from "@/db/types";
import { today } from "@/domain/dates";
import { type ScoreSummary, summariseScores } from "@/domain/score-summary";
import { appError, notFound } from "../errors";
import { audited, type Change, type ChangeKind, type InPartnership } from "./audited";

/** A live session of the partnership, or NOT_FOUND. */
export async function loadSession(db: DbOrTx, partnershipId: string, sessionId: string) {
  const session = await getSession(db, partnershipId, sessionId);
  if (!session) throw notFound();
  return session;
}

/** The session locked for the transaction; a signed-off one needs a leader's reopen first. */
async function editableSession(tx: Tx, partnershipId: string, sessionId: string) {
  await lockSession(tx, sessionId);
  const session = await loadSession(tx, partnershipId, sessionId);
  if (session.status === "signed_off") throw appError("CONFLICT", "errors.session_locked");
  return session;
}

/**
 * A change to what a session holds, audited (`entityId` defaults to the session). A retried
 * create that changed nothing moves no revision and writes no audit row.
 */
export function sessionChange<T>(
  ctx: InPartnership,
  sessionId: string,
  what: ChangeKind,
  change: (tx: Tx, session: SessionRow) => Promise<Change<T>>,
): Promise<T> {
  return audited(ctx, what, async (tx) => {
    const session = await editableSession(tx, ctx.partnership.id, sessionId);
    const done = await change(tx, session);
    if (!done.repeated) await touchSession(tx, sessionId);
    return { entityId: sessionId, ...done };
  });
}

/** A participant linked to an account must be one of this partnership's own people. */
export async function checkMember(tx: Tx, partnershipId: string, userId: string | null) {
  if (userId && !(await listMembers(tx, partnershipId)).some((m) => m.userId === userId))
    throw appError("BAD_REQUEST", "errors.not_a_member", { field: "userId" });
}

/** A goal reviewed in a session must be a live goal of the partnership (held until commit). */
export async function checkGoal(tx: Tx, partnershipId: string, goalId: string) {
  if (!(await getGoal(tx, partnershipId, goalId, { lock: "share" })))
    throw appError("NOT_FOUND", "errors.reference_not_found", { field: "goalId" });
}

/**
 * A leader signs the session off, which locks it: after it was held, on the revision the leader
 * looked at, and only with a score in it.
 */
export function signOff(
  ctx: InPartnership,
  input: { sessionId: string; version: number; revision: number },
) {
  return audited(
    ctx,
    { action: "sign_off", entity: "reflection_session", figures: ["collaboration", "reporting"] },
    async (tx) => {
      const before = await editableSession(tx, ctx.partnership.id, input.sessionId);
      if (before.heldOn > today()) throw appError("CONFLICT", "errors.sign_before_held");
      // What is signed off is what the leader saw: a score or action changed since is news.
      if (before.revision !== input.revision) throw appError("CONFLICT", "errors.session_changed");
      const round = await getRound(tx, before.id);
      if (round && !round.closedAt) throw appError("CONFLICT", "errors.round_open");
      const scores = await listScores(tx, [before.id]);
      if (!scores.some((s) => s.score !== null))
        throw appError("CONFLICT", "errors.nothing_to_sign");
      const after = await updateSession(tx, {
        partnershipId: ctx.partnership.id,
        id: input.sessionId,
        version: input.version,
        values: { status: "signed_off", signedOffBy: ctx.user.id, signedOffAt: new Date() },
      });
      // Locked from here on: its summary is computed once, for every dashboard that shows it.
      await saveSessionSummary(tx, {
        sessionId: before.id,
        partnershipId: ctx.partnership.id,
        summary: summariseScores(before.instrumentVersion, scores),
      });
      return { result: after, before, after };
    },
  );
}

/** Reopening a signed-off session is an explicit, audited act with a reason. */
export function reopen(
  ctx: InPartnership,
  input: { sessionId: string; version: number; reason: string },
) {
  return audited(
    ctx,
    { action: "reopen", entity: "reflection_session", figures: ["collaboration", "reporting"] },
    async (tx) => {
      await lockSession(tx, input.sessionId);
      const before = await loadSession(tx, ctx.partnership.id, input.sessionId);
      if (before.status !== "signed_off") throw appError("CONFLICT", "errors.session_not_signed");
      const after = await updateSession(tx, {
        partnershipId: ctx.partnership.id,
        id: input.sessionId,
        version: input.version,
        values: { status: "in_progress", signedOffBy: null, signedOffAt: null },
      });
      await deleteSessionSummary(tx, before.id);
      return { result: after, before, after: { ...after, reason: input.reason } };
    },
  );
}

/**
 * The score summaries of signed-off sessions: stored at sign-off; any that is missing (a
 * session loaded in bulk, or signed off before summaries were stored) is made now and kept.
 */
export async function signedOffSummaries(
  db: DbOrTx,
  partnershipId: string,
  sessions: readonly { id: string; instrumentVersion: number }[],
): Promise<Map<string, ScoreSummary>> {
  const stored = await listSessionSummaries(
    db,
    sessions.map((s) => s.id),
  );
  const missing = sessions.filter((s) => !stored.has(s.id));
  if (missing.length === 0) return stored;
  const scores = await listScores(
    db,
    missing.map((s) => s.id),
  );
  const made = missing.map((s) => ({
    sessionId: s.id,
    partnershipId,
    summary: summariseScores(
      s.instrumentVersion,
      scores.filter((r) => r.sessionId === s.id),
    ),
  }));
  await fillSessionSummaries(db, made);
  for (const m of made) stored.set(m.sessionId, m.summary);
  return stored;
}
