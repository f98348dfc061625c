/**
 * What leaves the server, stated: the `.output()` schemas of procedures that analysts and admins
 * call. z.object strips every key it does not list, so a field added to a query later does not
 * reach them by accident; people (names, user ids) and raw audit rows are never listed for
 * those who may not see people (domain/permissions.ts `readPeople`).
 */
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { goals } from "@/db/schema";
import { partnershipCapabilityNames } from "@/domain/permissions";
import { goalStatuses, goalVerdicts } from "@/domain/vocabulary";

/** `can` as the pages get it: every capability, true or false. */
export const canOutput = z.object(
  Object.fromEntries(partnershipCapabilityNames.map((c) => [c, z.boolean()])) as Record<
    (typeof partnershipCapabilityNames)[number],
    z.ZodBoolean
  >,
);

/** A goal as stored: nothing in it names a person. */
export const goalRowOutput = createSelectSchema(goals);

/** Status, progress and forecast (domain/goal-evaluation.ts). */
export const goalEvaluationOutput = z.object({
  status: z.enum(goalStatuses),
  progress: z.number().nullable(),
  latestValue: z.number().nullable(),
  latestOn: z.string().nullable(),
  forecastAtTarget: z.number().nullable(),
});

export const goalVerdictOutput = z.enum(goalVerdicts);
