/**
 * Case monitoring (casuïstiek): the multi-step operations behind the cases router. Each change is
 * one audited transaction (server/services/audited.ts) that first reads the case it is about —
 * locked against a concurrent closing — and checks the caller may see it: every case with
 * `readAllCases`, else only the cases assigned to them (domain/permissions.ts).
 */
import type { z } from "zod";
import {
  assign,
  attachVoiceResponse,
  type CaseRow,
  caseCodeTaken,
  clearCheckInDetails,
  findCheckInByRequest,
  getCase,
  insertCase,
  insertCheckIn,
  insertGasScores,
  insertRatings,
  insertReferrals,
  isAssignedTo,
  listAssignments,
  listCaseGoals,
  listCheckIns,
  listGasScores,
  listRatings,
  listReferrals,
  pendingVoiceResponses,
  updateCheckIn,
} from "@/db/queries/cases";
import type { DbOrTx, Tx } from "@/db/types";
import { nextCheckInDue } from "@/domain/cadence";
import { generateCaseCode } from "@/domain/case-code";
import { caseTimeline } from "@/domain/case-timeline";
import { today } from "@/domain/dates";
import type { PartnershipCapability } from "@/domain/permissions";
import type { caseFieldsInput, checkInEditInput, checkInInput } from "@/domain/schemas";
import { appError, notFound } from "../errors";
import { audited, type ChangeKind, type InPartnership } from "./audited";

export type CaseActor = InPartnership & {
  partnership: { can: Record<PartnershipCapability, boolean> };
};

/**
 * The case, if the caller may see it; NOT_FOUND otherwise (another professional's case does not
 * exist for them). With `lock`, held until the transaction ends: a change that depends on the
 * case being open cannot pass its closing.
 */
export async function visibleCase(
  ctx: CaseActor,
  db: DbOrTx,
  caseId: string,
  options: { lock?: "share"; open?: boolean } = {},
) {
  const row = await getCase(db, ctx.partnership.id, caseId, { lock: options.lock });
  if (!row) throw notFound();
  if (!ctx.partnership.can.readAllCases && !(await isAssignedTo(db, row.id, ctx.user.id)))
    throw notFound();
  if (options.open && row.closedOn) throw appError("CONFLICT", "errors.case_closed");
  return row;
}

/** A change about one case: its checks and write in one audited transaction, the case open. */
export function caseChange<T>(
  ctx: CaseActor,
  caseId: string,
  what: ChangeKind,
  change: (
    tx: Tx,
    row: CaseRow,
  ) => Promise<{
    result: T;
    before?: unknown;
    after?: unknown;
    entityId?: string;
    repeated?: boolean;
  }>,
  options: { open?: boolean } = { open: true },
): Promise<T> {
  return audited(ctx, what, async (tx) => {
    const row = await visibleCase(ctx, tx, caseId, { lock: "share", open: options.open });
    return change(tx, row);
  });
}

/** A new case with a generated code, assigned to whoever opens it. */
export async function createCase(
  tx: Tx,
  ctx: CaseActor,
  input: z.infer<typeof caseFieldsInput> & { openedOn?: string },
) {
  let code = generateCaseCode();
  for (
    let attempt = 0;
    (await caseCodeTaken(tx, ctx.partnership.id, code)) && attempt < 10;
    attempt++
  )
    code = generateCaseCode();
  const row = await insertCase(tx, {
    ...input,
    openedOn: input.openedOn ?? today(),
    partnershipId: ctx.partnership.id,
    code,
  });
  // Whoever opens a case works on it (and a professional could not see it otherwise).
  await assign(tx, { caseId: row.id, partnershipId: ctx.partnership.id, userId: ctx.user.id });
  return row;
}

/** A check-in is held while the case runs: not before it opened, not in the future. */
function assertCheckInDay(c: { openedOn: string }, heldOn: string) {
  if (heldOn < c.openedOn)
    throw appError("BAD_REQUEST", "errors.before_case_opened", { field: "heldOn" });
  if (heldOn > today()) throw appError("BAD_REQUEST", "errors.in_future", { field: "heldOn" });
}

/** A check-in says something: a perspective's ratings or a GAS score (or a parent's answer). */
function isEmpty(input: { ratings: unknown[]; gasScores: unknown[] }) {
  return input.ratings.length === 0 && input.gasScores.length === 0;
}

/** GAS scores only for this case's own (not removed) goals. */
function assertCaseGoals(goals: { id: string }[], scores: { caseGoalId: string }[]) {
  if (scores.some((g) => !goals.some((x) => x.id === g.caseGoalId)))
    throw appError("BAD_REQUEST", "errors.reference_not_found", { field: "gasScores" });
}

type CheckInDetails = Pick<z.infer<typeof checkInEditInput>, "ratings" | "referrals" | "gasScores">;

/** What professionals enter in a check-in: ratings per perspective, referrals, GAS scores. */
async function writeCheckInDetails(
  tx: Tx,
  base: { checkInId: string; caseId: string; partnershipId: string },
  input: CheckInDetails,
) {
  await insertRatings(
    tx,
    input.ratings.map((r) => ({ ...base, ...r, viaLink: false })),
  );
  await insertReferrals(
    tx,
    input.referrals.map((r) => ({ ...base, ...r })),
  );
  await insertGasScores(
    tx,
    input.gasScores.map((g) => ({
      checkInId: base.checkInId,
      partnershipId: base.partnershipId,
      ...g,
    })),
  );
}

/** Everything shown on a case page, and the list's signals. */
export async function caseDetail(db: DbOrTx, caseIds: string[]) {
  const [assignments, goals, checkIns, ratings, referrals, gas] = await Promise.all([
    listAssignments(db, caseIds),
    listCaseGoals(db, caseIds),
    listCheckIns(db, caseIds),
    listRatings(db, caseIds),
    listReferrals(db, caseIds),
    listGasScores(db, caseIds),
  ]);
  return { assignments, goals, checkIns, ratings, referrals, gas };
}

/** Rows grouped by case, so building each case's view reads only its own rows. */
function byCase<R extends { caseId: string }>(rows: R[]): (caseId: string) => R[] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.caseId);
    if (group) group.push(row);
    else groups.set(row.caseId, [row]);
  }
  return (caseId) => groups.get(caseId) ?? [];
}

/** The case list's rows: each case with its latest check-in, GAS T-score and signals. */
export function listRows(list: CaseRow[], detail: Awaited<ReturnType<typeof caseDetail>>) {
  const checkInsOf = byCase(detail.checkIns);
  const ratingsOf = byCase(detail.ratings);
  const gasOf = byCase(detail.gas);
  const goalsOf = byCase(detail.goals);
  const assignedOf = byCase(detail.assignments);
  return list.map((c) => {
    const view = caseTimeline(checkInsOf(c.id), ratingsOf(c.id), gasOf(c.id), goalsOf(c.id));
    const last = view.timeline.at(-1);
    return {
      id: c.id,
      code: c.code,
      ageBand: c.ageBand,
      schoolType: c.schoolType,
      openedOn: c.openedOn,
      closedOn: c.closedOn,
      jointPlan: c.jointPlan,
      lastCheckIn: last?.heldOn ?? null,
      nextCheckIn: nextCheckInDue(
        c,
        checkInsOf(c.id).map((x) => x.heldOn),
        today(),
      ),
      gasT: last?.gasT ?? null,
      signals: view.signals,
      assigned: assignedOf(c.id).map((a) => a.name),
    };
  });
}

/**
 * A check-in in one transaction: ratings per perspective, referrals, GAS scores, and the
 * answers parents or young people gave through their link since the last one. The same
 * submission sent twice (its client request id) is stored once and both answers name it.
 */
export function addCheckIn(
  ctx: CaseActor,
  input: z.infer<typeof checkInInput> & { caseId: string },
) {
  return caseChange(
    ctx,
    input.caseId,
    { action: "create", entity: "check_in", figures: ["cases"] },
    async (tx, row) => {
      const retried = await findCheckInByRequest(tx, input.clientRequestId);
      if (retried) {
        if (retried.caseId !== row.id) throw appError("CONFLICT", "errors.already_exists");
        return { result: retried, repeated: true };
      }
      assertCheckInDay(row, input.heldOn);
      assertCaseGoals(await listCaseGoals(tx, [row.id], { lock: "share" }), input.gasScores);
      const pending = await pendingVoiceResponses(tx, row.id);
      if (isEmpty(input) && pending.length === 0)
        throw appError("BAD_REQUEST", "errors.empty_check_in", { field: "ratings" });
      const checkIn = await insertCheckIn(tx, {
        caseId: row.id,
        partnershipId: ctx.partnership.id,
        heldOn: input.heldOn,
        professionalChanges: input.professionalChanges,
        clientRequestId: input.clientRequestId,
        createdBy: ctx.user.id,
      });
      if (!checkIn) {
        // The same submission, sent twice at once: the first one stored it; answer with that.
        const first = await findCheckInByRequest(tx, input.clientRequestId);
        if (first?.caseId !== row.id) throw appError("CONFLICT", "errors.already_exists");
        return { result: first, repeated: true };
      }
      const base = { checkInId: checkIn.id, caseId: row.id, partnershipId: ctx.partnership.id };
      const given = new Set(input.ratings.map((r) => r.perspective));
      const voices = pending.filter((v) => !given.has(v.perspective));
      // The latest answer per perspective counts; each answer joins one check-in only.
      const latestVoice = new Map(voices.map((v) => [v.perspective, v]));
      await writeCheckInDetails(tx, base, input);
      await insertRatings(
        tx,
        [...latestVoice.values()].map((v) => ({
          ...base,
          perspective: v.perspective,
          collaboration: v.collaboration,
          wellbeing: v.wellbeing,
          comment: v.comment,
          viaLink: true,
        })),
      );
      for (const v of voices) await attachVoiceResponse(tx, v.id, checkIn.id);
      return { result: checkIn, after: { ...checkIn, ratings: input.ratings.length } };
    },
  );
}

/**
 * A correction of a check-in (date, ratings, changes, referrals, GAS scores), naming the version
 * that was read. What a parent or young person gave through their link is theirs and stays as
 * it was; the audit row keeps the whole check-in as it was, so a correction can be traced back.
 */
export function updateCheckInDetails(
  ctx: CaseActor,
  input: z.infer<typeof checkInEditInput> & { caseId: string },
) {
  return caseChange(
    ctx,
    input.caseId,
    { action: "update", entity: "check_in", figures: ["cases"] },
    async (tx, row) => {
      const detail = await caseDetail(tx, [row.id]);
      const checkIn = detail.checkIns.find((c) => c.id === input.checkInId);
      if (!checkIn) throw notFound();
      assertCheckInDay(row, input.heldOn);
      assertCaseGoals(await listCaseGoals(tx, [row.id], { lock: "share" }), input.gasScores);
      const viaLink = detail.ratings.filter((r) => r.checkInId === checkIn.id && r.viaLink);
      if (isEmpty(input) && viaLink.length === 0)
        throw appError("BAD_REQUEST", "errors.empty_check_in", { field: "ratings" });
      if (input.ratings.some((r) => viaLink.some((v) => v.perspective === r.perspective)))
        throw appError("BAD_REQUEST", "errors.given_via_link", { field: "ratings" });
      const before = {
        ...checkIn,
        ratings: detail.ratings.filter((r) => r.checkInId === checkIn.id),
        referrals: detail.referrals.filter((r) => r.checkInId === checkIn.id),
        gas: detail.gas.filter((g) => g.checkInId === checkIn.id),
      };
      const after = await updateCheckIn(tx, {
        caseId: row.id,
        id: input.checkInId,
        version: input.version,
        values: { heldOn: input.heldOn, professionalChanges: input.professionalChanges },
      });
      await clearCheckInDetails(tx, after.id);
      await writeCheckInDetails(
        tx,
        { checkInId: after.id, caseId: row.id, partnershipId: ctx.partnership.id },
        input,
      );
      return {
        result: after,
        before,
        after: {
          ...after,
          ratings: input.ratings,
          referrals: input.referrals,
          gas: input.gasScores,
        },
      };
    },
  );
}
