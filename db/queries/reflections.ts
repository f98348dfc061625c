/** Reflection sessions with participants, scores, notes, goal reviews and actions; scoped by partnership. */
import { and, asc, desc, eq, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import type { ScoreSummary } from "@/domain/score-summary";
import { VersionConflictError, versioned } from "../errors";
import {
  auditLog,
  factorNotes,
  factorScores,
  organisations,
  reflectionActions,
  reflectionSessions,
  sessionGoalReviews,
  sessionParticipants,
  sessionSummaries,
  users,
} from "../schema";
import type { DbOrTx } from "../types";
import { updateVersioned } from "./rows";

export type SessionRow = typeof reflectionSessions.$inferSelect;
type ActionRow = typeof reflectionActions.$inferSelect;

export async function listSessions(db: DbOrTx, partnershipId: string) {
  return db
    .select()
    .from(reflectionSessions)
    .where(
      and(
        eq(reflectionSessions.partnershipId, partnershipId),
        isNull(reflectionSessions.deletedAt),
      ),
    )
    .orderBy(desc(reflectionSessions.heldOn), desc(reflectionSessions.createdAt));
}

export async function getSession(db: DbOrTx, partnershipId: string, sessionId: string) {
  const [row] = await db
    .select()
    .from(reflectionSessions)
    .where(
      and(
        eq(reflectionSessions.id, sessionId),
        eq(reflectionSessions.partnershipId, partnershipId),
        isNull(reflectionSessions.deletedAt),
      ),
    );
  return row;
}

/** The session held before this one (by date), whose actions this one reviews. */
export async function previousSession(db: DbOrTx, session: SessionRow) {
  const [row] = await db
    .select()
    .from(reflectionSessions)
    .where(
      and(
        eq(reflectionSessions.partnershipId, session.partnershipId),
        isNull(reflectionSessions.deletedAt),
        ne(reflectionSessions.id, session.id),
        lt(reflectionSessions.heldOn, session.heldOn),
      ),
    )
    .orderBy(desc(reflectionSessions.heldOn))
    .limit(1);
  return row;
}

export async function insertSession(
  db: DbOrTx,
  values: { partnershipId: string; heldOn: string; instrumentVersion: number },
) {
  const [row] = await db.insert(reflectionSessions).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updateSession(
  db: DbOrTx,
  params: {
    partnershipId: string;
    id: string;
    version: number;
    values: Partial<
      Pick<
        SessionRow,
        | "heldOn"
        | "whatWorks"
        | "whatDoesNot"
        | "status"
        | "signedOffBy"
        | "signedOffAt"
        | "deletedAt"
      >
    >;
  },
) {
  return updateVersioned(db, "session", reflectionSessions, {
    scope: and(
      eq(reflectionSessions.id, params.id),
      eq(reflectionSessions.partnershipId, params.partnershipId),
    ),
    version: params.version,
    values: params.values,
  });
}

/** Row lock on the session for the rest of the transaction (edits against a sign-off). */
export async function lockSession(db: DbOrTx, sessionId: string) {
  await db
    .select({ id: reflectionSessions.id })
    .from(reflectionSessions)
    .where(eq(reflectionSessions.id, sessionId))
    .for("update");
}

/** After any change to a session's content: it is in progress, and its revision moves on. */
export async function touchSession(db: DbOrTx, sessionId: string) {
  await db
    .update(reflectionSessions)
    .set({
      revision: sql`${reflectionSessions.revision} + 1`,
      status: sql`case when ${reflectionSessions.status} = 'planned' then 'in_progress'::session_status else ${reflectionSessions.status} end`,
    })
    .where(eq(reflectionSessions.id, sessionId));
}

/* ----------------------------------------------------------------- participants */

export async function listParticipants(db: DbOrTx, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .select({
      id: sessionParticipants.id,
      sessionId: sessionParticipants.sessionId,
      userId: sessionParticipants.userId,
      name: sessionParticipants.name,
      organisationId: sessionParticipants.organisationId,
      organisationName: organisations.name,
      sector: sessionParticipants.sector,
      version: sessionParticipants.version,
    })
    .from(sessionParticipants)
    .leftJoin(organisations, eq(organisations.id, sessionParticipants.organisationId))
    .where(
      and(
        inArray(sessionParticipants.sessionId, sessionIds),
        isNull(sessionParticipants.deletedAt),
      ),
    )
    .orderBy(asc(sessionParticipants.createdAt));
}

export async function getParticipant(db: DbOrTx, sessionId: string, participantId: string) {
  const [row] = await db
    .select()
    .from(sessionParticipants)
    .where(
      and(
        eq(sessionParticipants.id, participantId),
        eq(sessionParticipants.sessionId, sessionId),
        isNull(sessionParticipants.deletedAt),
      ),
    );
  return row;
}

export async function insertParticipant(
  db: DbOrTx,
  values: typeof sessionParticipants.$inferInsert,
) {
  const [row] = await db.insert(sessionParticipants).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updateParticipant(
  db: DbOrTx,
  params: { sessionId: string; id: string; version: number; values: Partial<{ deletedAt: Date }> },
) {
  return updateVersioned(db, "participant", sessionParticipants, {
    scope: and(
      eq(sessionParticipants.id, params.id),
      eq(sessionParticipants.sessionId, params.sessionId),
    ),
    version: params.version,
    values: params.values,
  });
}

/* ----------------------------------------------------------------- scores and notes */

/** Scores of live participants in these sessions, with each participant's sector. */
export async function listScores(db: DbOrTx, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .select({
      sessionId: factorScores.sessionId,
      participantId: factorScores.participantId,
      sector: sessionParticipants.sector,
      factorId: factorScores.factorId,
      score: factorScores.score,
      instrumentVersion: factorScores.instrumentVersion,
    })
    .from(factorScores)
    .innerJoin(sessionParticipants, eq(sessionParticipants.id, factorScores.participantId))
    .where(and(inArray(factorScores.sessionId, sessionIds), isNull(sessionParticipants.deletedAt)));
}

/** The stored summaries of these sessions, by session. */
export async function listSessionSummaries(db: DbOrTx, sessionIds: string[]) {
  if (sessionIds.length === 0) return new Map<string, ScoreSummary>();
  const rows = await db
    .select({ sessionId: sessionSummaries.sessionId, summary: sessionSummaries.summary })
    .from(sessionSummaries)
    .where(inArray(sessionSummaries.sessionId, sessionIds));
  return new Map(rows.map((r) => [r.sessionId, r.summary]));
}

/** Stores a signed-off session's summary, replacing any earlier one. */
export async function saveSessionSummary(
  db: DbOrTx,
  row: { sessionId: string; partnershipId: string; summary: ScoreSummary },
) {
  await db
    .insert(sessionSummaries)
    .values(row)
    .onConflictDoUpdate({
      target: sessionSummaries.sessionId,
      set: { summary: row.summary, computedAt: new Date() },
    });
}

/**
 * Stores summaries that were missing, each only while its session is still signed off (a
 * reopening in between leaves none behind; a sign-off writes its own).
 */
export async function fillSessionSummaries(
  db: DbOrTx,
  rows: { sessionId: string; partnershipId: string; summary: ScoreSummary }[],
) {
  for (const row of rows)
    await db.execute(sql`
      insert into session_summaries (session_id, partnership_id, summary)
      select ${row.sessionId}::uuid, ${row.partnershipId}::uuid, ${JSON.stringify(row.summary)}::jsonb
      where exists (select 1 from reflection_sessions
        where id = ${row.sessionId}::uuid and status = 'signed_off' and deleted_at is null)
      on conflict (session_id) do nothing`);
}

export async function deleteSessionSummary(db: DbOrTx, sessionId: string) {
  await db.delete(sessionSummaries).where(eq(sessionSummaries.sessionId, sessionId));
}

/** Saves a participant's scores (insert or replace per factor): a retry stores the same. */
export async function upsertScores(
  db: DbOrTx,
  params: {
    sessionId: string;
    partnershipId: string;
    participantId: string;
    instrumentVersion: number;
    scores: { factorId: string; score: number | null }[];
  },
) {
  if (params.scores.length === 0) return;
  await db
    .insert(factorScores)
    .values(
      params.scores.map((s) => ({
        sessionId: params.sessionId,
        partnershipId: params.partnershipId,
        participantId: params.participantId,
        instrumentVersion: params.instrumentVersion,
        factorId: s.factorId,
        score: s.score,
      })),
    )
    .onConflictDoUpdate({
      target: [factorScores.participantId, factorScores.factorId],
      set: { score: sql`excluded.score`, updatedAt: new Date() },
    });
}

export async function listNotes(db: DbOrTx, sessionId: string) {
  return db.select().from(factorNotes).where(eq(factorNotes.sessionId, sessionId));
}

/**
 * Saves the shared note on a factor. `version` 0 means "there was none when I started";
 * a note someone else saved meanwhile is a conflict, not an overwrite.
 */
export async function saveNote(
  db: DbOrTx,
  params: {
    sessionId: string;
    partnershipId: string;
    factorId: string;
    note: string;
    version: number;
  },
) {
  if (params.version === 0) {
    const [row] = await db
      .insert(factorNotes)
      .values({
        sessionId: params.sessionId,
        partnershipId: params.partnershipId,
        factorId: params.factorId,
        note: params.note,
      })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
    // Someone else created it first.
    throw new VersionConflictError("note");
  }
  return versioned(
    "note",
    db
      .update(factorNotes)
      .set({ note: params.note, version: sql`${factorNotes.version} + 1` })
      .where(
        and(
          eq(factorNotes.sessionId, params.sessionId),
          eq(factorNotes.factorId, params.factorId),
          eq(factorNotes.version, params.version),
        ),
      )
      .returning(),
    async () =>
      (
        await db
          .select({ id: factorNotes.id })
          .from(factorNotes)
          .where(
            and(
              eq(factorNotes.sessionId, params.sessionId),
              eq(factorNotes.factorId, params.factorId),
            ),
          )
      ).length > 0,
  );
}

/* ----------------------------------------------------------------- goal reviews */

export async function listSessionGoalReviews(db: DbOrTx, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .select()
    .from(sessionGoalReviews)
    .where(inArray(sessionGoalReviews.sessionId, sessionIds));
}

/**
 * A session's review of one goal, naming the version the form read (0: none yet), so two
 * people writing the story at once get a conflict instead of one overwriting the other.
 */
export async function saveSessionGoalReview(
  db: DbOrTx,
  params: {
    sessionId: string;
    partnershipId: string;
    goalId: string;
    assessment: (typeof sessionGoalReviews.$inferInsert)["assessment"];
    story: string;
    version: number;
  },
) {
  const { version, ...values } = params;
  const same = and(
    eq(sessionGoalReviews.sessionId, params.sessionId),
    eq(sessionGoalReviews.goalId, params.goalId),
  );
  if (version === 0) {
    const [row] = await db
      .insert(sessionGoalReviews)
      .values(values)
      .onConflictDoNothing()
      .returning();
    if (row) return row;
    // Someone else reviewed this goal first.
    throw new VersionConflictError("goalReview");
  }
  return versioned(
    "goalReview",
    db
      .update(sessionGoalReviews)
      .set({
        assessment: values.assessment,
        story: values.story,
        version: sql`${sessionGoalReviews.version} + 1`,
      })
      .where(and(same, eq(sessionGoalReviews.version, version)))
      .returning(),
    async () =>
      (await db.select({ id: sessionGoalReviews.id }).from(sessionGoalReviews).where(same)).length >
      0,
  );
}

/* ----------------------------------------------------------------- actions */

/** What a session shows of an action, with the owner's name. */
const actionColumns = {
  id: reflectionActions.id,
  sessionId: reflectionActions.sessionId,
  description: reflectionActions.description,
  ownerOrganisationId: reflectionActions.ownerOrganisationId,
  ownerName: organisations.name,
  dueOn: reflectionActions.dueOn,
  status: reflectionActions.status,
  dropReason: reflectionActions.dropReason,
  reviewedInSessionId: reflectionActions.reviewedInSessionId,
  version: reflectionActions.version,
};

export async function listActions(
  db: DbOrTx,
  partnershipId: string,
  filter: { sessionIds?: string[]; status?: ActionRow["status"][] } = {},
) {
  if (filter.sessionIds && filter.sessionIds.length === 0) return [];
  return db
    .select(actionColumns)
    .from(reflectionActions)
    .leftJoin(organisations, eq(organisations.id, reflectionActions.ownerOrganisationId))
    .where(
      and(
        eq(reflectionActions.partnershipId, partnershipId),
        isNull(reflectionActions.deletedAt),
        filter.sessionIds ? inArray(reflectionActions.sessionId, filter.sessionIds) : undefined,
        filter.status ? inArray(reflectionActions.status, filter.status) : undefined,
      ),
    )
    .orderBy(asc(reflectionActions.dueOn), asc(reflectionActions.createdAt));
}

/**
 * What a session looks back on: actions agreed in earlier sessions that are still open or were
 * continued, plus those this session already reviewed (to show the outcome).
 */
export async function actionsToReview(db: DbOrTx, session: SessionRow) {
  const earlier = db
    .select({ id: reflectionSessions.id })
    .from(reflectionSessions)
    .where(
      and(
        eq(reflectionSessions.partnershipId, session.partnershipId),
        isNull(reflectionSessions.deletedAt),
        lt(reflectionSessions.heldOn, session.heldOn),
      ),
    );
  return db
    .select(actionColumns)
    .from(reflectionActions)
    .leftJoin(organisations, eq(organisations.id, reflectionActions.ownerOrganisationId))
    .where(
      and(
        eq(reflectionActions.partnershipId, session.partnershipId),
        isNull(reflectionActions.deletedAt),
        inArray(reflectionActions.sessionId, earlier),
        sql`(${reflectionActions.status} in ('open', 'continued') or ${reflectionActions.reviewedInSessionId} = ${session.id})`,
      ),
    )
    .orderBy(asc(reflectionActions.dueOn), asc(reflectionActions.createdAt));
}

export async function getAction(db: DbOrTx, partnershipId: string, id: string) {
  const [row] = await db
    .select()
    .from(reflectionActions)
    .where(
      and(
        eq(reflectionActions.id, id),
        eq(reflectionActions.partnershipId, partnershipId),
        isNull(reflectionActions.deletedAt),
      ),
    );
  return row;
}

export async function insertAction(db: DbOrTx, values: typeof reflectionActions.$inferInsert) {
  const [row] = await db.insert(reflectionActions).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updateAction(
  db: DbOrTx,
  params: {
    partnershipId: string;
    id: string;
    version: number;
    values: Partial<
      Pick<
        ActionRow,
        | "description"
        | "ownerOrganisationId"
        | "dueOn"
        | "status"
        | "dropReason"
        | "reviewedInSessionId"
        | "deletedAt"
      >
    >;
  },
) {
  return updateVersioned(db, "action", reflectionActions, {
    scope: and(
      eq(reflectionActions.id, params.id),
      eq(reflectionActions.partnershipId, params.partnershipId),
    ),
    version: params.version,
    values: params.values,
  });
}

/** Sign-offs and reopenings of a session, oldest first, with who and (for a reopen) why. */
export async function signOffHistory(db: DbOrTx, sessionId: string) {
  return db
    .select({
      action: sql<"sign_off" | "reopen">`${auditLog.action}`,
      at: auditLog.at,
      actorName: users.name,
      reason: sql<string | null>`${auditLog.after}->>'reason'`,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.entity, "reflection_session"),
        eq(auditLog.entityId, sessionId),
        inArray(auditLog.action, ["sign_off", "reopen"]),
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}

export async function userName(db: DbOrTx, userId: string | null) {
  if (!userId) return null;
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}
