/**
 * "Wat werkt": a partnership's own entries per factor (kept by its coordinator, read by its
 * members), and what other partnerships share for a factor ("Wat werkt elders"): nationwide, or
 * within the caller's municipality, by form of collaboration and school type. Who may read or
 * keep them follows from the partnership capabilities; the shared ones name their partnership
 * only where it agreed (db/queries/practices.ts).
 */
import { z } from "zod";
import { partnershipStanding } from "@/db/queries/partnerships";
import {
  getPractice,
  insertPractice,
  listPractices,
  sharedPractices,
  updatePractice,
} from "@/db/queries/practices";
import { idSchema, practiceInput, versionSchema } from "@/domain/schemas";
import { collaborationForms, schoolTypes } from "@/domain/vocabulary";
import { notFound } from "../errors";
import { audited, auditedRow } from "../services/audited";
import { createTRPCRouter, partnershipProcedure } from "../trpc";

const practiceOutput = z.object({
  id: z.uuid(),
  factorId: z.string(),
  text: z.string(),
  schoolType: z.enum(schoolTypes).nullable(),
  shared: z.boolean(),
  reach: z.enum(["municipality", "national"]),
  showName: z.boolean(),
  updatedAt: z.date(),
  version: z.number().int(),
});

export const practicesRouter = createTRPCRouter({
  list: partnershipProcedure("readSessions")
    .output(z.array(practiceOutput))
    .query(({ ctx }) => listPractices(ctx.db, ctx.partnership.id)),

  create: partnershipProcedure("planSessions")
    .input(practiceInput)
    .output(practiceOutput)
    .mutation(({ ctx, input }) => {
      const { partnershipId: _, ...values } = input;
      return auditedRow(ctx, { action: "create", entity: "practice" }, (tx) =>
        insertPractice(tx, {
          ...values,
          partnershipId: ctx.partnership.id,
          createdBy: ctx.user.id,
        }),
      );
    }),

  update: partnershipProcedure("planSessions")
    .input(practiceInput.extend({ id: idSchema, version: versionSchema }))
    .output(practiceOutput)
    .mutation(({ ctx, input }) => {
      const { partnershipId: _, id, version, ...values } = input;
      return audited(ctx, { action: "update", entity: "practice" }, async (tx) => {
        const before = await getPractice(tx, ctx.partnership.id, id);
        if (!before) throw notFound();
        const after = await updatePractice(tx, {
          partnershipId: ctx.partnership.id,
          id,
          version,
          values,
        });
        return { result: { ...before, ...after }, before, after };
      });
    }),

  remove: partnershipProcedure("planSessions")
    .input(z.object({ id: idSchema, version: versionSchema }))
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) =>
      audited(ctx, { action: "delete", entity: "practice" }, async (tx) => {
        const before = await getPractice(tx, ctx.partnership.id, input.id);
        if (!before) throw notFound();
        await updatePractice(tx, {
          partnershipId: ctx.partnership.id,
          id: input.id,
          version: input.version,
          values: { deletedAt: new Date() },
        });
        return { result: { id: input.id }, before };
      }),
    ),

  /** What others share for a factor, as this partnership may see it. */
  elsewhere: partnershipProcedure("readSessions")
    .input(
      z.object({
        factorId: practiceInput.shape.factorId,
        where: z.enum(["municipality", "national"], "choose_option"),
        form: z.enum(collaborationForms, "choose_option").optional(),
        schoolType: z.enum(schoolTypes, "choose_option").optional(),
      }),
    )
    .output(
      z.array(
        z.object({
          id: z.uuid(),
          factorId: z.string(),
          text: z.string(),
          schoolType: z.enum(schoolTypes).nullable(),
          form: z.enum(collaborationForms).nullable(),
          partnershipName: z.string().nullable(),
          sameMunicipality: z.boolean().nullable(),
          updatedAt: z.date(),
        }),
      ),
    )
    .query(async ({ ctx, input }) => {
      const own = await partnershipStanding(ctx.db, ctx.partnership.id);
      if (!own) throw notFound();
      return sharedPractices(
        ctx.db,
        { partnershipId: ctx.partnership.id, municipalityId: own.municipalityId },
        { ...input, limit: 20 },
      );
    }),
});
