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
  regionAccess,
  sessionGoalReviews,
  sessionParticipants,
} from "@/db/schema";
import { partnershipCapabilityNames } from "@/domain/permissions";
import {
  actionStatuses,
  collaborationForms,
  goalStatuses,
  goalVerdicts,
  levelIds,
  organisationTypes,
  partnershipRoles,
  reflectionCadences,
  sectors,
  sessionStatuses,
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
export const regionAccessRowOutput = createSelectSchema(regionAccess);

/** A platform account as admins see it: never its password hash. */
export const userOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  isNationalAnalyst: z.boolean(),
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
  /** The partner organisation they work for, when set (reminders of its actions). */
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
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

/* ------------------------------------------------------------------ reflections */

const text = z.object({ nl: z.string(), en: z.string() });

/** The instrument a session was scored on (domain/instrument.ts). */
export const instrumentOutput = z.object({
  version: z.number().int(),
  levels: z
    .array(
      z.object({
        id: z.enum(levelIds),
        label: text,
        factors: z
          .array(z.object({ id: z.string(), label: text, question: text, explanation: text }))
          .readonly(),
      }),
    )
    .readonly(),
});

const score = z.number().nullable();

/** A session's scores summed up (domain/score-summary.ts). */
export const scoreSummaryOutput = z.object({
  instrumentVersion: z.number().int(),
  index: score,
  levels: z.array(z.object({ levelId: z.string(), score })),
  factors: z.array(z.object({ factorId: z.string(), mean: score, n: z.number().int(), sd: score })),
  gaps: z.array(
    z.object({
      factorId: z.string(),
      education: score,
      youthCare: score,
      families: score,
      gap: score,
    }),
  ),
  participantsScored: z.number().int(),
});

export const actionOutput = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  description: z.string(),
  ownerOrganisationId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(actionStatuses),
  dropReason: z.string(),
  reviewedInSessionId: z.uuid().nullable(),
  version: z.number().int(),
});

export const sessionListOutput = z.object({
  due: z.object({ dueOn: z.string(), overdue: z.boolean(), plannedOn: z.string().nullable() }),
  cadence: z.enum(reflectionCadences),
  sessions: z.array(
    z.object({
      id: z.uuid(),
      heldOn: z.string(),
      status: z.enum(sessionStatuses),
      version: z.number().int(),
      participants: z.number().int(),
      index: score,
    }),
  ),
});

/** A session in meeting mode: for members and admins only (readSessions). */
export const sessionDetailOutput = sessionRowOutput.extend({
  signedOffByName: z.string().nullable(),
  history: z.array(
    z.object({
      action: z.enum(["sign_off", "reopen"]),
      at: z.date(),
      actorName: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  can: canOutput,
  instrument: instrumentOutput,
  participants: z.array(
    z.object({
      id: z.uuid(),
      sessionId: z.uuid(),
      userId: z.uuid().nullable(),
      name: z.string(),
      organisationId: z.uuid().nullable(),
      organisationName: z.string().nullable(),
      sector: z.enum(sectors),
      version: z.number().int(),
    }),
  ),
  scores: z.array(
    z.object({
      sessionId: z.uuid(),
      participantId: z.uuid(),
      sector: z.enum(sectors),
      factorId: z.string(),
      score: z.number().int().nullable(),
      instrumentVersion: z.number().int(),
    }),
  ),
  round: z.object({ open: z.boolean(), closedAt: z.date().nullable() }).nullable(),
  disagreements: z.array(
    z.object({
      factorId: z.string(),
      n: z.number().int(),
      mean: z.number(),
      range: z.number(),
      sd: z.number(),
      sectorGap: z.number().nullable(),
      families: z.number().nullable(),
    }),
  ),
  notes: z.array(noteRowOutput),
  summary: scoreSummaryOutput,
  previous: z
    .object({ id: z.uuid(), heldOn: z.string(), summary: scoreSummaryOutput.nullable() })
    .nullable(),
  goals: z.array(
    goalEvaluationOutput.extend({
      id: z.uuid(),
      title: z.string(),
      parentId: z.uuid().nullable(),
      review: sessionGoalReviewRowOutput.nullable(),
    }),
  ),
  partners: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.enum(organisationTypes) })),
  actions: z.array(actionOutput),
  previousActions: z.array(actionOutput),
});

/* ------------------------------------------------------------------ scopes (tier 2) */

/** Why a figure is not there (server/disclosure/publish.ts). */
export const withheldOutput = z.enum(["small", "protect", "partnerships", "scorers", "few"]);
export const figureOutput = z.object({
  value: z.number().nullable(),
  withheld: withheldOutput.nullable(),
});
const spreadFigureOutput = z.object({
  spread: z
    .object({ median: z.number(), q1: z.number(), q3: z.number(), n: z.number().int() })
    .nullable(),
  withheld: withheldOutput.nullable(),
});
const quarterLabels = { start: z.string(), label: z.string().regex(/^\d{4}-K[1-4]$/) };

export const caseCellOutput = z.object({
  active: figureOutput,
  gasCases: figureOutput,
  gasMean: figureOutput,
  gasMedian: figureOutput,
  jointPlanShare: figureOutput,
  voiceShare: figureOutput,
  changesPerCaseYear: figureOutput,
  tooQuickShare: figureOutput,
  closed: figureOutput,
  dropoutShare: figureOutput,
  continuesShare: figureOutput,
  realisedShare: figureOutput,
  satisfactionParent: figureOutput,
  satisfactionYoung: figureOutput,
});
export const casesSectionOutput = z.object({
  quarters: z.array(z.object({ ...quarterLabels, cells: z.record(z.string(), caseCellOutput) })),
});
export const reportingSectionOutput = z.object({
  quarters: z.array(
    z.object({
      ...quarterLabels,
      partnerships: z.number().int(),
      expected: figureOutput,
      held: figureOutput,
      onTime: figureOutput,
      rate: figureOutput,
      onTimeRate: figureOutput,
    }),
  ),
});
export const goalsSectionOutput = z.object({
  quarters: z.array(
    z.object({
      ...quarterLabels,
      achieved: figureOutput,
      onTrack: figureOutput,
      atRisk: figureOutput,
      offTrack: figureOutput,
      noData: figureOutput,
    }),
  ),
});
export const collaborationSectionOutput = z.object({
  quarters: z.array(
    z.object({
      ...quarterLabels,
      partnerships: z.number().int(),
      index: spreadFigureOutput,
      levels: z.array(spreadFigureOutput),
      factors: z.array(spreadFigureOutput),
    }),
  ),
  sectors: z.object({
    quarter: z.string().nullable(),
    partnerships: z.number().int(),
    withheld: withheldOutput.nullable(),
    factors: z.array(
      z.object({
        education: z.number().nullable(),
        youthCare: z.number().nullable(),
        families: z.number().nullable(),
        gapEducationYouthCare: z.number().nullable(),
        gapEducationFamilies: z.number().nullable(),
      }),
    ),
  }),
});
const correlationOutput = z
  .object({ n: z.number().int(), rho: z.number(), low: z.number(), high: z.number() })
  .nullable();
export const outcomesSectionOutput = z.object({
  from: z.string(),
  to: z.string(),
  partnerships: z.number().int(),
  minimum: z.number().int(),
  withheld: withheldOutput.nullable(),
  points: z.array(
    z.object({
      index: z.number(),
      gasMean: z.number().nullable(),
      dropoutShare: z.number().nullable(),
    }),
  ),
  gas: correlationOutput,
  dropout: correlationOutput,
});
