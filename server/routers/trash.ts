/**
 * Removed records of a partnership, and bringing them back: deletes are soft and a coordinator
 * can restore them (docs/DOMAIN.md "Nothing is lost"). Coordinators only: the list names cases by
 * their code, and case data is not for leaders or admins.
 */
import { z } from "zod";
import { listRemoved, trashKinds } from "@/db/queries/trash";
import { idSchema, pageInput, versionSchema } from "@/domain/schemas";
import { auditRead } from "../services/audited";
import { restore } from "../services/trash";
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
        await auditRead(ctx, {
          action: "read",
          entity: "removed_case_records",
          entityId: ctx.partnership.id,
          after: { cases: codes },
        });
      return page;
    }),

  restore: coordinator
    .input(z.object({ kind: z.enum(trashKinds), id: idSchema, version: versionSchema }))
    .mutation(({ ctx, input }) => restore(ctx, input)),
});
