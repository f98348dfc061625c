/**
 * Goals (results-oriented working): a tree from the impact goal down, measurements with range
 * checks, and leaders' reviews. Coordinators keep goals; every member reads; leaders review.
 */
import { z } from "zod";
import { writeAudit } from "@/db/queries/audit";
import {
  countLiveChildren,
  getGoal,
  getMeasurement,
  goalHistory,
  goalReviewsOf,
  goalRoles,
  insertGoal,
  insertGoalReview,
  insertMeasurement,
  latestReviews,
  listGoals,
  listMeasurements,
  setGoalRoles,
  updateGoal,
  updateMeasurement,
} from "@/db/queries/goals";
import { listPartnerOrganisations } from "@/db/queries/partnerships";
import { once } from "@/db/queries/requests";
import type { Db, DbOrTx } from "@/db/types";
import { today } from "@/domain/dates";
import { evaluateGoal } from "@/domain/goal-evaluation";
import {
  clientRequestIdSchema,
  goalInput,
  goalReviewInput,
  idSchema,
  measurementInput,
  versionSchema,
} from "@/domain/schemas";
import { appError, notFound } from "../errors";
import { createTRPCRouter, partnershipProcedure } from "../trpc";

const reader = partnershipProcedure("readGoals");
const keeper = partnershipProcedure("keepGoals");
const reviewer = partnershipProcedure("reviewGoals");

type GoalInput = z.infer<typeof goalInput>;

/** The parent must be a live goal of this partnership, and not the goal itself or below it. */
async function checkParent(
  db: DbOrTx,
  partnershipId: string,
  parentId: string | null,
  goalId?: string,
) {
  if (!parentId) return;
  const all = await listGoals(db, partnershipId);
  const byId = new Map(all.map((g) => [g.id, g]));
  if (!byId.has(parentId))
    throw appError("NOT_FOUND", "errors.reference_not_found", { field: "parentId" });
  for (let at: string | null = parentId; at; at = byId.get(at)?.parentId ?? null) {
    if (at === goalId) throw appError("BAD_REQUEST", "errors.goal_cycle", { field: "parentId" });
  }
}

/** Roles may only name the partnership's own (active) partner organisations. */
async function checkRoles(db: DbOrTx, partnershipId: string, roles: GoalInput["roles"]) {
  if (roles.length === 0) return;
  const partners = new Set(
    (await listPartnerOrganisations(db, partnershipId)).map((p) => p.organisationId),
  );
  if (roles.some((r) => !partners.has(r.organisationId))) {
    throw appError("BAD_REQUEST", "errors.not_a_partner", { field: "roles" });
  }
}

function goalValues(input: GoalInput) {
  const { roles: _roles, ...values } = input;
  return values;
}

async function loadGoal(db: Db, partnershipId: string, goalId: string) {
  const goal = await getGoal(db, partnershipId, goalId);
  if (!goal) throw notFound();
  return goal;
}

export const goalsRouter = createTRPCRouter({
  /** The tree, flat (each with its parent id), with status and progress per goal. */
  list: reader.query(async ({ ctx }) => {
    const [all, measurements, reviews] = await Promise.all([
      listGoals(ctx.db, ctx.partnership.id),
      listMeasurements(ctx.db, ctx.partnership.id),
      latestReviews(ctx.db, ctx.partnership.id),
    ]);
    const now = new Date();
    return all.map((goal) => ({
      ...goal,
      ...evaluateGoal(
        goal,
        measurements.filter((m) => m.goalId === goal.id),
        now,
      ),
      latestVerdict: reviews.find((r) => r.goalId === goal.id)?.verdict ?? null,
    }));
  }),

  get: reader.input(z.object({ goalId: idSchema })).query(async ({ ctx, input }) => {
    const goal = await loadGoal(ctx.db, ctx.partnership.id, input.goalId);
    const [measurements, reviews, roles, children, parent] = await Promise.all([
      listMeasurements(ctx.db, ctx.partnership.id, [goal.id]),
      goalReviewsOf(ctx.db, goal.id),
      goalRoles(ctx.db, goal.id),
      listGoals(ctx.db, ctx.partnership.id).then((all) =>
        all.filter((g) => g.parentId === goal.id),
      ),
      goal.parentId
        ? getGoal(ctx.db, ctx.partnership.id, goal.parentId)
        : Promise.resolve(undefined),
    ]);
    return {
      ...goal,
      ...evaluateGoal(goal, measurements),
      measurements,
      reviews,
      roles,
      children: children.map((c) => ({ id: c.id, title: c.title })),
      parent: parent ? { id: parent.id, title: parent.title } : null,
      can: ctx.partnership.can,
    };
  }),

  history: reader.input(z.object({ goalId: idSchema })).query(async ({ ctx, input }) => {
    await loadGoal(ctx.db, ctx.partnership.id, input.goalId);
    return goalHistory(ctx.db, ctx.partnership.id, input.goalId);
  }),

  removed: keeper.query(({ ctx }) => listGoals(ctx.db, ctx.partnership.id, "removed")),

  create: keeper
    .input(goalInput.and(z.object({ clientRequestId: clientRequestIdSchema })))
    .mutation(async ({ ctx, input }) => {
      const partnershipId = ctx.partnership.id;
      await checkParent(ctx.db, partnershipId, input.parentId);
      await checkRoles(ctx.db, partnershipId, input.roles);
      return ctx.db.transaction((tx) =>
        once(
          tx,
          { key: input.clientRequestId, userId: ctx.user.id, entity: "goal" },
          async () => {
            const goal = await insertGoal(tx, partnershipId, goalValues(input));
            await setGoalRoles(tx, { partnershipId, goalId: goal.id, roles: input.roles });
            await writeAudit(tx, {
              actorUserId: ctx.user.id,
              action: "create",
              entity: "goal",
              entityId: goal.id,
              partnershipId,
              after: { ...goal, roles: input.roles },
            });
            return goal;
          },
          (id) => getGoal(tx, partnershipId, id),
        ),
      );
    }),

  update: keeper
    .input(goalInput.and(z.object({ goalId: idSchema, version: versionSchema })))
    .mutation(async ({ ctx, input }) => {
      const partnershipId = ctx.partnership.id;
      const { goalId, version, ...rest } = input;
      await checkParent(ctx.db, partnershipId, rest.parentId, goalId);
      await checkRoles(ctx.db, partnershipId, rest.roles);
      return ctx.db.transaction(async (tx) => {
        const before = await getGoal(tx, partnershipId, goalId);
        if (!before) throw notFound();
        const beforeRoles = await goalRoles(tx, goalId);
        const after = await updateGoal(tx, {
          partnershipId,
          id: goalId,
          version,
          values: goalValues(rest),
        });
        await setGoalRoles(tx, { partnershipId, goalId, roles: rest.roles });
        await writeAudit(tx, {
          actorUserId: ctx.user.id,
          action: "update",
          entity: "goal",
          entityId: goalId,
          partnershipId,
          before: { ...before, roles: beforeRoles },
          after: { ...after, roles: rest.roles },
        });
        return after;
      });
    }),

  delete: keeper
    .input(z.object({ goalId: idSchema, version: versionSchema }))
    .mutation(async ({ ctx, input }) => {
      // Another partnership's goal reads "not found", before anything is said about children.
      await loadGoal(ctx.db, ctx.partnership.id, input.goalId);
      if ((await countLiveChildren(ctx.db, ctx.partnership.id, input.goalId)) > 0) {
        throw appError("CONFLICT", "errors.goal_has_children");
      }
      return changeGoal(ctx, input.goalId, input.version, "delete", { deletedAt: new Date() });
    }),

  restore: keeper
    .input(z.object({ goalId: idSchema, version: versionSchema }))
    .mutation(async ({ ctx, input }) => {
      const goal = await getGoal(ctx.db, ctx.partnership.id, input.goalId, true);
      if (goal?.parentId && !(await getGoal(ctx.db, ctx.partnership.id, goal.parentId))) {
        throw appError("CONFLICT", "errors.goal_parent_removed");
      }
      return changeGoal(ctx, input.goalId, input.version, "restore", { deletedAt: null });
    }),

  addMeasurement: keeper
    .input(measurementInput.extend({ goalId: idSchema, clientRequestId: clientRequestIdSchema }))
    .mutation(async ({ ctx, input }) => {
      const goal = await loadGoal(ctx.db, ctx.partnership.id, input.goalId);
      checkRange(goal, input.value, input.confirmOutOfRange);
      // A measurement is of something that happened: a date ahead is a typing error.
      if (input.measuredOn > today())
        throw appError("BAD_REQUEST", "errors.in_future", { field: "measuredOn" });
      return ctx.db.transaction((tx) =>
        once(
          tx,
          { key: input.clientRequestId, userId: ctx.user.id, entity: "goal_measurement" },
          async () => {
            const row = await insertMeasurement(tx, {
              goalId: goal.id,
              partnershipId: ctx.partnership.id,
              value: input.value,
              measuredOn: input.measuredOn,
              note: input.note,
              recordedBy: ctx.user.id,
            });
            await writeAudit(tx, {
              actorUserId: ctx.user.id,
              action: "create",
              entity: "goal_measurement",
              entityId: row.id,
              partnershipId: ctx.partnership.id,
              after: row,
            });
            return row;
          },
          (id) => getMeasurement(tx, ctx.partnership.id, id),
        ),
      );
    }),

  updateMeasurement: keeper
    .input(measurementInput.extend({ id: idSchema, version: versionSchema }))
    .mutation(async ({ ctx, input }) => {
      const current = await getMeasurement(ctx.db, ctx.partnership.id, input.id);
      if (!current) throw notFound();
      const goal = await loadGoal(ctx.db, ctx.partnership.id, current.goalId);
      checkRange(goal, input.value, input.confirmOutOfRange);
      // A measurement is of something that happened: a date ahead is a typing error.
      if (input.measuredOn > today())
        throw appError("BAD_REQUEST", "errors.in_future", { field: "measuredOn" });
      return changeMeasurement(ctx, input.id, input.version, "update", {
        value: input.value,
        measuredOn: input.measuredOn,
        note: input.note,
      });
    }),

  deleteMeasurement: keeper
    .input(z.object({ id: idSchema, version: versionSchema }))
    .mutation(({ ctx, input }) =>
      changeMeasurement(ctx, input.id, input.version, "delete", { deletedAt: new Date() }),
    ),

  review: reviewer
    .input(goalReviewInput.extend({ goalId: idSchema }))
    .mutation(async ({ ctx, input }) => {
      const goal = await loadGoal(ctx.db, ctx.partnership.id, input.goalId);
      return ctx.db.transaction(async (tx) => {
        const row = await insertGoalReview(tx, {
          goalId: goal.id,
          partnershipId: ctx.partnership.id,
          reviewerId: ctx.user.id,
          verdict: input.verdict,
          comment: input.comment,
        });
        await writeAudit(tx, {
          actorUserId: ctx.user.id,
          action: "create",
          entity: "goal_review",
          entityId: row.id,
          partnershipId: ctx.partnership.id,
          after: row,
        });
        return row;
      });
    }),
});

/** A value outside the indicator's plausible range needs the user's confirmation. */
function checkRange(
  goal: { plausibleMin: number | null; plausibleMax: number | null },
  value: number,
  confirmed: boolean,
) {
  const below = goal.plausibleMin !== null && value < goal.plausibleMin;
  const above = goal.plausibleMax !== null && value > goal.plausibleMax;
  if ((below || above) && !confirmed) {
    throw appError("BAD_REQUEST", "errors.out_of_range", {
      field: "value",
      params: { min: goal.plausibleMin ?? "−∞", max: goal.plausibleMax ?? "∞" },
    });
  }
}

type KeeperCtx = { db: Db; user: { id: string }; partnership: { id: string } };

function changeGoal(
  ctx: KeeperCtx,
  goalId: string,
  version: number,
  action: "delete" | "restore",
  values: { deletedAt: Date | null },
) {
  return ctx.db.transaction(async (tx) => {
    const before = await getGoal(tx, ctx.partnership.id, goalId, action === "restore");
    if (!before) throw notFound();
    const after = await updateGoal(tx, {
      partnershipId: ctx.partnership.id,
      id: goalId,
      version,
      values,
      removed: action === "restore",
    });
    await writeAudit(tx, {
      actorUserId: ctx.user.id,
      action,
      entity: "goal",
      entityId: goalId,
      partnershipId: ctx.partnership.id,
      before,
      after,
    });
    return after;
  });
}

function changeMeasurement(
  ctx: KeeperCtx,
  id: string,
  version: number,
  action: "update" | "delete",
  values: Partial<{ value: number; measuredOn: string; note: string; deletedAt: Date }>,
) {
  return ctx.db.transaction(async (tx) => {
    const before = await getMeasurement(tx, ctx.partnership.id, id);
    if (!before) throw notFound();
    const after = await updateMeasurement(tx, {
      partnershipId: ctx.partnership.id,
      id,
      version,
      values,
    });
    await writeAudit(tx, {
      actorUserId: ctx.user.id,
      action,
      entity: "goal_measurement",
      entityId: id,
      partnershipId: ctx.partnership.id,
      before,
      after,
    });
    return after;
  });
}
