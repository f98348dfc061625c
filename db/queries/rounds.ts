/** Individual scoring rounds (db/schema/rounds.ts): the round, its links, responses and scores. */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import {
  heardSummaries,
  reflectionSessions,
  roundLinks,
  roundResponses,
  roundScores,
  scoringRounds,
  sessionParticipants,
} from "../schema";
import type { DbOrTx } from "../types";

export type RoundRow = typeof scoringRounds.$inferSelect;

export async function getRound(db: DbOrTx, sessionId: string) {
  const [row] = await db.select().from(scoringRounds).where(eq(scoringRounds.sessionId, sessionId));
  return row;
}

/** Opens the session's round; a second open (a retry) finds the first. */
export async function insertRound(
  db: DbOrTx,
  values: { partnershipId: string; sessionId: string; openedBy: string },
) {
  await db.insert(scoringRounds).values(values).onConflictDoNothing();
  const row = await getRound(db, values.sessionId);
  if (!row) throw new Error("round not stored");
  return row;
}

/** Closes an open round; false when it was closed already. */
export async function closeRoundRow(db: DbOrTx, roundId: string) {
  const rows = await db
    .update(scoringRounds)
    .set({ closedAt: new Date() })
    .where(and(eq(scoringRounds.id, roundId), isNull(scoringRounds.closedAt)))
    .returning({ id: scoringRounds.id });
  return rows.length > 0;
}

export function listResponses(db: DbOrTx, roundId: string) {
  return db
    .select({ participantId: roundResponses.participantId, at: roundResponses.updatedAt })
    .from(roundResponses)
    .where(eq(roundResponses.roundId, roundId));
}

export function listRoundLinks(db: DbOrTx, roundId: string) {
  return db
    .select({
      id: roundLinks.id,
      participantId: roundLinks.participantId,
      expiresAt: roundLinks.expiresAt,
      usedAt: roundLinks.usedAt,
      revokedAt: roundLinks.revokedAt,
      createdAt: roundLinks.createdAt,
    })
    .from(roundLinks)
    .where(eq(roundLinks.roundId, roundId))
    .orderBy(asc(roundLinks.createdAt));
}

/** One participant's private round scores. */
export function listOwnRoundScores(db: DbOrTx, roundId: string, participantId: string) {
  return db
    .select({ factorId: roundScores.factorId, score: roundScores.score })
    .from(roundScores)
    .where(and(eq(roundScores.roundId, roundId), eq(roundScores.participantId, participantId)));
}

/** The scores of every participant who responded and is still in the session. */
export function listRespondedScores(db: DbOrTx, roundId: string) {
  return db
    .select({
      participantId: roundScores.participantId,
      factorId: roundScores.factorId,
      score: roundScores.score,
    })
    .from(roundScores)
    .innerJoin(
      roundResponses,
      and(
        eq(roundResponses.roundId, roundScores.roundId),
        eq(roundResponses.participantId, roundScores.participantId),
      ),
    )
    .innerJoin(sessionParticipants, eq(sessionParticipants.id, roundScores.participantId))
    .where(and(eq(roundScores.roundId, roundId), isNull(sessionParticipants.deletedAt)));
}

/** Replaces a participant's round scores and records that they responded. */
export async function saveRoundResponse(
  db: DbOrTx,
  params: {
    partnershipId: string;
    roundId: string;
    participantId: string;
    scores: { factorId: string; score: number | null }[];
  },
) {
  const { partnershipId, roundId, participantId } = params;
  await db
    .delete(roundScores)
    .where(and(eq(roundScores.roundId, roundId), eq(roundScores.participantId, participantId)));
  if (params.scores.length > 0)
    await db
      .insert(roundScores)
      .values(params.scores.map((s) => ({ partnershipId, roundId, participantId, ...s })));
  await db
    .insert(roundResponses)
    .values({ partnershipId, roundId, participantId })
    .onConflictDoUpdate({
      target: [roundResponses.roundId, roundResponses.participantId],
      set: { updatedAt: new Date() },
    });
}

export async function insertRoundLink(db: DbOrTx, values: typeof roundLinks.$inferInsert) {
  const [row] = await db.insert(roundLinks).values(values).returning();
  if (!row) throw new Error("round link not stored");
  return row;
}

/** Revokes a link of the round that was not used yet. */
export async function revokeRoundLink(db: DbOrTx, roundId: string, linkId: string) {
  const [row] = await db
    .update(roundLinks)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(roundLinks.id, linkId),
        eq(roundLinks.roundId, roundId),
        isNull(roundLinks.usedAt),
        isNull(roundLinks.revokedAt),
      ),
    )
    .returning({ id: roundLinks.id });
  return row;
}

/** The link behind a token hash, with its round, participant and session. */
export async function findRoundLink(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      id: roundLinks.id,
      partnershipId: roundLinks.partnershipId,
      roundId: roundLinks.roundId,
      participantId: roundLinks.participantId,
      expiresAt: roundLinks.expiresAt,
      usedAt: roundLinks.usedAt,
      revokedAt: roundLinks.revokedAt,
      roundClosedAt: scoringRounds.closedAt,
      sessionId: scoringRounds.sessionId,
      heldOn: reflectionSessions.heldOn,
      sessionStatus: reflectionSessions.status,
      instrumentVersion: reflectionSessions.instrumentVersion,
      sector: sessionParticipants.sector,
      participantGone: sql<boolean>`(${sessionParticipants.deletedAt} is not null or ${reflectionSessions.deletedAt} is not null)`,
    })
    .from(roundLinks)
    .innerJoin(scoringRounds, eq(scoringRounds.id, roundLinks.roundId))
    .innerJoin(reflectionSessions, eq(reflectionSessions.id, scoringRounds.sessionId))
    .innerJoin(sessionParticipants, eq(sessionParticipants.id, roundLinks.participantId))
    .where(eq(roundLinks.tokenHash, tokenHash));
  return row;
}

/** Marks a link used; false when it was used (or revoked) already. */
export async function takeRoundLink(db: DbOrTx, linkId: string) {
  const rows = await db
    .update(roundLinks)
    .set({ usedAt: new Date() })
    .where(and(eq(roundLinks.id, linkId), isNull(roundLinks.usedAt), isNull(roundLinks.revokedAt)))
    .returning({ id: roundLinks.id });
  return rows.length > 0;
}

/** The participants of a session linked to this account. */
export function ownParticipants(db: DbOrTx, sessionId: string, userId: string) {
  return db
    .select()
    .from(sessionParticipants)
    .where(
      and(
        eq(sessionParticipants.sessionId, sessionId),
        eq(sessionParticipants.userId, userId),
        isNull(sessionParticipants.deletedAt),
      ),
    );
}

export async function getHeard(db: DbOrTx, sessionId: string) {
  const [row] = await db
    .select()
    .from(heardSummaries)
    .where(eq(heardSummaries.sessionId, sessionId));
  return row;
}

/**
 * Stores the summary: a first save with version 0, later ones naming the version they read
 * (undefined when someone else saved meanwhile, or the first save raced another).
 */
export async function saveHeardRow(
  db: DbOrTx,
  params: {
    partnershipId: string;
    sessionId: string;
    version: number;
    text: string;
    publish: boolean;
    userId: string;
  },
) {
  const values = {
    text: params.text,
    publishedAt: params.publish ? new Date() : null,
    updatedBy: params.userId,
  };
  if (params.version === 0) {
    const [row] = await db
      .insert(heardSummaries)
      .values({ sessionId: params.sessionId, partnershipId: params.partnershipId, ...values })
      .onConflictDoNothing()
      .returning();
    return row;
  }
  const [row] = await db
    .update(heardSummaries)
    .set({ ...values, version: sql`${heardSummaries.version} + 1` })
    .where(
      and(
        eq(heardSummaries.sessionId, params.sessionId),
        eq(heardSummaries.version, params.version),
      ),
    )
    .returning();
  return row;
}
