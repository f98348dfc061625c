/**
 * Removed records of a partnership, and bringing them back: deletes are soft and a coordinator
 * can restore them (PRODUCT.md, "Nothing is lost"). Coordinators only: the list names cases by
 * their code, and case data is not for leaders or admins.
 */
import { z } from "zod";
import { writeAudit } from "@/db/queries/audit";
import { getCase } from "@/db/queries/cases";
import { getGoal } from "@/db/queries/goals";
import { getSession, listSessions } from "@/db/queries/reflections";
import {
  dropMovedLinkAnswers,
  getRemoved,
  listRemoved,
  restoreRemoved,
  type TrashKind,
  trashEntities,
  trashKinds,
} from "@/db/queries/trash";
import type { Db } from "@/db/types";
import { idSchema, pageInput, versionSchema } from "@/domain/schemas";
import { appError, notFound } from "../errors";
import { createTRPCRouter, partnershipProcedure } from "../trpc";

const coordinator = partnershipProcedure("restoreRemoved");

export const trashRouter = createTRPCRouter({
  /** Newest removal first, a page at a time; each item says whether it can come back yet. */
  list: coordinator
    .input(pageInput.pick({ page: true, pageSize: true }))
    .query(async ({ ctx, input }) => {
      const page = await listRemoved(ctx.db, ctx.partnership.id, input);
      const codes = [...new Set(page.items.flatMap((i) => (i.code ? [i.code] : [])))];
      // Removed case goals and check-ins name their case: the read is audited like a case's.
      if (codes.length > 0)
        await writeAudit(ctx.db, {
          actorUserId: ctx.user.id,
          partnershipId: ctx.partnership.id,
          action: "read",
          entity: "removed_case_records",
          entityId: ctx.partnership.id,
          after: { cases: codes },
        });
      return page;
    }),

  restore: coordinator
    .input(z.object({ kind: z.enum(trashKinds), id: idSchema, version: versionSchema }))
    .mutation(async ({ ctx, input }) => {
      const partnershipId = ctx.partnership.id;
      const row = await getRemoved(ctx.db, partnershipId, input.kind, input.id);
      if (!row) throw notFound();
      await assertRestorable(ctx.db, partnershipId, input.kind, row);
      return ctx.db.transaction(async (tx) => {
        const after = await restoreRemoved(tx, { ...input, partnershipId });
        if (input.kind === "checkIn") await dropMovedLinkAnswers(tx, input.id);
        await writeAudit(tx, {
          actorUserId: ctx.user.id,
          partnershipId,
          action: "restore",
          entity: trashEntities[input.kind],
          entityId: input.id,
          before: row,
          after,
        });
        return { kind: input.kind, id: input.id, version: after.version as number };
      });
    }),
});

/** What a record hangs on must be there (and open) before it comes back. */
async function assertRestorable(
  db: Db,
  partnershipId: string,
  kind: TrashKind,
  row: Record<string, unknown>,
) {
  if (kind === "measurement") {
    if (!(await getGoal(db, partnershipId, String(row.goalId))))
      throw appError("CONFLICT", "errors.restore_parent_first");
  } else if (kind === "session") {
    const sessions = await listSessions(db, partnershipId);
    if (sessions.some((s) => s.heldOn === row.heldOn))
      throw appError("CONFLICT", "errors.session_on_date");
  } else if (kind === "participant" || kind === "action") {
    const session = await getSession(db, partnershipId, String(row.sessionId));
    if (!session) throw appError("CONFLICT", "errors.restore_parent_first");
    if (session.signedOffAt) throw appError("CONFLICT", "errors.session_locked");
  } else if (kind === "caseGoal" || kind === "checkIn") {
    const owner = await getCase(db, partnershipId, String(row.caseId));
    if (!owner) throw notFound();
    if (owner.closedOn) throw appError("CONFLICT", "errors.case_closed");
  }
}
