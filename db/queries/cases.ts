/** Cases with assignments, goals, check-ins and personal links; every query scoped by partnership. */
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { offsetOf } from "@/domain/paging";
import {
  caseAssignments,
  caseGoals,
  cases,
  checkInGasScores,
  checkInRatings,
  checkInReferrals,
  checkIns,
  users,
  voiceAttempts,
  voiceLinks,
  voiceResponses,
} from "../schema";
import type { DbOrTx } from "../types";
import { updateVersioned } from "./rows";

export type CaseRow = typeof cases.$inferSelect;
export type CaseValues = Pick<
  typeof cases.$inferInsert,
  "internalReference" | "ageBand" | "schoolType" | "problemDomains" | "jointPlan" | "jointPlanSince"
>;

const isAssigned = (userId: string) =>
  sql`exists (select 1 from ${caseAssignments} where ${caseAssignments.caseId} = ${cases.id}
        and ${caseAssignments.userId} = ${userId} and ${caseAssignments.deletedAt} is null)`;

/**
 * Cases of a partnership, newest first, a page at a time (or all of them without `page`);
 * `assignedTo` limits to one professional's cases.
 */
export async function listCases(
  db: DbOrTx,
  params: {
    partnershipId: string;
    page?: number;
    pageSize?: number;
    status: "open" | "closed" | "all";
    assignedTo?: string;
  },
) {
  const { page = 1, pageSize } = params;
  const where = and(
    eq(cases.partnershipId, params.partnershipId),
    isNull(cases.deletedAt),
    params.status === "open"
      ? isNull(cases.closedOn)
      : params.status === "closed"
        ? isNotNull(cases.closedOn)
        : undefined,
    params.assignedTo ? isAssigned(params.assignedTo) : undefined,
  );
  const ordered = db
    .select()
    .from(cases)
    .where(where)
    .orderBy(desc(cases.openedOn), asc(cases.code));
  if (pageSize === undefined) {
    const items = await ordered;
    return { items, total: items.length, page: 1, pageSize: items.length };
  }
  const [items, [totals]] = await Promise.all([
    ordered.limit(pageSize).offset(offsetOf(page, pageSize)),
    db.select({ total: count() }).from(cases).where(where),
  ]);
  return { items, total: totals?.total ?? 0, page, pageSize };
}

/**
 * A live case of the partnership. With `lock: "share"`, a change that depends on the case (a
 * check-in, a goal, a link) holds it until its transaction ends, so the case cannot be closed
 * in between; closing (an update) waits for it, or it waits for the closing and sees it.
 */
export async function getCase(
  db: DbOrTx,
  partnershipId: string,
  caseId: string,
  options: { lock?: "share" } = {},
) {
  const query = db
    .select()
    .from(cases)
    .where(
      and(eq(cases.id, caseId), eq(cases.partnershipId, partnershipId), isNull(cases.deletedAt)),
    );
  const [row] = await (options.lock ? query.for(options.lock) : query);
  return row;
}

export async function isAssignedTo(db: DbOrTx, caseId: string, userId: string) {
  const rows = await db
    .select({ id: caseAssignments.id })
    .from(caseAssignments)
    .where(
      and(
        eq(caseAssignments.caseId, caseId),
        eq(caseAssignments.userId, userId),
        isNull(caseAssignments.deletedAt),
      ),
    );
  return rows.length > 0;
}

export async function caseCodeTaken(db: DbOrTx, partnershipId: string, code: string) {
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.partnershipId, partnershipId), eq(cases.code, code)));
  return rows.length > 0;
}

export async function insertCase(
  db: DbOrTx,
  values: CaseValues & { partnershipId: string; code: string; openedOn: string },
) {
  const [row] = await db.insert(cases).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updateCase(
  db: DbOrTx,
  params: {
    partnershipId: string;
    id: string;
    version: number;
    values: Partial<Omit<typeof cases.$inferInsert, "id" | "partnershipId" | "code" | "version">>;
  },
) {
  return updateVersioned(db, "case", cases, {
    scope: and(eq(cases.id, params.id), eq(cases.partnershipId, params.partnershipId)),
    version: params.version,
    values: params.values,
  });
}

/* ----------------------------------------------------------------- assignments */

export async function listAssignments(db: DbOrTx, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({
      id: caseAssignments.id,
      caseId: caseAssignments.caseId,
      userId: users.id,
      name: users.name,
    })
    .from(caseAssignments)
    .innerJoin(users, eq(users.id, caseAssignments.userId))
    .where(and(inArray(caseAssignments.caseId, caseIds), isNull(caseAssignments.deletedAt)))
    .orderBy(asc(users.name));
}

export async function assign(
  db: DbOrTx,
  values: { caseId: string; partnershipId: string; userId: string },
) {
  const [row] = await db.insert(caseAssignments).values(values).onConflictDoNothing().returning();
  return row;
}

export async function unassign(db: DbOrTx, caseId: string, userId: string) {
  const rows = await db
    .update(caseAssignments)
    .set({ deletedAt: new Date() })
    .where(
      and(
        eq(caseAssignments.caseId, caseId),
        eq(caseAssignments.userId, userId),
        isNull(caseAssignments.deletedAt),
      ),
    )
    .returning();
  return rows[0];
}

/* ----------------------------------------------------------------- goals */

/** Live goals of the cases; with `lock: "share"` held until the transaction ends (a GAS score needs its goal). */
export async function listCaseGoals(
  db: DbOrTx,
  caseIds: string[],
  options: { lock?: "share" } = {},
) {
  if (caseIds.length === 0) return [];
  const query = db
    .select()
    .from(caseGoals)
    .where(and(inArray(caseGoals.caseId, caseIds), isNull(caseGoals.deletedAt)))
    .orderBy(asc(caseGoals.createdAt));
  return options.lock ? query.for(options.lock) : query;
}

export async function insertCaseGoal(db: DbOrTx, values: typeof caseGoals.$inferInsert) {
  const [row] = await db.insert(caseGoals).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updateCaseGoal(
  db: DbOrTx,
  params: {
    caseId: string;
    id: string;
    version: number;
    values: Partial<typeof caseGoals.$inferInsert>;
  },
) {
  return updateVersioned(db, "caseGoal", caseGoals, {
    scope: and(eq(caseGoals.id, params.id), eq(caseGoals.caseId, params.caseId)),
    version: params.version,
    values: params.values,
  });
}

/* ----------------------------------------------------------------- check-ins */

export async function listCheckIns(db: DbOrTx, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({
      id: checkIns.id,
      caseId: checkIns.caseId,
      heldOn: checkIns.heldOn,
      professionalChanges: checkIns.professionalChanges,
      version: checkIns.version,
      createdByName: users.name,
      createdAt: checkIns.createdAt,
    })
    .from(checkIns)
    .leftJoin(users, eq(users.id, checkIns.createdBy))
    .where(and(inArray(checkIns.caseId, caseIds), isNull(checkIns.deletedAt)))
    .orderBy(asc(checkIns.heldOn), asc(checkIns.createdAt));
}

export async function listRatings(db: DbOrTx, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db.select().from(checkInRatings).where(inArray(checkInRatings.caseId, caseIds));
}

export async function listReferrals(db: DbOrTx, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db.select().from(checkInReferrals).where(inArray(checkInReferrals.caseId, caseIds));
}

/** The GAS scores of the cases' (live) check-ins, each with its case. */
export async function listGasScores(db: DbOrTx, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({
      caseId: checkIns.caseId,
      checkInId: checkInGasScores.checkInId,
      caseGoalId: checkInGasScores.caseGoalId,
      score: checkInGasScores.score,
    })
    .from(checkInGasScores)
    .innerJoin(checkIns, eq(checkIns.id, checkInGasScores.checkInId))
    .where(and(inArray(checkIns.caseId, caseIds), isNull(checkIns.deletedAt)));
}

export async function findCheckInByRequest(db: DbOrTx, clientRequestId: string) {
  const [row] = await db
    .select()
    .from(checkIns)
    .where(eq(checkIns.clientRequestId, clientRequestId));
  return row;
}

/**
 * Inserts a check-in once per client request id: undefined when a request with the same id got
 * there first (a retry or a double submit racing this one), which then waits for it to commit.
 */
export async function insertCheckIn(db: DbOrTx, values: typeof checkIns.$inferInsert) {
  const [row] = await db
    .insert(checkIns)
    .values(values)
    .onConflictDoNothing({ target: checkIns.clientRequestId })
    .returning();
  return row;
}

/** A correction or a soft delete of a check-in, naming the version that was read. */
export async function updateCheckIn(
  db: DbOrTx,
  params: {
    caseId: string;
    id: string;
    version: number;
    values: Partial<
      Pick<typeof checkIns.$inferInsert, "heldOn" | "professionalChanges" | "deletedAt">
    >;
  },
) {
  return updateVersioned(db, "checkIn", checkIns, {
    scope: and(eq(checkIns.id, params.id), eq(checkIns.caseId, params.caseId)),
    version: params.version,
    values: params.values,
  });
}

/**
 * Clears what professionals entered in a check-in (ratings, referrals, GAS scores) before it is
 * written again; what parents or young people gave through their link stays.
 */
export async function clearCheckInDetails(db: DbOrTx, checkInId: string) {
  await db
    .delete(checkInRatings)
    .where(and(eq(checkInRatings.checkInId, checkInId), eq(checkInRatings.viaLink, false)));
  await db.delete(checkInReferrals).where(eq(checkInReferrals.checkInId, checkInId));
  await db.delete(checkInGasScores).where(eq(checkInGasScores.checkInId, checkInId));
}

export async function insertRatings(db: DbOrTx, values: (typeof checkInRatings.$inferInsert)[]) {
  if (values.length) await db.insert(checkInRatings).values(values);
}
export async function insertReferrals(
  db: DbOrTx,
  values: (typeof checkInReferrals.$inferInsert)[],
) {
  if (values.length) await db.insert(checkInReferrals).values(values);
}
export async function insertGasScores(
  db: DbOrTx,
  values: (typeof checkInGasScores.$inferInsert)[],
) {
  if (values.length) await db.insert(checkInGasScores).values(values);
}

/* ----------------------------------------------------------------- personal links */

export async function insertVoiceLink(db: DbOrTx, values: typeof voiceLinks.$inferInsert) {
  const [row] = await db.insert(voiceLinks).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function listVoiceLinks(db: DbOrTx, caseId: string) {
  return db
    .select({
      id: voiceLinks.id,
      perspective: voiceLinks.perspective,
      expiresAt: voiceLinks.expiresAt,
      usedAt: voiceLinks.usedAt,
      revokedAt: voiceLinks.revokedAt,
      createdAt: voiceLinks.createdAt,
    })
    .from(voiceLinks)
    .where(eq(voiceLinks.caseId, caseId))
    .orderBy(desc(voiceLinks.createdAt));
}

export async function revokeVoiceLink(db: DbOrTx, caseId: string, linkId: string) {
  const [row] = await db
    .update(voiceLinks)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(voiceLinks.id, linkId),
        eq(voiceLinks.caseId, caseId),
        isNull(voiceLinks.revokedAt),
        isNull(voiceLinks.usedAt),
      ),
    )
    .returning();
  return row;
}

/** The link behind a token hash, and whether its case still takes answers (open, not removed). */
export async function findVoiceLink(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      link: voiceLinks,
      caseOpen: sql<boolean>`(${cases.closedOn} is null and ${cases.deletedAt} is null)`,
    })
    .from(voiceLinks)
    .innerJoin(cases, eq(cases.id, voiceLinks.caseId))
    .where(eq(voiceLinks.tokenHash, tokenHash));
  return row && { ...row.link, caseOpen: row.caseOpen };
}

/** Closing a case revokes the links that were not used yet. */
export async function revokeOpenVoiceLinks(db: DbOrTx, caseId: string) {
  await db
    .update(voiceLinks)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(voiceLinks.caseId, caseId), isNull(voiceLinks.usedAt), isNull(voiceLinks.revokedAt)),
    );
}

/** Marks the link used, once: false when someone else (a double tap) used it first. */
export async function useVoiceLink(db: DbOrTx, linkId: string) {
  const rows = await db
    .update(voiceLinks)
    .set({ usedAt: new Date() })
    .where(and(eq(voiceLinks.id, linkId), isNull(voiceLinks.usedAt), isNull(voiceLinks.revokedAt)))
    .returning({ id: voiceLinks.id });
  return rows.length > 0;
}

export async function insertVoiceResponse(db: DbOrTx, values: typeof voiceResponses.$inferInsert) {
  const [row] = await db.insert(voiceResponses).values(values).onConflictDoNothing().returning();
  return row;
}

/**
 * Answers given through a link that wait for the next check-in: not yet taken into one, or
 * taken into a check-in that was removed since (it keeps pointing there, so restoring that
 * check-in can tell which answers are still its own).
 */
export async function pendingVoiceResponses(db: DbOrTx, caseId: string) {
  return db
    .select()
    .from(voiceResponses)
    .where(
      and(
        eq(voiceResponses.caseId, caseId),
        sql`(${voiceResponses.checkInId} is null or exists (select 1 from ${checkIns}
          where ${checkIns.id} = ${voiceResponses.checkInId} and ${checkIns.deletedAt} is not null))`,
      ),
    )
    .orderBy(asc(voiceResponses.createdAt));
}

export async function attachVoiceResponse(db: DbOrTx, responseId: string, checkInId: string) {
  await db.update(voiceResponses).set({ checkInId }).where(eq(voiceResponses.id, responseId));
}

export async function recordVoiceAttempt(db: DbOrTx, ip: string, succeeded: boolean) {
  await db.insert(voiceAttempts).values({ ip, succeeded });
}

/** Failed uses of personal links since `since`, from every address together. */
export async function recentVoiceFailuresAll(db: DbOrTx, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(voiceAttempts)
    .where(and(eq(voiceAttempts.succeeded, false), gt(voiceAttempts.at, since)));
  return row?.n ?? 0;
}

export async function recentVoiceFailures(db: DbOrTx, ip: string, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(voiceAttempts)
    .where(
      and(
        eq(voiceAttempts.ip, ip),
        eq(voiceAttempts.succeeded, false),
        gt(voiceAttempts.at, since),
      ),
    );
  return row?.n ?? 0;
}

/** The answers given through links and taken into check-ins, with what was written back. */
export function answeredVoices(db: DbOrTx, caseId: string) {
  return db
    .select({
      id: voiceResponses.id,
      checkInId: voiceResponses.checkInId,
      perspective: voiceResponses.perspective,
      reply: voiceResponses.reply,
      repliedAt: voiceResponses.repliedAt,
    })
    .from(voiceResponses)
    .where(and(eq(voiceResponses.caseId, caseId), sql`${voiceResponses.checkInId} is not null`));
}

/** Writes back on an answer of the case; undefined when the case holds no such answer. */
export async function replyToVoice(
  db: DbOrTx,
  params: { caseId: string; responseId: string; reply: string; userId: string },
) {
  const [row] = await db
    .update(voiceResponses)
    .set({ reply: params.reply, repliedAt: new Date(), repliedBy: params.userId })
    .where(and(eq(voiceResponses.id, params.responseId), eq(voiceResponses.caseId, params.caseId)))
    .returning({ id: voiceResponses.id });
  return row;
}

/** What was written back to this person (same case, same perspective) on earlier answers. */
export function repliesFor(db: DbOrTx, caseId: string, perspective: string, beforeLinkId: string) {
  return db
    .select({ reply: voiceResponses.reply, repliedAt: voiceResponses.repliedAt })
    .from(voiceResponses)
    .where(
      and(
        eq(voiceResponses.caseId, caseId),
        sql`${voiceResponses.perspective} = ${perspective}`,
        sql`${voiceResponses.reply} is not null`,
        sql`${voiceResponses.linkId} <> ${beforeLinkId}`,
      ),
    )
    .orderBy(desc(voiceResponses.repliedAt))
    .limit(3);
}

/** How many answers came in through links, and on how many the professionals wrote back. */
export async function countVoiceReplies(db: DbOrTx, partnershipId: string) {
  const [row] = await db
    .select({
      received: sql<number>`count(*)::int`,
      answered: sql<number>`count(${voiceResponses.reply})::int`,
    })
    .from(voiceResponses)
    .where(eq(voiceResponses.partnershipId, partnershipId));
  return { received: row?.received ?? 0, answered: row?.answered ?? 0 };
}
