/**
 * The audit trail, to read: a partnership's for its coordinators (and admins), the whole
 * platform's for admins. Filtered by person, kind of record, act and days; paged, newest first.
 * Analysts see none of it (domain/permissions.ts, readAudit).
 */
import { z } from "zod";
import { auditChoices, listAudit } from "@/db/queries/audit";
import { pageNumber } from "@/domain/paging";
import { dateSchema, idSchema } from "@/domain/schemas";
import { adminProcedure, createTRPCRouter, partnershipProcedure } from "../trpc";

const word = z
  .string()
  .trim()
  .max(60)
  .regex(/^[a-z_]*$/, "choose_option")
  .optional();
const auditInput = z
  .object({
    actorUserId: idSchema.optional(),
    entity: word,
    action: word,
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    page: pageNumber,
    pageSize: z.number().int().min(1).max(100).default(50),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ["to"],
    message: "before_from",
  });

const auditOutput = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      at: z.date(),
      actorUserId: z.uuid().nullable(),
      actorName: z.string().nullable(),
      action: z.string(),
      entity: z.string(),
      entityId: z.string(),
      caseCode: z.string().nullable(),
      partnershipId: z.uuid().nullable(),
      partnershipName: z.string().nullable(),
      ip: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  choices: z.object({
    people: z.array(z.object({ id: z.uuid(), name: z.string() })),
    entities: z.array(z.string()),
    actions: z.array(z.string()),
  }),
});

/** Empty filters (a select left at "all") are no filter. */
function filterOf(input: z.infer<typeof auditInput>) {
  const { page, pageSize, ...filter } = input;
  return {
    page: { page, pageSize },
    filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as typeof filter,
  };
}

export const auditRouter = createTRPCRouter({
  partnership: partnershipProcedure("readAudit")
    .input(auditInput)
    .output(auditOutput)
    .query(async ({ ctx, input }) => {
      const { page, filter } = filterOf(input);
      const scope = { ...filter, partnershipId: ctx.partnership.id };
      const [list, choices] = await Promise.all([
        listAudit(ctx.db, scope, page),
        auditChoices(ctx.db, ctx.partnership.id),
      ]);
      return { ...list, choices };
    }),

  platform: adminProcedure
    .input(auditInput.and(z.object({ partnershipId: idSchema.optional() })))
    .output(auditOutput)
    .query(async ({ ctx, input }) => {
      const { page, filter } = filterOf(input);
      const [list, choices] = await Promise.all([
        listAudit(ctx.db, { ...filter, partnershipId: input.partnershipId }, page),
        auditChoices(ctx.db, input.partnershipId),
      ]);
      return { ...list, choices };
    }),
});
