/**
 * Goals and their measurements: each change one audited transaction whose checks (the parent,
 * the partner roles, the plausible range) run inside it, on locked rows where a concurrent
 * change could otherwise slip between the check and the write.
 */
import type { z } from "zod";
import {
  countLiveChildren,
  getGoal,
  getMeasurement,
  goalRoles,
  insertGoal,
  insertGoalReview,
  insertMeasurement,
  listGoals,
  setGoalRoles,
  updateGoal,
  updateMeasurement,
} from "@/db/queries/goals";
import { listPartnerOrganisations } from "@/db/queries/partnerships";
import { once } from "@/db/queries/requests";
import type { Tx } from "@/db/types";
import { today } from "@/domain/dates";
import type { goalInput, goalReviewInput, measurementInput } from "@/domain/schemas";
import { appError, notFound } from "../errors";
import { audited, auditedRow, type InPartnership } from "./audited";

type GoalInput = z.infer<typeof goalInput>;
type MeasurementInput = z.infer<typeof measurementInput>;

/** The goal, locked for the rest of the transaction, or NOT_FOUND. */
async function lockedGoal(tx: Tx, partnershipId: string, goalId: string, lock: "share" | "update") {
  const goal = await getGoal(tx, partnershipId, goalId, { lock });
  if (!goal) throw notFound();
  return goal;
}

/**
 * The parent must be a live goal of this partnership (held until commit, so it cannot be removed
 * meanwhile), and not the goal itself or below it.
 */
async function checkParent(
  tx: Tx,
  partnershipId: string,
  parentId: string | null,
  goalId?: string,
) {
  if (!parentId) return;
  if (!(await getGoal(tx, partnershipId, parentId, { lock: "share" })))
    throw appError("NOT_FOUND", "errors.reference_not_found", { field: "parentId" });
  const byId = new Map((await listGoals(tx, partnershipId)).map((g) => [g.id, g]));
  for (let at: string | null = parentId; at; at = byId.get(at)?.parentId ?? null) {
    if (at === goalId) throw appError("BAD_REQUEST", "errors.goal_cycle", { field: "parentId" });
  }
}

/** Roles may only name the partnership's own (active) partner organisations. */
async function checkRoles(tx: Tx, partnershipId: string, roles: GoalInput["roles"]) {
  if (roles.length === 0) return;
  const partners = new Set(
    (await listPartnerOrganisations(tx, partnershipId)).map((p) => p.organisationId),
  );
  if (roles.some((r) => !partners.has(r.organisationId)))
    throw appError("BAD_REQUEST", "errors.not_a_partner", { field: "roles" });
}

/** A value outside the indicator's plausible range needs the user's confirmation. */
function checkRange(
  goal: { plausibleMin: number | null; plausibleMax: number | null },
  input: MeasurementInput,
) {
  const below = goal.plausibleMin !== null && input.value < goal.plausibleMin;
  const above = goal.plausibleMax !== null && input.value > goal.plausibleMax;
  if ((below || above) && !input.confirmOutOfRange)
    throw appError("BAD_REQUEST", "errors.out_of_range", {
      field: "value",
      params: { min: goal.plausibleMin ?? "−∞", max: goal.plausibleMax ?? "∞" },
    });
  // A measurement is of something that happened: a date ahead is a typing error.
  if (input.measuredOn > today())
    throw appError("BAD_REQUEST", "errors.in_future", { field: "measuredOn" });
}

function goalValues(input: GoalInput) {
  const { roles: _roles, ...values } = input;
  return values;
}

export function createGoal(ctx: InPartnership, input: GoalInput, clientRequestId?: string) {
  const partnershipId = ctx.partnership.id;
  return audited(ctx, { action: "create", entity: "goal", figures: ["goals"] }, async (tx) => {
    let created = false;
    const goal = await once(
      tx,
      { key: clientRequestId, userId: ctx.user.id, entity: "goal" },
      async () => {
        created = true;
        await checkParent(tx, partnershipId, input.parentId);
        await checkRoles(tx, partnershipId, input.roles);
        const row = await insertGoal(tx, partnershipId, goalValues(input));
        await setGoalRoles(tx, { partnershipId, goalId: row.id, roles: input.roles });
        return row;
      },
      (id) => getGoal(tx, partnershipId, id),
    );
    return { result: goal, after: { ...goal, roles: input.roles }, repeated: !created };
  });
}

export function updateGoalWithRoles(
  ctx: InPartnership,
  goalId: string,
  version: number,
  input: GoalInput,
) {
  const partnershipId = ctx.partnership.id;
  return audited(ctx, { action: "update", entity: "goal", figures: ["goals"] }, async (tx) => {
    const before = await lockedGoal(tx, partnershipId, goalId, "update");
    await checkParent(tx, partnershipId, input.parentId, goalId);
    await checkRoles(tx, partnershipId, input.roles);
    const beforeRoles = await goalRoles(tx, goalId);
    const after = await updateGoal(tx, {
      partnershipId,
      id: goalId,
      version,
      values: goalValues(input),
    });
    await setGoalRoles(tx, { partnershipId, goalId, roles: input.roles });
    return {
      result: after,
      before: { ...before, roles: beforeRoles },
      after: { ...after, roles: input.roles },
    };
  });
}

/** Removing a goal with live intermediate goals is refused; a restore needs its parent back. */
export function changeGoal(
  ctx: InPartnership,
  goalId: string,
  version: number,
  action: "delete" | "restore",
) {
  const partnershipId = ctx.partnership.id;
  return audited(ctx, { action, entity: "goal", figures: ["goals"] }, async (tx) => {
    const before = await getGoal(tx, partnershipId, goalId, {
      removed: action === "restore",
      lock: "update",
    });
    if (!before) throw notFound();
    if (action === "delete" && (await countLiveChildren(tx, partnershipId, goalId)) > 0)
      throw appError("CONFLICT", "errors.goal_has_children");
    if (
      action === "restore" &&
      before.parentId &&
      !(await getGoal(tx, partnershipId, before.parentId, { lock: "share" }))
    )
      throw appError("CONFLICT", "errors.goal_parent_removed");
    const after = await updateGoal(tx, {
      partnershipId,
      id: goalId,
      version,
      values: { deletedAt: action === "delete" ? new Date() : null },
      removed: action === "restore",
    });
    return { result: after, before, after };
  });
}

export function addMeasurement(
  ctx: InPartnership,
  goalId: string,
  input: MeasurementInput,
  clientRequestId?: string,
) {
  const partnershipId = ctx.partnership.id;
  return audited(
    ctx,
    { action: "create", entity: "goal_measurement", figures: ["goals"] },
    async (tx) => {
      let created = false;
      const row = await once(
        tx,
        { key: clientRequestId, userId: ctx.user.id, entity: "goal_measurement" },
        async () => {
          created = true;
          const goal = await lockedGoal(tx, partnershipId, goalId, "share");
          checkRange(goal, input);
          return insertMeasurement(tx, {
            goalId: goal.id,
            partnershipId,
            value: input.value,
            measuredOn: input.measuredOn,
            note: input.note,
            recordedBy: ctx.user.id,
          });
        },
        (id) => getMeasurement(tx, partnershipId, id),
      );
      return { result: row, after: row, repeated: !created };
    },
  );
}

export function changeMeasurement(
  ctx: InPartnership,
  id: string,
  version: number,
  action: "update" | "delete",
  input?: MeasurementInput,
) {
  const partnershipId = ctx.partnership.id;
  return audited(ctx, { action, entity: "goal_measurement", figures: ["goals"] }, async (tx) => {
    const before = await getMeasurement(tx, partnershipId, id);
    if (!before) throw notFound();
    if (input) checkRange(await lockedGoal(tx, partnershipId, before.goalId, "share"), input);
    const after = await updateMeasurement(tx, {
      partnershipId,
      id,
      version,
      values: input
        ? { value: input.value, measuredOn: input.measuredOn, note: input.note }
        : { deletedAt: new Date() },
    });
    return { result: after, before, after };
  });
}

export function reviewGoal(
  ctx: InPartnership,
  goalId: string,
  input: z.infer<typeof goalReviewInput>,
) {
  return auditedRow(ctx, { action: "create", entity: "goal_review" }, async (tx) => {
    const goal = await lockedGoal(tx, ctx.partnership.id, goalId, "share");
    return insertGoalReview(tx, {
      goalId: goal.id,
      partnershipId: ctx.partnership.id,
      reviewerId: ctx.user.id,
      verdict: input.verdict,
      comment: input.comment,
    });
  });
}
