/**
 * What leaves the server, stated: the `.output()` schemas of every procedure that an analyst or
 * an admin can call. z.object strips every key it does not list, so a column added to a query
 * later does not reach them by accident. People (names, user ids) are only in contracts of
 * procedures that need `readPeople` (domain/permissions.ts), or are null for whoever lacks it;
 * raw audit rows are in none.
 */
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import {
  factorNotes,
  goalMeasurements,
  goalReviews,
  goals,
  memberships,
  municipalities,
  municipalityAccess,
  organisations,
  partnershipOrganisations,
  partnerships,
  reflectionActions,
  reflectionSessions,
  sessionGoalReviews,
  sessionParticipants,
} from "@/db/schema";
import { partnershipCapabilityNames } from "@/domain/permissions";
import {
  collaborationForms,
  goalStatuses,
  goalVerdicts,
  organisationTypes,
  partnershipRoles,
} from "@/domain/vocabulary";

/** A page of a list (domain/paging.ts). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** `can` as the pages get it: every capability, true or false. */
export const canOutput = z.object(
  Object.fromEntries(partnershipCapabilityNames.map((c) => [c, z.boolean()])) as Record<
    (typeof partnershipCapabilityNames)[number],
    z.ZodBoolean
  >,
);

/* ------------------------------------------------------------------ rows as stored */

export const partnershipRowOutput = createSelectSchema(partnerships);
export const partnerOrganisationRowOutput = createSelectSchema(partnershipOrganisations);
export const membershipRowOutput = createSelectSchema(memberships);
export const goalRowOutput = createSelectSchema(goals);
export const measurementRowOutput = createSelectSchema(goalMeasurements);
export const goalReviewRowOutput = createSelectSchema(goalReviews);
export const sessionRowOutput = createSelectSchema(reflectionSessions);
export const participantRowOutput = createSelectSchema(sessionParticipants);
export const noteRowOutput = createSelectSchema(factorNotes);
export const sessionGoalReviewRowOutput = createSelectSchema(sessionGoalReviews);
export const actionRowOutput = createSelectSchema(reflectionActions);
export const municipalityRowOutput = createSelectSchema(municipalities);
export const organisationRowOutput = createSelectSchema(organisations);
export const municipalityAccessRowOutput = createSelectSchema(municipalityAccess);

/** A platform account as admins see it: never its password hash. */
export const userOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  deactivatedAt: z.date().nullable(),
  version: z.number().int(),
});

/* ------------------------------------------------------------------ partnerships */

export const partnershipListOutput = pageOf(
  z.object({
    id: z.uuid(),
    name: z.string(),
    form: z.enum(collaborationForms),
    municipalityId: z.uuid(),
    municipalityName: z.string(),
  }),
);

export const partnerOrganisationOutput = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
  type: z.enum(organisationTypes),
  isCore: z.boolean(),
  ownInterest: z.string(),
  version: z.number().int(),
  deletedAt: z.date().nullable(),
});

export const partnershipDetailOutput = partnershipRowOutput.extend({
  municipality: z.object({ id: z.uuid(), name: z.string(), cbsCode: z.string() }),
  organisations: z.array(partnerOrganisationOutput),
  myRole: z.enum([...partnershipRoles, "admin", "analyst"]),
  can: canOutput,
});

export const memberOutput = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(partnershipRoles),
  version: z.number().int(),
  active: z.boolean(),
});

/* ------------------------------------------------------------------ goals */

/** Status, progress and forecast (domain/goal-evaluation.ts). */
export const goalEvaluationOutput = z.object({
  status: z.enum(goalStatuses),
  progress: z.number().nullable(),
  latestValue: z.number().nullable(),
  latestOn: z.string().nullable(),
  forecastAtTarget: z.number().nullable(),
});

export const goalVerdictOutput = z.enum(goalVerdicts);
