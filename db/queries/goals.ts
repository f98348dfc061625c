/** Goals, their partner roles, measurements and reviews. Every query is scoped by partnership. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import {
  auditLog,
  goalMeasurements,
  goalPartnerRoles,
  goalReviews,
  goals,
  organisations,
  users,
} from "../schema";
import type { DbOrTx } from "../types";
import { updateVersioned } from "./rows";

export type GoalRow = typeof goals.$inferSelect;
export type GoalValues = Omit<
  typeof goals.$inferInsert,
  "id" | "partnershipId" | "createdAt" | "updatedAt" | "version" | "deletedAt"
>;

export async function listGoals(
  db: DbOrTx,
  partnershipId: string,
  which: "active" | "removed" = "active",
) {
  return db
    .select()
    .from(goals)
    .where(
      and(
        eq(goals.partnershipId, partnershipId),
        which === "active" ? isNull(goals.deletedAt) : isNotNull(goals.deletedAt),
      ),
    )
    .orderBy(asc(goals.position), asc(goals.createdAt));
}

/** Live measurements of the partnership's goals (or of some), oldest first. */
export async function listMeasurements(db: DbOrTx, partnershipId: string, goalIds?: string[]) {
  if (goalIds && goalIds.length === 0) return [];
  return db
    .select({
      id: goalMeasurements.id,
      goalId: goalMeasurements.goalId,
      value: goalMeasurements.value,
      measuredOn: goalMeasurements.measuredOn,
      note: goalMeasurements.note,
      version: goalMeasurements.version,
      recordedByName: users.name,
      createdAt: goalMeasurements.createdAt,
    })
    .from(goalMeasurements)
    .leftJoin(users, eq(users.id, goalMeasurements.recordedBy))
    .where(
      and(
        eq(goalMeasurements.partnershipId, partnershipId),
        isNull(goalMeasurements.deletedAt),
        goalIds ? inArray(goalMeasurements.goalId, goalIds) : undefined,
      ),
    )
    .orderBy(asc(goalMeasurements.measuredOn), asc(goalMeasurements.createdAt));
}

/**
 * A goal of the partnership (a removed one with `removed`). With `lock`, the row stays locked
 * until the transaction ends: "share" for a change that depends on the goal (a child, a
 * measurement), "update" for a change to the goal itself (its removal), so the two cannot pass
 * each other.
 */
export async function getGoal(
  db: DbOrTx,
  partnershipId: string,
  goalId: string,
  options: { removed?: boolean; lock?: "share" | "update" } = {},
) {
  const query = db
    .select()
    .from(goals)
    .where(
      and(
        eq(goals.id, goalId),
        eq(goals.partnershipId, partnershipId),
        options.removed ? isNotNull(goals.deletedAt) : isNull(goals.deletedAt),
      ),
    );
  const [row] = await (options.lock ? query.for(options.lock) : query);
  return row;
}

export async function goalRoles(db: DbOrTx, goalId: string) {
  return db
    .select({
      organisationId: goalPartnerRoles.organisationId,
      name: organisations.name,
      role: goalPartnerRoles.role,
    })
    .from(goalPartnerRoles)
    .innerJoin(organisations, eq(organisations.id, goalPartnerRoles.organisationId))
    .where(eq(goalPartnerRoles.goalId, goalId))
    .orderBy(asc(organisations.name));
}

export async function goalReviewsOf(db: DbOrTx, goalId: string) {
  return db
    .select({
      id: goalReviews.id,
      verdict: goalReviews.verdict,
      comment: goalReviews.comment,
      reviewedAt: goalReviews.reviewedAt,
      reviewerName: users.name,
    })
    .from(goalReviews)
    .leftJoin(users, eq(users.id, goalReviews.reviewerId))
    .where(eq(goalReviews.goalId, goalId))
    .orderBy(desc(goalReviews.reviewedAt));
}

/** The latest review per goal of a partnership. */
export async function latestReviews(db: DbOrTx, partnershipId: string) {
  return db
    .selectDistinctOn([goalReviews.goalId], {
      goalId: goalReviews.goalId,
      verdict: goalReviews.verdict,
      reviewedAt: goalReviews.reviewedAt,
    })
    .from(goalReviews)
    .where(eq(goalReviews.partnershipId, partnershipId))
    .orderBy(goalReviews.goalId, desc(goalReviews.reviewedAt));
}

export async function insertGoal(db: DbOrTx, partnershipId: string, values: GoalValues) {
  const [row] = await db
    .insert(goals)
    .values({ ...values, partnershipId })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updateGoal(
  db: DbOrTx,
  params: {
    partnershipId: string;
    id: string;
    version: number;
    values: Partial<GoalValues> & { deletedAt?: Date | null };
    removed?: boolean;
  },
) {
  return updateVersioned(db, "goal", goals, {
    scope: and(eq(goals.id, params.id), eq(goals.partnershipId, params.partnershipId)),
    version: params.version,
    values: params.values,
    removed: params.removed,
  });
}

/** Replaces the partner roles of a goal. */
export async function setGoalRoles(
  db: DbOrTx,
  params: {
    partnershipId: string;
    goalId: string;
    roles: { organisationId: string; role: string }[];
  },
) {
  await db.delete(goalPartnerRoles).where(eq(goalPartnerRoles.goalId, params.goalId));
  if (params.roles.length === 0) return;
  await db.insert(goalPartnerRoles).values(
    params.roles.map((r) => ({
      ...r,
      goalId: params.goalId,
      partnershipId: params.partnershipId,
    })),
  );
}

export async function countLiveChildren(db: DbOrTx, partnershipId: string, goalId: string) {
  const rows = await db
    .select({ id: goals.id })
    .from(goals)
    .where(
      and(
        eq(goals.partnershipId, partnershipId),
        eq(goals.parentId, goalId),
        isNull(goals.deletedAt),
      ),
    );
  return rows.length;
}

export async function getMeasurement(db: DbOrTx, partnershipId: string, id: string) {
  const [row] = await db
    .select()
    .from(goalMeasurements)
    .where(
      and(
        eq(goalMeasurements.id, id),
        eq(goalMeasurements.partnershipId, partnershipId),
        isNull(goalMeasurements.deletedAt),
      ),
    );
  return row;
}

export async function insertMeasurement(
  db: DbOrTx,
  values: {
    goalId: string;
    partnershipId: string;
    value: number;
    measuredOn: string;
    note: string;
    recordedBy: string;
  },
) {
  const [row] = await db.insert(goalMeasurements).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updateMeasurement(
  db: DbOrTx,
  params: {
    partnershipId: string;
    id: string;
    version: number;
    values: Partial<{ value: number; measuredOn: string; note: string; deletedAt: Date }>;
  },
) {
  return updateVersioned(db, "measurement", goalMeasurements, {
    scope: and(
      eq(goalMeasurements.id, params.id),
      eq(goalMeasurements.partnershipId, params.partnershipId),
    ),
    version: params.version,
    values: params.values,
  });
}

export async function insertGoalReview(
  db: DbOrTx,
  values: {
    goalId: string;
    partnershipId: string;
    reviewerId: string;
    verdict: (typeof goalReviews.$inferInsert)["verdict"];
    comment: string;
  },
) {
  const [row] = await db.insert(goalReviews).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

/** Changes to a goal and its measurements, newest first: the visible history. */
export async function goalHistory(db: DbOrTx, partnershipId: string, goalId: string, limit = 100) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      actorName: users.name,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.partnershipId, partnershipId),
        // By record id on audit_log_entity_idx: the goal and its measurements (removed ones
        // too), never a scan of the partnership's whole log.
        or(
          and(eq(auditLog.entity, "goal"), eq(auditLog.entityId, goalId)),
          and(
            eq(auditLog.entity, "goal_measurement"),
            inArray(
              auditLog.entityId,
              db
                .select({ id: sql<string>`${goalMeasurements.id}::text` })
                .from(goalMeasurements)
                .where(eq(goalMeasurements.goalId, goalId)),
            ),
          ),
        ),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
