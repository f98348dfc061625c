/**
 * Goals (results-oriented working): a tree from the impact goal down, measurements with range
 * checks, and leaders' reviews. Coordinators keep goals; every member reads; leaders review;
 * an analyst reads where the partnership shares full access — without the people behind them.
 */
import { z } from "zod";
import {
  getGoal,
  goalHistory,
  goalReviewsOf,
  goalRoles,
  latestReviews,
  listGoals,
  listMeasurements,
} from "@/db/queries/goals";
import { today } from "@/domain/dates";
import { evaluateGoal } from "@/domain/goal-evaluation";
import { goalHistoryDetail, trackedGoalFields } from "@/domain/goal-history";
import {
  clientRequestIdSchema,
  goalInput,
  goalReviewInput,
  idSchema,
  measurementInput,
  versionSchema,
} from "@/domain/schemas";
import { notFound } from "../errors";
import {
  canOutput,
  goalEvaluationOutput,
  goalReviewRowOutput,
  goalRowOutput,
  goalVerdictOutput,
  measurementRowOutput,
} from "../outputs";
import {
  addMeasurement,
  changeGoal,
  changeMeasurement,
  createGoal,
  reviewGoal,
  updateGoalWithRoles,
} from "../services/goals";
import { createTRPCRouter, partnershipProcedure } from "../trpc";

const reader = partnershipProcedure("readGoals");
const keeper = partnershipProcedure("keepGoals");
const reviewer = partnershipProcedure("reviewGoals");
const goalRef = z.object({ goalId: idSchema });
const versionedGoal = goalRef.extend({ version: versionSchema });
const versionedId = z.object({ id: idSchema, version: versionSchema });

const goalListOutput = z.array(
  goalRowOutput.extend(goalEvaluationOutput.shape).extend({
    latestVerdict: goalVerdictOutput.nullable(),
  }),
);

const goalDetailOutput = goalRowOutput.extend(goalEvaluationOutput.shape).extend({
  measurements: z.array(
    z.object({
      id: z.uuid(),
      goalId: z.uuid(),
      value: z.number(),
      measuredOn: z.string(),
      note: z.string(),
      version: z.number().int(),
      /** Null for whoever may not see people. */
      recordedByName: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  reviews: z.array(
    z.object({
      id: z.uuid(),
      verdict: goalVerdictOutput,
      comment: z.string(),
      reviewedAt: z.date(),
      reviewerName: z.string().nullable(),
    }),
  ),
  roles: z.array(z.object({ organisationId: z.uuid(), name: z.string(), role: z.string() })),
  children: z.array(z.object({ id: z.uuid(), title: z.string() })),
  parent: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  can: canOutput,
});

/** A history entry: what happened, when, by whom (for those who may see people). */
const goalHistoryOutput = z.array(
  z.object({
    id: z.number().int(),
    at: z.date(),
    action: z.string(),
    entity: z.enum(["goal", "goal_measurement"]),
    actorName: z.string().nullable(),
    changedFields: z.array(z.enum(trackedGoalFields)),
    measurement: z.object({ value: z.number(), measuredOn: z.string() }).nullable(),
  }),
);

export const goalsRouter = createTRPCRouter({
  /** The tree, flat (each with its parent id), with status and progress per goal. */
  list: reader.output(goalListOutput).query(async ({ ctx }) => {
    const [all, measurements, reviews] = await Promise.all([
      listGoals(ctx.db, ctx.partnership.id),
      listMeasurements(ctx.db, ctx.partnership.id),
      latestReviews(ctx.db, ctx.partnership.id),
    ]);
    const day = today();
    return all.map((goal) => ({
      ...goal,
      ...evaluateGoal(
        goal,
        measurements.filter((m) => m.goalId === goal.id),
        day,
      ),
      latestVerdict: reviews.find((r) => r.goalId === goal.id)?.verdict ?? null,
    }));
  }),

  get: reader
    .input(goalRef)
    .output(goalDetailOutput)
    .query(async ({ ctx, input }) => {
      const goal = await getGoal(ctx.db, ctx.partnership.id, input.goalId);
      if (!goal) throw notFound();
      const [measurements, reviews, roles, all] = await Promise.all([
        listMeasurements(ctx.db, ctx.partnership.id, [goal.id]),
        goalReviewsOf(ctx.db, goal.id),
        goalRoles(ctx.db, goal.id),
        listGoals(ctx.db, ctx.partnership.id),
      ]);
      const people = ctx.partnership.can.readPeople;
      const parent = goal.parentId ? all.find((g) => g.id === goal.parentId) : undefined;
      return {
        ...goal,
        ...evaluateGoal(goal, measurements),
        measurements: measurements.map((m) => ({
          ...m,
          recordedByName: people ? m.recordedByName : null,
        })),
        reviews: reviews.map((r) => ({ ...r, reviewerName: people ? r.reviewerName : null })),
        roles,
        children: all
          .filter((g) => g.parentId === goal.id)
          .map((c) => ({ id: c.id, title: c.title })),
        parent: parent ? { id: parent.id, title: parent.title } : null,
        can: ctx.partnership.can,
      };
    }),

  history: reader
    .input(goalRef)
    .output(goalHistoryOutput)
    .query(async ({ ctx, input }) => {
      if (!(await getGoal(ctx.db, ctx.partnership.id, input.goalId))) throw notFound();
      const people = ctx.partnership.can.readPeople;
      const entries = await goalHistory(ctx.db, ctx.partnership.id, input.goalId);
      return entries.map((e) => ({
        id: e.id,
        at: e.at,
        action: e.action,
        entity: e.entity as "goal" | "goal_measurement",
        actorName: people ? e.actorName : null,
        ...goalHistoryDetail(e),
      }));
    }),

  removed: keeper
    .output(z.array(goalRowOutput))
    .query(({ ctx }) => listGoals(ctx.db, ctx.partnership.id, "removed")),

  create: keeper
    .input(goalInput.and(z.object({ clientRequestId: clientRequestIdSchema })))
    .output(goalRowOutput)
    .mutation(({ ctx, input: { clientRequestId, ...input } }) =>
      createGoal(ctx, input, clientRequestId),
    ),

  update: keeper
    .input(goalInput.and(versionedGoal))
    .output(goalRowOutput)
    .mutation(({ ctx, input: { goalId, version, ...input } }) =>
      updateGoalWithRoles(ctx, goalId, version, input),
    ),

  delete: keeper
    .input(versionedGoal)
    .output(goalRowOutput)
    .mutation(({ ctx, input }) => changeGoal(ctx, input.goalId, input.version, "delete")),

  restore: keeper
    .input(versionedGoal)
    .output(goalRowOutput)
    .mutation(({ ctx, input }) => changeGoal(ctx, input.goalId, input.version, "restore")),

  addMeasurement: keeper
    .input(measurementInput.extend({ goalId: idSchema, clientRequestId: clientRequestIdSchema }))
    .output(measurementRowOutput)
    .mutation(({ ctx, input: { goalId, clientRequestId, ...input } }) =>
      addMeasurement(ctx, goalId, input, clientRequestId),
    ),

  updateMeasurement: keeper
    .input(measurementInput.extend(versionedId.shape))
    .output(measurementRowOutput)
    .mutation(({ ctx, input: { id, version, ...input } }) =>
      changeMeasurement(ctx, id, version, "update", input),
    ),

  deleteMeasurement: keeper
    .input(versionedId)
    .output(measurementRowOutput)
    .mutation(({ ctx, input }) => changeMeasurement(ctx, input.id, input.version, "delete")),

  review: reviewer
    .input(goalReviewInput.extend({ goalId: idSchema }))
    .output(goalReviewRowOutput)
    .mutation(({ ctx, input: { goalId, ...input } }) => reviewGoal(ctx, goalId, input)),
});
