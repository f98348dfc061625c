/**
 * Case monitoring (casuïstiek). Details are for coordinators and the professionals assigned to
 * the case, never for leaders, analysts or admins (they see aggregates); every read of a case's
 * details is written to the audit log. Parents and young people give their view through a
 * personal link (server/routers/voice.ts).
 */
import { z } from "zod";
import { writeAudit } from "@/db/queries/audit";
import {
  assign,
  attachVoiceResponse,
  type CaseRow,
  caseCodeTaken,
  clearCheckInDetails,
  findCheckInByRequest,
  getCase,
  insertCase,
  insertCaseGoal,
  insertCheckIn,
  insertGasScores,
  insertRatings,
  insertReferrals,
  insertVoiceLink,
  isAssignedTo,
  listAssignments,
  listCaseGoals,
  listCases,
  listCheckIns,
  listGasScores,
  listRatings,
  listReferrals,
  listVoiceLinks,
  pendingVoiceResponses,
  revokeOpenVoiceLinks,
  revokeVoiceLink,
  unassign,
  updateCase,
  updateCaseGoal,
  updateCheckIn,
} from "@/db/queries/cases";
import { listMembers } from "@/db/queries/partnerships";
import { once } from "@/db/queries/requests";
import type { Db, DbOrTx, Tx } from "@/db/types";
import { generateCaseCode } from "@/domain/case-code";
import { caseTimeline } from "@/domain/case-timeline";
import { today } from "@/domain/dates";
import { offsetOf, pageNumber, pageSizeSchema } from "@/domain/paging";
import { can } from "@/domain/permissions";
import {
  caseFieldsInput,
  caseGoalInput,
  checkInEditInput,
  checkInInput,
  clientRequestIdSchema,
  closeCaseInput,
  dateSchema,
  idSchema,
  versionSchema,
} from "@/domain/schemas";
import { voicePerspectives } from "@/domain/vocabulary";
import { appError, notFound } from "../errors";
import { hashToken, newToken } from "../tokens";
import { createTRPCRouter, type PartnershipAccess, partnershipProcedure } from "../trpc";

/** Admins never read case details: the table gives them none of these (domain/permissions.ts). */
const caseOpener = partnershipProcedure("openCases");
const caseWorker = partnershipProcedure("workOnCase");
const coordinator = partnershipProcedure("assignCases");
const caseRef = z.object({ caseId: idSchema });

type Ctx = { db: Db; user: { id: string }; partnership: PartnershipAccess };

/** The case, if the caller may see it: every case with readAllCases, else only one's own. */
async function visibleCase(ctx: Ctx, caseId: string) {
  const row = await getCase(ctx.db, ctx.partnership.id, caseId);
  if (!row) throw notFound();
  if (!ctx.partnership.can.readAllCases && !(await isAssignedTo(ctx.db, row.id, ctx.user.id)))
    throw notFound();
  return row;
}

function audit(
  ctx: Ctx,
  tx: Db | Tx,
  entry: { action: string; entity: string; entityId: string; before?: unknown; after?: unknown },
) {
  return writeAudit(tx, { actorUserId: ctx.user.id, partnershipId: ctx.partnership.id, ...entry });
}

/** A new case with a generated code, assigned to whoever opens it; audited. */
async function createCase(
  tx: Tx,
  ctx: Ctx,
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
  await audit(ctx, tx, { action: "create", entity: "case", entityId: row.id, after: row });
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

/** What professionals enter in a check-in: ratings per perspective, referrals, GAS scores. */
async function writeCheckInDetails(
  tx: Tx,
  base: { checkInId: string; caseId: string; partnershipId: string },
  input: {
    ratings: z.infer<typeof checkInEditInput>["ratings"];
    referrals: z.infer<typeof checkInEditInput>["referrals"];
    gasScores: z.infer<typeof checkInEditInput>["gasScores"];
  },
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
async function caseDetail(db: DbOrTx, caseIds: string[]) {
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
function listRows(list: CaseRow[], detail: Awaited<ReturnType<typeof caseDetail>>) {
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
      gasT: last?.gasT ?? null,
      signals: view.signals,
      assigned: assignedOf(c.id).map((a) => a.name),
    };
  });
}

export const casesRouter = createTRPCRouter({
  /** Open/closed, mine, and signals; professionals only ever see the cases assigned to them. */
  list: caseOpener
    .input(
      z.object({
        status: z.enum(["open", "closed", "all"]).default("open"),
        mine: z.boolean().default(false),
        signal: z.enum(["any", "no_progress", "disagreement"]).optional(),
        page: pageNumber,
        pageSize: pageSizeSchema,
      }),
    )
    .query(async ({ ctx, input }) => {
      const mine = input.mine || !ctx.partnership.can.readAllCases;
      const scope = {
        partnershipId: ctx.partnership.id,
        status: input.status,
        assignedTo: mine ? ctx.user.id : undefined,
      };
      let items: ReturnType<typeof listRows>;
      let total: number;
      if (!input.signal) {
        // Paged in SQL: only the page's cases are read in detail.
        const page = await listCases(ctx.db, {
          ...scope,
          page: input.page,
          pageSize: input.pageSize,
        });
        items = listRows(
          page.items,
          await caseDetail(
            ctx.db,
            page.items.map((c) => c.id),
          ),
        );
        total = page.total;
      } else {
        // Signals come from the check-ins, so filtering on them reads every case in scope (a
        // partnership holds tens of cases; see scripts/bench-cases.ts for thousands).
        const all = (await listCases(ctx.db, scope)).items;
        const rows = listRows(
          all,
          await caseDetail(
            ctx.db,
            all.map((c) => c.id),
          ),
        ).filter((r) =>
          input.signal === "no_progress"
            ? r.signals.noProgress
            : input.signal === "disagreement"
              ? r.signals.disagreement
              : r.signals.noProgress || r.signals.disagreement,
        );
        const start = offsetOf(input.page, input.pageSize);
        items = rows.slice(start, start + input.pageSize);
        total = rows.length;
      }
      // The list shows case details too (signals, GAS, assignees): the read is audited.
      if (items.length > 0)
        await audit(ctx, ctx.db, {
          action: "list",
          entity: "case_list",
          entityId: ctx.partnership.id,
          after: { cases: items.map((c) => c.id) },
        });
      return {
        items,
        total,
        page: input.page,
        pageSize: input.pageSize,
      };
    }),

  /** A case's details; the read is audited. */
  get: caseWorker.input(caseRef).query(async ({ ctx, input }) => {
    const row = await visibleCase(ctx, input.caseId);
    const [detail, links, pending] = await Promise.all([
      caseDetail(ctx.db, [row.id]),
      listVoiceLinks(ctx.db, row.id),
      pendingVoiceResponses(ctx.db, row.id),
    ]);
    await audit(ctx, ctx.db, { action: "read", entity: "case", entityId: row.id });
    const view = caseTimeline(detail.checkIns, detail.ratings, detail.gas, detail.goals);
    return {
      ...row,
      can: ctx.partnership.can,
      assignments: detail.assignments,
      goals: detail.goals,
      timeline: view.timeline.map((c) => ({
        ...c,
        referrals: detail.referrals.filter((r) => r.checkInId === c.id),
      })),
      signals: view.signals,
      links: links.map((l) => ({
        ...l,
        state: l.revokedAt
          ? "revoked"
          : l.usedAt
            ? "used"
            : l.expiresAt < new Date()
              ? "expired"
              : "open",
      })),
      pendingVoices: pending.map((p) => ({ perspective: p.perspective, submittedAt: p.createdAt })),
    };
  }),

  create: caseOpener
    .input(
      caseFieldsInput.extend({
        openedOn: dateSchema.optional(),
        clientRequestId: clientRequestIdSchema,
      }),
    )
    .mutation(async ({ ctx, input: { clientRequestId, ...input } }) =>
      ctx.db.transaction((tx) =>
        once(
          tx,
          { key: clientRequestId, userId: ctx.user.id, entity: "case" },
          () => createCase(tx, ctx, input),
          (id) => getCase(tx, ctx.partnership.id, id),
        ),
      ),
    ),

  update: caseWorker
    .input(caseFieldsInput.extend({ caseId: idSchema, version: versionSchema }))
    .mutation(async ({ ctx, input }) => {
      const before = await visibleCase(ctx, input.caseId);
      const { caseId, version, ...values } = input;
      return ctx.db.transaction(async (tx) => {
        const after = await updateCase(tx, {
          partnershipId: ctx.partnership.id,
          id: caseId,
          version,
          values,
        });
        await audit(ctx, tx, { action: "update", entity: "case", entityId: caseId, before, after });
        return after;
      });
    }),

  assign: coordinator
    .input(caseRef.extend({ userId: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await visibleCase(ctx, input.caseId);
      const members = await listMembers(ctx.db, ctx.partnership.id);
      const worker = (role: (typeof members)[number]["role"]) =>
        can({ role, admin: false, analystSharing: null }, "workOnCase");
      if (!members.some((m) => m.userId === input.userId && worker(m.role))) {
        throw appError("BAD_REQUEST", "errors.not_a_professional", { field: "userId" });
      }
      return ctx.db.transaction(async (tx) => {
        const row = await assign(tx, {
          caseId: input.caseId,
          partnershipId: ctx.partnership.id,
          userId: input.userId,
        });
        await audit(ctx, tx, {
          action: "assign",
          entity: "case",
          entityId: input.caseId,
          after: { userId: input.userId },
        });
        return { assigned: Boolean(row) };
      });
    }),

  unassign: coordinator
    .input(caseRef.extend({ userId: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await visibleCase(ctx, input.caseId);
      return ctx.db.transaction(async (tx) => {
        const row = await unassign(tx, input.caseId, input.userId);
        if (!row) throw notFound();
        await audit(ctx, tx, {
          action: "unassign",
          entity: "case",
          entityId: input.caseId,
          before: { userId: input.userId },
        });
        return { unassigned: true };
      });
    }),

  addGoal: caseWorker
    .input(caseGoalInput.extend({ caseId: idSchema, clientRequestId: clientRequestIdSchema }))
    .mutation(async ({ ctx, input: { clientRequestId, ...input } }) => {
      await visibleCase(ctx, input.caseId);
      return ctx.db.transaction((tx) =>
        once(
          tx,
          { key: clientRequestId, userId: ctx.user.id, entity: "case_goal" },
          async () => {
            const row = await insertCaseGoal(tx, { ...input, partnershipId: ctx.partnership.id });
            await audit(ctx, tx, {
              action: "create",
              entity: "case_goal",
              entityId: row.id,
              after: row,
            });
            return row;
          },
          async (id) => (await listCaseGoals(tx, [input.caseId])).find((g) => g.id === id),
        ),
      );
    }),

  removeGoal: caseWorker
    .input(caseRef.extend({ goalId: idSchema, version: versionSchema }))
    .mutation(async ({ ctx, input }) => {
      await visibleCase(ctx, input.caseId);
      return ctx.db.transaction(async (tx) => {
        const after = await updateCaseGoal(tx, {
          caseId: input.caseId,
          id: input.goalId,
          version: input.version,
          values: { deletedAt: new Date() },
        });
        await audit(ctx, tx, {
          action: "delete",
          entity: "case_goal",
          entityId: input.goalId,
          after,
        });
        return after;
      });
    }),

  /**
   * A check-in in one transaction: ratings per perspective, referrals, GAS scores, and the
   * answers parents or young people gave through their link since the last one.
   */
  addCheckIn: caseWorker.input(checkInInput.and(caseRef)).mutation(async ({ ctx, input }) => {
    const row = await visibleCase(ctx, input.caseId);
    if (row.closedOn) throw appError("CONFLICT", "errors.case_closed");
    assertCheckInDay(row, input.heldOn);
    const retried = await findCheckInByRequest(ctx.db, input.clientRequestId);
    if (retried) {
      if (retried.caseId !== row.id) throw appError("CONFLICT", "errors.already_exists");
      return retried;
    }
    assertCaseGoals(await listCaseGoals(ctx.db, [row.id]), input.gasScores);
    if (isEmpty(input) && (await pendingVoiceResponses(ctx.db, row.id)).length === 0)
      throw appError("BAD_REQUEST", "errors.empty_check_in", { field: "ratings" });
    return ctx.db.transaction(async (tx) => {
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
        return first;
      }
      const base = { checkInId: checkIn.id, caseId: row.id, partnershipId: ctx.partnership.id };
      const given = new Set(input.ratings.map((r) => r.perspective));
      const voices = (await pendingVoiceResponses(tx, row.id)).filter(
        (v) => !given.has(v.perspective),
      );
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
      await audit(ctx, tx, {
        action: "create",
        entity: "check_in",
        entityId: checkIn.id,
        after: { ...checkIn, ratings: input.ratings.length },
      });
      return checkIn;
    });
  }),

  /**
   * A correction of a check-in (date, ratings, changes, referrals, GAS scores), naming the
   * version that was read. What a parent or young person gave through their link is theirs and
   * stays as it was.
   */
  updateCheckIn: caseWorker
    .input(checkInEditInput.and(caseRef))
    .mutation(async ({ ctx, input }) => {
      const row = await visibleCase(ctx, input.caseId);
      if (row.closedOn) throw appError("CONFLICT", "errors.case_closed");
      // Checks and the write in one transaction: a goal removed meanwhile cannot get a score.
      return ctx.db.transaction(async (tx) => {
        const detail = await caseDetail(tx, [row.id]);
        const checkIn = detail.checkIns.find((c) => c.id === input.checkInId);
        if (!checkIn) throw notFound();
        assertCheckInDay(row, input.heldOn);
        assertCaseGoals(detail.goals, input.gasScores);
        const viaLink = detail.ratings.filter((r) => r.checkInId === checkIn.id && r.viaLink);
        if (isEmpty(input) && viaLink.length === 0)
          throw appError("BAD_REQUEST", "errors.empty_check_in", { field: "ratings" });
        if (input.ratings.some((r) => viaLink.some((v) => v.perspective === r.perspective)))
          throw appError("BAD_REQUEST", "errors.given_via_link", { field: "ratings" });
        // The audit row keeps the whole check-in as it was, so a correction can be traced back.
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
        await audit(ctx, tx, {
          action: "update",
          entity: "check_in",
          entityId: after.id,
          before,
          after: {
            ...after,
            ratings: input.ratings,
            referrals: input.referrals,
            gas: input.gasScores,
          },
        });
        return after;
      });
    }),

  /**
   * Removes a check-in entered by mistake (soft delete: a coordinator can restore it); answers
   * given through a link wait for the next check-in again, so no voice is lost.
   */
  removeCheckIn: caseWorker
    .input(caseRef.extend({ checkInId: idSchema, version: versionSchema }))
    .mutation(async ({ ctx, input }) => {
      const row = await visibleCase(ctx, input.caseId);
      if (row.closedOn) throw appError("CONFLICT", "errors.case_closed");
      return ctx.db.transaction(async (tx) => {
        const after = await updateCheckIn(tx, {
          caseId: row.id,
          id: input.checkInId,
          version: input.version,
          values: { deletedAt: new Date() },
        });
        await audit(ctx, tx, { action: "delete", entity: "check_in", entityId: after.id, after });
        return after;
      });
    }),

  /** Closing records the Dutch harmonised outcome set. */
  close: caseWorker
    .input(closeCaseInput.extend({ caseId: idSchema, version: versionSchema }))
    .mutation(async ({ ctx, input }) => {
      const before = await visibleCase(ctx, input.caseId);
      if (before.closedOn) throw appError("CONFLICT", "errors.case_closed");
      if (input.closedOn < before.openedOn)
        throw appError("BAD_REQUEST", "errors.closed_before_opened", { field: "closedOn" });
      const { caseId, version, ...values } = input;
      return ctx.db.transaction(async (tx) => {
        const after = await updateCase(tx, {
          partnershipId: ctx.partnership.id,
          id: caseId,
          version,
          values,
        });
        await revokeOpenVoiceLinks(tx, caseId);
        await audit(ctx, tx, { action: "close", entity: "case", entityId: caseId, before, after });
        return after;
      });
    }),

  /**
   * A personal link for the parent or the young person: a random 256-bit token shown once,
   * stored only as its SHA-256 hash, expiring after `expiresInDays`.
   */
  createLink: caseWorker
    .input(
      caseRef.extend({
        perspective: z.enum(voicePerspectives, "choose_option"),
        expiresInDays: z.number().int().min(1).max(60).default(14),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const row = await visibleCase(ctx, input.caseId);
      if (row.closedOn) throw appError("CONFLICT", "errors.case_closed");
      const token = newToken();
      const expiresAt = new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000);
      return ctx.db.transaction(async (tx) => {
        const link = await insertVoiceLink(tx, {
          caseId: row.id,
          partnershipId: ctx.partnership.id,
          perspective: input.perspective,
          tokenHash: hashToken(token),
          expiresAt,
          createdBy: ctx.user.id,
        });
        await audit(ctx, tx, {
          action: "create",
          entity: "voice_link",
          entityId: link.id,
          after: { perspective: link.perspective, expiresAt },
        });
        return { id: link.id, path: `/stem/${token}`, expiresAt };
      });
    }),

  revokeLink: caseWorker
    .input(caseRef.extend({ linkId: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await visibleCase(ctx, input.caseId);
      return ctx.db.transaction(async (tx) => {
        const row = await revokeVoiceLink(tx, input.caseId, input.linkId);
        if (!row) throw notFound();
        await audit(ctx, tx, { action: "revoke", entity: "voice_link", entityId: row.id });
        return { revoked: true };
      });
    }),
});
