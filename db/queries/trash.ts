/**
 * Removed records of a partnership, for a coordinator to restore (deletes are soft). One list
 * over the kinds people remove in their daily work, newest removal first, a page at a time.
 */
import { and, desc, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import { type PgColumn, type PgTable, unionAll } from "drizzle-orm/pg-core";
import { offsetOf } from "@/domain/paging";
import {
  caseGoals,
  cases,
  checkInRatings,
  checkIns,
  goalMeasurements,
  goals,
  memberships,
  reflectionActions,
  reflectionSessions,
  sessionParticipants,
  users,
  voiceResponses,
} from "../schema";
import type { DbOrTx } from "../types";
import { updateVersioned } from "./rows";

export const trashKinds = [
  "measurement",
  "session",
  "participant",
  "action",
  "caseGoal",
  "checkIn",
  "member",
] as const;
export type TrashKind = (typeof trashKinds)[number];

/** Why a removed record cannot come back yet. */
export type RestoreBlock = "parent_removed" | "session_locked" | "case_closed" | "already_member";

type Restorable = PgTable & {
  id: PgColumn;
  partnershipId: PgColumn;
  version: PgColumn;
  deletedAt: PgColumn;
};

export const trashTables: Record<TrashKind, Restorable> = {
  measurement: goalMeasurements,
  session: reflectionSessions,
  participant: sessionParticipants,
  action: reflectionActions,
  caseGoal: caseGoals,
  checkIn: checkIns,
  member: memberships,
};

/** The audit log's name for each kind (the same names the delete wrote). */
export const trashEntities: Record<TrashKind, string> = {
  measurement: "goal_measurement",
  session: "reflection_session",
  participant: "session_participant",
  action: "reflection_action",
  caseGoal: "case_goal",
  checkIn: "check_in",
  member: "membership",
};

const text = (value: SQL | PgColumn | null, alias: string) =>
  (value === null ? sql<string | null>`null::text` : sql<string | null>`${value}::text`).as(alias);

/** Every kind selects the same columns, so one UNION ALL pages over all of them. */
function removed(
  db: DbOrTx,
  partnershipId: string,
  kind: TrashKind,
  columns: { title: SQL | PgColumn | null; day: SQL | PgColumn | null; code: PgColumn | null },
  block: SQL,
) {
  const table = trashTables[kind];
  return {
    select: db
      .select({
        kind: sql<TrashKind>`${kind}::text`.as("kind"),
        id: sql<string>`${table.id}`.as("id"),
        version: sql<number>`${table.version}`.as("version"),
        deletedAt: sql<Date>`${table.deletedAt}`.as("deleted_at"),
        title: text(columns.title, "title"),
        day: text(columns.day, "day"),
        code: text(columns.code, "code"),
        blocked: sql<RestoreBlock | null>`${block}`.as("blocked"),
      })
      .from(table),
    where: and(eq(table.partnershipId, partnershipId), isNotNull(table.deletedAt)),
  };
}

const sessionBlock = sql`case when ${reflectionSessions.deletedAt} is not null then 'parent_removed'
  when ${reflectionSessions.signedOffAt} is not null then 'session_locked' end`;
const caseBlock = sql`case when ${cases.closedOn} is not null then 'case_closed' end`;

export async function listRemoved(
  db: DbOrTx,
  partnershipId: string,
  page: { page: number; pageSize: number },
) {
  const m = removed(
    db,
    partnershipId,
    "measurement",
    { title: goals.title, day: goalMeasurements.measuredOn, code: null },
    sql`case when ${goals.deletedAt} is not null then 'parent_removed' end`,
  );
  const s = removed(
    db,
    partnershipId,
    "session",
    { title: null, day: reflectionSessions.heldOn, code: null },
    sql`null::text`,
  );
  const p = removed(
    db,
    partnershipId,
    "participant",
    { title: sessionParticipants.name, day: reflectionSessions.heldOn, code: null },
    sessionBlock,
  );
  const a = removed(
    db,
    partnershipId,
    "action",
    { title: reflectionActions.description, day: reflectionSessions.heldOn, code: null },
    sessionBlock,
  );
  const g = removed(
    db,
    partnershipId,
    "caseGoal",
    { title: caseGoals.description, day: null, code: cases.code },
    caseBlock,
  );
  const c = removed(
    db,
    partnershipId,
    "checkIn",
    { title: null, day: checkIns.heldOn, code: cases.code },
    caseBlock,
  );
  const member = removed(
    db,
    partnershipId,
    "member",
    { title: users.name, day: null, code: null },
    // Someone added again since has a live membership: there is nothing to put back.
    sql`case when exists (select 1 from ${memberships} live where live.user_id = ${memberships.userId}
      and live.partnership_id = ${memberships.partnershipId} and live.deleted_at is null)
      then 'already_member' end`,
  );
  const all = unionAll(
    m.select.innerJoin(goals, eq(goals.id, goalMeasurements.goalId)).where(m.where),
    s.select.where(s.where),
    p.select
      .innerJoin(reflectionSessions, eq(reflectionSessions.id, sessionParticipants.sessionId))
      .where(p.where),
    a.select
      .innerJoin(reflectionSessions, eq(reflectionSessions.id, reflectionActions.sessionId))
      .where(a.where),
    g.select.innerJoin(cases, eq(cases.id, caseGoals.caseId)).where(g.where),
    c.select.innerJoin(cases, eq(cases.id, checkIns.caseId)).where(c.where),
    member.select.innerJoin(users, eq(users.id, memberships.userId)).where(member.where),
  ).as("removed");
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(all)
      .orderBy(desc(all.deletedAt), desc(all.id))
      .limit(page.pageSize)
      .offset(offsetOf(page.page, page.pageSize)),
    db.select({ n: sql<number>`count(*)::int` }).from(all),
  ]);
  return { items, total: total?.n ?? 0, ...page };
}

/** One removed record, with what it hangs on (for the checks before restoring it). */
export async function getRemoved(db: DbOrTx, partnershipId: string, kind: TrashKind, id: string) {
  const table = trashTables[kind];
  const [row] = await db
    .select()
    .from(table)
    .where(
      and(eq(table.id, id), eq(table.partnershipId, partnershipId), isNotNull(table.deletedAt)),
    );
  return row as Record<string, unknown> | undefined;
}

/** Brings a removed record back, naming the version that was read. */
export async function restoreRemoved(
  db: DbOrTx,
  params: { partnershipId: string; kind: TrashKind; id: string; version: number },
) {
  const table = trashTables[params.kind];
  return updateVersioned(db, params.kind, table, {
    scope: and(eq(table.id, params.id), eq(table.partnershipId, params.partnershipId)),
    version: params.version,
    values: { deletedAt: null } as never,
    removed: true,
  }) as Promise<Record<string, unknown>>;
}

/**
 * A restored check-in keeps only the link answers that are still its own: an answer that
 * joined a later check-in meanwhile stays there and is not counted twice.
 */
export async function dropMovedLinkAnswers(db: DbOrTx, checkInId: string) {
  await db.delete(checkInRatings).where(
    and(
      eq(checkInRatings.checkInId, checkInId),
      eq(checkInRatings.viaLink, true),
      sql`not exists (select 1 from ${voiceResponses}
          where ${voiceResponses.checkInId} = ${checkInId}
            and ${voiceResponses.perspective}::text = ${checkInRatings.perspective}::text)`,
    ),
  );
}
