/**
 * Case monitoring (casuïstiek). Details are for coordinators and the professionals assigned to
 * the case, never for leaders, analysts or admins (they see aggregates); every read of a case's
 * details is written to the audit log. Parents and young people give their view through a
 * personal link (server/routers/voice.ts). The multi-step operations live in
 * server/services/cases.ts.
 */
import { z } from "zod";
import {
  answeredVoices,
  assign,
  getCase,
  insertCaseGoal,
  insertVoiceLink,
  listCaseGoals,
  listCases,
  listVoiceLinks,
  pendingVoiceResponses,
  replyToVoice,
  revokeOpenVoiceLinks,
  revokeVoiceLink,
  unassign,
  updateCase,
  updateCaseGoal,
  updateCheckIn,
} from "@/db/queries/cases";
import { listMembers } from "@/db/queries/partnerships";
import { once } from "@/db/queries/requests";
import { nextCheckInDue } from "@/domain/cadence";
import { caseTimeline } from "@/domain/case-timeline";
import { today } from "@/domain/dates";
import { offsetOf, pageNumber, pageSizeSchema } from "@/domain/paging";
import { can } from "@/domain/permissions";
import {
  caseFieldsInput,
  caseGoalInput,
  caseText,
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
import { audited, auditRead } from "../services/audited";
import {
  addCheckIn,
  caseChange,
  caseDetail,
  createCase,
  listRows,
  updateCheckInDetails,
  visibleCase,
} from "../services/cases";
import { hashToken, newToken } from "../tokens";
import { createTRPCRouter, partnershipProcedure } from "../trpc";

/** Admins never read case details: the table gives them none of these (domain/permissions.ts). */
const caseOpener = partnershipProcedure("openCases");
const caseWorker = partnershipProcedure("workOnCase");
const coordinator = partnershipProcedure("assignCases");
const caseRef = z.object({ caseId: idSchema });

export const casesRouter = createTRPCRouter({
  /** Open/closed, mine, and signals; without readAllCases, only the cases assigned to the caller. */
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
        await auditRead(ctx, {
          action: "list",
          entity: "case_list",
          entityId: ctx.partnership.id,
          after: { cases: items.map((c) => c.id) },
        });
      return { items, total, page: input.page, pageSize: input.pageSize };
    }),

  /** A case's details; the read is audited. */
  get: caseWorker.input(caseRef).query(async ({ ctx, input }) => {
    const row = await visibleCase(ctx, ctx.db, input.caseId);
    const [detail, links, pending, voices] = await Promise.all([
      caseDetail(ctx.db, [row.id]),
      listVoiceLinks(ctx.db, row.id),
      pendingVoiceResponses(ctx.db, row.id),
      answeredVoices(ctx.db, row.id),
    ]);
    await auditRead(ctx, { action: "read", entity: "case", entityId: row.id });
    const view = caseTimeline(detail.checkIns, detail.ratings, detail.gas, detail.goals);
    const now = new Date();
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
        state: l.revokedAt ? "revoked" : l.usedAt ? "used" : l.expiresAt < now ? "expired" : "open",
      })),
      pendingVoices: pending.map((p) => ({ perspective: p.perspective, submittedAt: p.createdAt })),
      voices,
      nextCheckIn: nextCheckInDue(
        row,
        detail.checkIns.map((c) => c.heldOn),
        today(),
      ),
    };
  }),

  /**
   * Writes back on what a parent or young person answered through their link: what is done
   * with it. They read it when they open their next link (server/routers/voice.ts).
   */
  replyToVoice: caseWorker
    .input(
      caseRef.extend({
        responseId: idSchema,
        reply: caseText(1000).refine((t) => t.length > 0, { message: "required" }),
      }),
    )
    .output(z.object({ replied: z.boolean() }))
    .mutation(({ ctx, input }) =>
      caseChange(ctx, input.caseId, { action: "reply", entity: "voice_response" }, async (tx) => {
        const row = await replyToVoice(tx, {
          caseId: input.caseId,
          responseId: input.responseId,
          reply: input.reply,
          userId: ctx.user.id,
        });
        if (!row) throw notFound();
        return { result: { replied: true }, entityId: row.id, after: { reply: input.reply } };
      }),
    ),

  create: caseOpener
    .input(
      caseFieldsInput.extend({
        openedOn: dateSchema.optional(),
        clientRequestId: clientRequestIdSchema,
      }),
    )
    .mutation(({ ctx, input: { clientRequestId, ...input } }) =>
      audited(ctx, { action: "create", entity: "case", figures: ["cases"] }, async (tx) => {
        let created = false;
        const row = await once(
          tx,
          { key: clientRequestId, userId: ctx.user.id, entity: "case" },
          async () => {
            created = true;
            return createCase(tx, ctx, input);
          },
          (id) => getCase(tx, ctx.partnership.id, id),
        );
        return { result: row, after: row, repeated: !created };
      }),
    ),

  update: caseWorker
    .input(caseFieldsInput.extend({ caseId: idSchema, version: versionSchema }))
    .mutation(({ ctx, input: { caseId, version, ...values } }) =>
      caseChange(
        ctx,
        caseId,
        { action: "update", entity: "case", figures: ["cases"] },
        async (tx, before) => {
          const after = await updateCase(tx, {
            partnershipId: ctx.partnership.id,
            id: caseId,
            version,
            values,
          });
          return { result: after, before, after };
        },
        { open: false },
      ),
    ),

  /** Only members who may work on cases can be assigned (not a leader). */
  assign: coordinator.input(caseRef.extend({ userId: idSchema })).mutation(({ ctx, input }) =>
    caseChange(
      ctx,
      input.caseId,
      { action: "assign", entity: "case" },
      async (tx) => {
        const members = await listMembers(tx, ctx.partnership.id);
        const worker = members.find((m) => m.userId === input.userId);
        if (
          !worker ||
          !can({ role: worker.role, admin: false, analystSharing: null }, "workOnCase")
        )
          throw appError("BAD_REQUEST", "errors.not_a_professional", { field: "userId" });
        const row = await assign(tx, {
          caseId: input.caseId,
          partnershipId: ctx.partnership.id,
          userId: input.userId,
        });
        return {
          result: { assigned: Boolean(row) },
          after: { userId: input.userId },
          entityId: input.caseId,
        };
      },
      { open: false },
    ),
  ),

  unassign: coordinator.input(caseRef.extend({ userId: idSchema })).mutation(({ ctx, input }) =>
    caseChange(
      ctx,
      input.caseId,
      { action: "unassign", entity: "case" },
      async (tx) => {
        if (!(await unassign(tx, input.caseId, input.userId))) throw notFound();
        return {
          result: { unassigned: true },
          before: { userId: input.userId },
          entityId: input.caseId,
        };
      },
      { open: false },
    ),
  ),

  addGoal: caseWorker
    .input(caseGoalInput.extend({ caseId: idSchema, clientRequestId: clientRequestIdSchema }))
    .mutation(({ ctx, input: { clientRequestId, ...input } }) =>
      caseChange(
        ctx,
        input.caseId,
        { action: "create", entity: "case_goal" },
        async (tx) => {
          let created = false;
          const row = await once(
            tx,
            { key: clientRequestId, userId: ctx.user.id, entity: "case_goal" },
            async () => {
              created = true;
              return insertCaseGoal(tx, { ...input, partnershipId: ctx.partnership.id });
            },
            async (id) => (await listCaseGoals(tx, [input.caseId])).find((g) => g.id === id),
          );
          return { result: row, after: row, repeated: !created };
        },
        { open: false },
      ),
    ),

  removeGoal: caseWorker
    .input(caseRef.extend({ goalId: idSchema, version: versionSchema }))
    .mutation(({ ctx, input }) =>
      caseChange(
        ctx,
        input.caseId,
        { action: "delete", entity: "case_goal", figures: ["cases"] },
        async (tx) => {
          const after = await updateCaseGoal(tx, {
            caseId: input.caseId,
            id: input.goalId,
            version: input.version,
            values: { deletedAt: new Date() },
          });
          return { result: after, after };
        },
        { open: false },
      ),
    ),

  addCheckIn: caseWorker
    .input(checkInInput.and(caseRef))
    .mutation(({ ctx, input }) => addCheckIn(ctx, input)),

  updateCheckIn: caseWorker
    .input(checkInEditInput.and(caseRef))
    .mutation(({ ctx, input }) => updateCheckInDetails(ctx, input)),

  /**
   * Removes a check-in entered by mistake (soft delete: a coordinator can restore it); answers
   * given through a link wait for the next check-in again, so no voice is lost.
   */
  removeCheckIn: caseWorker
    .input(caseRef.extend({ checkInId: idSchema, version: versionSchema }))
    .mutation(({ ctx, input }) =>
      caseChange(
        ctx,
        input.caseId,
        { action: "delete", entity: "check_in", figures: ["cases"] },
        async (tx, row) => {
          const after = await updateCheckIn(tx, {
            caseId: row.id,
            id: input.checkInId,
            version: input.version,
            values: { deletedAt: new Date() },
          });
          return { result: after, after };
        },
      ),
    ),

  /** Closing records the Dutch harmonised outcome set, and ends the case's open links. */
  close: caseWorker
    .input(closeCaseInput.extend({ caseId: idSchema, version: versionSchema }))
    .mutation(({ ctx, input: { caseId, version, ...values } }) =>
      caseChange(
        ctx,
        caseId,
        { action: "close", entity: "case", figures: ["cases"] },
        async (tx, before) => {
          if (values.closedOn < before.openedOn)
            throw appError("BAD_REQUEST", "errors.closed_before_opened", { field: "closedOn" });
          const after = await updateCase(tx, {
            partnershipId: ctx.partnership.id,
            id: caseId,
            version,
            values,
          });
          await revokeOpenVoiceLinks(tx, caseId);
          return { result: after, before, after };
        },
      ),
    ),

  /**
   * A personal link for the parent or the young person: a random 256-bit token shown once,
   * stored only as its hash (server/tokens.ts), expiring after `expiresInDays`.
   */
  createLink: caseWorker
    .input(
      caseRef.extend({
        perspective: z.enum(voicePerspectives, "choose_option"),
        expiresInDays: z.number().int().min(1).max(60).default(14),
      }),
    )
    .mutation(({ ctx, input }) =>
      caseChange(ctx, input.caseId, { action: "create", entity: "voice_link" }, async (tx, row) => {
        const token = newToken();
        const expiresAt = new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000);
        const link = await insertVoiceLink(tx, {
          caseId: row.id,
          partnershipId: ctx.partnership.id,
          perspective: input.perspective,
          tokenHash: hashToken(token),
          expiresAt,
          createdBy: ctx.user.id,
        });
        return {
          result: { id: link.id, path: `/stem/${token}`, expiresAt },
          after: { perspective: link.perspective, expiresAt },
        };
      }),
    ),

  revokeLink: caseWorker.input(caseRef.extend({ linkId: idSchema })).mutation(({ ctx, input }) =>
    caseChange(
      ctx,
      input.caseId,
      { action: "revoke", entity: "voice_link" },
      async (tx) => {
        const row = await revokeVoiceLink(tx, input.caseId, input.linkId);
        if (!row) throw notFound();
        return { result: { revoked: true }, entityId: row.id };
      },
      { open: false },
    ),
  ),
});
