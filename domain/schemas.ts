/**
 * Named input schemas, declared once: the procedures validate with them and the forms take
 * their types and options from them. Messages are keys of `validation.*` in messages/, turned
 * into the user's language (with the field's label) by the error formatter in server/trpc.ts.
 */
import { z } from "zod";
import { findPersonalIdentifiers } from "./identifiers";
import { currentInstrument } from "./instrument";
import { pageNumber, pageSizeSchema } from "./paging";
import {
  ageBands,
  caseEndings,
  casePerspectives,
  collaborationForms,
  effectKinds,
  goalAssessments,
  goalDirections,
  goalRealisations,
  goalVerdicts,
  municipalitySharings,
  organisationTypes,
  partnershipRoles,
  problemDomains,
  referralJudgements,
  referralKinds,
  reflectionCadences,
  schoolTypes,
  sectors,
} from "./vocabulary";

// A missing value reads "required", not "expected string, received undefined".
z.config({
  customError: (issue) =>
    issue.code === "invalid_type" && (issue.input === undefined || issue.input === null)
      ? "required"
      : undefined,
});

/** A surrogate code unit not part of a pair: in a `u` regex, only those are code points Cs. */
const LONE_SURROGATE = /\p{Cs}/u;
/**
 * Text Postgres can store as typed: no NUL character (pasted binary would fail the write) and
 * no lone UTF-16 surrogate (half a character, which would be stored as U+FFFD without a word).
 */
const storable = (schema: z.ZodString) =>
  schema
    .refine((s) => !s.includes("\u0000"), "invalid")
    .refine((s) => !LONE_SURROGATE.test(s), "invalid_characters");

/** Required single-line text, trimmed. */
export const requiredText = (max = 200) => storable(z.string().trim().min(1).max(max));
/** Optional longer text, trimmed, empty allowed. */
export const longText = (max = 4000) => storable(z.string().trim().max(max)).default("");
/** A search term, trimmed; optional. */
export const searchText = storable(z.string().trim().max(100)).optional();

/**
 * Sent by a form with each create (a new one after every success): a retried or doubled
 * submission answers with the record the first one made (db/queries/requests.ts).
 */
export const clientRequestIdSchema = z.uuid("invalid_id").optional();

/** A record's id; left empty (a select nobody chose from), it asks for a choice. */
export const idSchema = z.string("invalid_id").min(1, "choose_option").pipe(z.uuid("invalid_id"));
/** Row versions are Postgres integers. */
export const versionSchema = z.number().int().positive().max(2_147_483_647);

export const pageInput = z.object({
  page: pageNumber,
  pageSize: pageSizeSchema,
  search: searchText,
});
export type PageInput = z.infer<typeof pageInput>;

export const emailSchema = z
  .string()
  .trim()
  .min(1)
  .max(254)
  .pipe(z.email("email"))
  .transform((e) => e.toLowerCase());

/**
 * A new password: at least 12 characters, no control characters (tab, line break, NUL) and no
 * half characters. Whether it is too easy to guess the server decides (server/password-policy.ts).
 */
export const passwordSchema = z
  .string()
  .min(12, "password_length")
  .max(200)
  .refine((s) => !/\p{Cc}/u.test(s), "password_control")
  .refine((s) => !LONE_SURROGATE.test(s), "invalid_characters");

/* ---------------------------------------------------------------- municipalities */
export const municipalityInput = z.object({
  cbsCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^GM\d{4}$/, "cbs_code"),
  name: requiredText(100),
  youthRegion: requiredText(100),
});

/* ---------------------------------------------------------------- organisations */
export const organisationInput = z.object({
  name: requiredText(200),
  type: z.enum(organisationTypes, "choose_option"),
  municipalityId: idSchema.nullable().default(null),
});

/* ---------------------------------------------------------------- partnerships */
export const partnershipSettingsInput = z.object({
  name: requiredText(200),
  form: z.enum(collaborationForms, "choose_option"),
  purpose: longText(),
  intendedImpact: longText(),
  reflectionCadence: z.enum(reflectionCadences, "choose_option"),
  municipalitySharing: z.enum(municipalitySharings, "choose_option"),
});
export const partnershipCreateInput = partnershipSettingsInput.extend({
  municipalityId: idSchema,
});

export const partnerOrganisationInput = z.object({
  isCore: z.boolean().default(false),
  ownInterest: longText(2000),
});

export const roleSchema = z.enum(partnershipRoles, "choose_option");

/* ---------------------------------------------------------------- users */
export const userCreateInput = z.object({
  email: emailSchema,
  name: requiredText(200),
  password: passwordSchema,
  isAdmin: z.boolean().default(false),
});
export const userUpdateInput = z.object({
  name: requiredText(200),
  isAdmin: z.boolean(),
  /** A national analyst sees aggregates nationwide (a ministry, a knowledge institute). */
  isNationalAnalyst: z.boolean().default(false),
  active: z.boolean(),
  /** Empty keeps the current password. */
  password: z.union([z.literal(""), passwordSchema]).default(""),
});

/* ---------------------------------------------------------------- goals */
/** A calendar date as YYYY-MM-DD (the form's date input gives exactly this). */
/** A calendar day (YYYY-MM-DD) between 1900 and 2100: anything else is a typing error. */
export const dateSchema = z.iso
  .date("date")
  .refine((d) => d >= "1900-01-01" && d <= "2100-12-31", "date");
const finite = z.number("number").finite("number");

export const goalRoleInput = z.object({ organisationId: idSchema, role: requiredText(500) });

export const goalInput = z
  .object({
    parentId: idSchema.nullable().default(null),
    title: requiredText(200),
    description: longText(),
    indicator: requiredText(300),
    unit: storable(z.string().trim().max(40)).default(""),
    direction: z.enum(goalDirections, "choose_option"),
    baselineValue: finite,
    baselineDate: dateSchema,
    targetValue: finite,
    targetDate: dateSchema,
    plausibleMin: finite.nullable().default(null),
    plausibleMax: finite.nullable().default(null),
    effectKind: z.enum(effectKinds, "choose_option"),
    roles: z.array(goalRoleInput).max(50).default([]),
  })
  .superRefine((goal, ctx) => {
    // Compared only when both are valid dates (their own errors are reported already).
    const valid = (d: string) => dateSchema.safeParse(d).success;
    if (
      valid(goal.targetDate) &&
      valid(goal.baselineDate) &&
      goal.targetDate <= goal.baselineDate
    ) {
      ctx.addIssue({ code: "custom", path: ["targetDate"], message: "target_after_baseline" });
    }
    if (
      goal.plausibleMin !== null &&
      goal.plausibleMax !== null &&
      goal.plausibleMin >= goal.plausibleMax
    ) {
      ctx.addIssue({ code: "custom", path: ["plausibleMax"], message: "max_above_min" });
    }
    const ids = goal.roles.map((r) => r.organisationId);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: "custom", path: ["roles"], message: "duplicate_organisation" });
    }
  });

export const measurementInput = z.object({
  value: finite,
  measuredOn: dateSchema,
  note: longText(1000),
  /** The user confirmed a value outside the indicator's plausible range. */
  confirmOutOfRange: z.boolean().default(false),
});

export const goalReviewInput = z.object({
  verdict: z.enum(goalVerdicts, "choose_option"),
  comment: longText(2000),
});

/* ---------------------------------------------------------------- reflections */
export const scoreSchema = z.number().int().min(1).max(5).nullable();

/**
 * A change to a session's header. Each part is optional, so the date (changed in the page's
 * header) and the two reflections (in their own form) are saved apart and a save of one never
 * writes back an older copy of the other.
 */
export const sessionHeaderInput = z.object({
  heldOn: dateSchema.optional(),
  whatWorks: storable(z.string().trim().max(4000)).optional(),
  whatDoesNot: storable(z.string().trim().max(4000)).optional(),
});

export const participantInput = z.object({
  name: requiredText(200),
  organisationId: idSchema.nullable().default(null),
  sector: z.enum(sectors, "choose_option"),
  userId: idSchema.nullable().default(null),
});

export const scoresInput = z.object({
  participantId: idSchema,
  /** The participant's version when the form loaded: someone else's save meanwhile is a conflict. */
  version: versionSchema,
  scores: z
    .array(
      z.object({ factorId: z.string().regex(/^[A-Z][0-9]{1,2}$/, "invalid"), score: scoreSchema }),
    )
    .max(100)
    .refine((s) => new Set(s.map((x) => x.factorId)).size === s.length, "duplicate_factor"),
});

export const noteInput = z.object({
  factorId: z.string().regex(/^[A-Z][0-9]{1,2}$/, "invalid"),
  note: longText(2000),
  /** 0 when there was no note yet. */
  version: z.number().int().min(0).max(2_147_483_647),
});

export const sessionGoalReviewInput = z.object({
  goalId: idSchema,
  assessment: z.enum(goalAssessments, "choose_option"),
  story: longText(2000),
  /** 0 when the goal had no review in this session yet; else the version the form read. */
  version: z.number().int().min(0).max(2_147_483_647),
});

export const actionInput = z.object({
  description: requiredText(500),
  ownerOrganisationId: idSchema.nullable().default(null),
  dueOn: dateSchema,
});

export const actionReviewInput = z
  .object({
    actionId: idSchema,
    version: versionSchema,
    status: z.enum(["done", "continued", "dropped"], "choose_option"),
    dropReason: longText(1000),
  })
  .refine((a) => a.status !== "dropped" || a.dropReason.length > 0, {
    path: ["dropReason"],
    message: "drop_reason_required",
  });

/* ---------------------------------------------------------------- cases */

/**
 * Free text about a case, guarded against personal identifiers (docs/DOMAIN.md "The identifier guard"; "No personal
 * identifiers in case data"): a BSN, an e-mail address, a phone number or a postcode with a
 * house number is refused with a message saying what to remove.
 */
export const caseText = (max = 2000) =>
  longText(max).superRefine((text, ctx) => {
    // A text over its length is refused as too long, and not read further: the guard's time
    // grows with the text, and anyone may send one (the personal-link form).
    if (text.length > max) return;
    const kinds = new Set(findPersonalIdentifiers(text).map((m) => m.kind));
    for (const kind of kinds) ctx.addIssue({ code: "custom", message: `identifier_${kind}` });
  });

const rating = z.number().int().min(1).max(5);

export const caseFieldsInput = z.object({
  internalReference: caseText(100),
  ageBand: z.enum(ageBands, "choose_option"),
  schoolType: z.enum(schoolTypes, "choose_option"),
  problemDomains: z
    .array(z.enum(problemDomains, "choose_option"))
    .max(problemDomains.length)
    .default([]),
  jointPlan: z.boolean().default(false),
  jointPlanSince: dateSchema.nullable().default(null),
  /** How often a check-in is held, in weeks (domain/cadence.ts); null: no rhythm. */
  checkInEveryWeeks: z.number("choose_option").int().min(1).max(52).nullable().default(null),
});

export const caseGoalInput = z.object({
  description: caseText(500).pipe(z.string().min(1)),
  levelMinus2: caseText(300).pipe(z.string().min(1)),
  levelMinus1: caseText(300).pipe(z.string().min(1)),
  level0: caseText(300).pipe(z.string().min(1)),
  levelPlus1: caseText(300).pipe(z.string().min(1)),
  levelPlus2: caseText(300).pipe(z.string().min(1)),
  weight: z.number().int().min(1).max(10).default(1),
});

export const perspectiveRatingInput = z.object({
  perspective: z.enum(casePerspectives, "choose_option"),
  collaboration: rating,
  wellbeing: rating,
  comment: caseText(1000),
});

const checkInFields = z.object({
  heldOn: dateSchema,
  professionalChanges: z.number().int().min(0).max(20).default(0),
  ratings: z.array(perspectiveRatingInput).max(4).default([]),
  referrals: z
    .array(
      z.object({
        kind: z.enum(referralKinds, "choose_option"),
        judgement: z.enum(referralJudgements, "choose_option"),
      }),
    )
    .max(10)
    .default([]),
  gasScores: z
    .array(z.object({ caseGoalId: idSchema, score: z.number().int().min(-2).max(2) }))
    .max(20)
    .refine((s) => new Set(s.map((x) => x.caseGoalId)).size === s.length, "duplicate_goal")
    .default([]),
});

function onePerPerspective(c: { ratings: { perspective: string }[] }, ctx: z.RefinementCtx) {
  const seen = new Set(c.ratings.map((r) => r.perspective));
  if (seen.size !== c.ratings.length)
    ctx.addIssue({ code: "custom", path: ["ratings"], message: "duplicate_perspective" });
}

export const checkInInput = checkInFields
  .extend({
    /** Generated by the form once: a retried submission returns the first check-in. */
    clientRequestId: z.uuid(),
  })
  .superRefine(onePerPerspective);

/** A correction of a check-in: the same fields, naming the version that was read. */
export const checkInEditInput = checkInFields
  .extend({ checkInId: idSchema, version: versionSchema })
  .superRefine(onePerPerspective);

export const closeCaseInput = z.object({
  closedOn: dateSchema,
  ending: z.enum(caseEndings, "choose_option"),
  continuesWithoutHelp: z.boolean().nullable().default(null),
  goalsRealised: z.enum(goalRealisations, "choose_option").nullable().default(null),
  satisfactionParent: rating.nullable().default(null),
  satisfactionYoungPerson: rating.nullable().default(null),
});

export const voiceAnswerInput = z.object({
  token: z.string().min(20).max(200),
  collaboration: rating,
  wellbeing: rating,
  comment: caseText(1000),
});

/* ---------------------------------------------------------------- what works */

/**
 * A "wat werkt" entry: a few lines on what worked for one factor, guarded like case text (no
 * identifiers, no names: it may be shared with other partnerships).
 */
export const practiceInput = z.object({
  factorId: z
    .string()
    .refine((id) => currentInstrument.levels.some((l) => l.factors.some((f) => f.id === id)), {
      message: "choose_option",
    }),
  text: caseText(600).refine((t) => t.length > 0, { message: "required" }),
  schoolType: z.enum(schoolTypes, "choose_option").nullable(),
  shared: z.boolean(),
  reach: z.enum(["municipality", "national"], "choose_option"),
  showName: z.boolean(),
});

/** A participant's own scores in a scoring round: every factor once, 1–5 or null (weet niet). */
export const roundScoresInput = z.object({
  scores: scoresInput.shape.scores,
});
