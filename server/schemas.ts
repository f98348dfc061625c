/**
 * Named input schemas, declared once: the procedures validate with them and the forms take
 * their types and options from them. Messages are keys of `validation.*` in messages/, turned
 * into the user's language (with the field's label) by the error formatter in server/trpc.ts.
 */
import { z } from "zod";
import {
  collaborationForms,
  effectKinds,
  goalAssessments,
  goalDirections,
  goalVerdicts,
  municipalitySharings,
  organisationTypes,
  partnershipRoles,
  reflectionCadences,
  sectors,
} from "./domain/vocabulary";

// A missing value reads "required", not "expected string, received undefined".
z.config({
  customError: (issue) =>
    issue.code === "invalid_type" && (issue.input === undefined || issue.input === null)
      ? "required"
      : undefined,
});

/** Text Postgres can store: no NUL characters (pasted binary would otherwise fail the write). */
const storable = (schema: z.ZodString) => schema.refine((s) => !s.includes("\u0000"), "invalid");

/** Required single-line text, trimmed. */
export const requiredText = (max = 200) => storable(z.string().trim().min(1).max(max));
/** Optional longer text, trimmed, empty allowed. */
export const longText = (max = 4000) => storable(z.string().trim().max(max)).default("");
/** A search term, trimmed; optional. */
export const searchText = storable(z.string().trim().max(100)).optional();

export const idSchema = z.uuid("invalid_id");
/** Row versions are Postgres integers. */
export const versionSchema = z.number().int().positive().max(2_147_483_647);

export const pageInput = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
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

export const passwordSchema = z.string().min(10, "password_length").max(200);

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
  active: z.boolean(),
  /** Empty keeps the current password. */
  password: z.union([z.literal(""), passwordSchema]).default(""),
});

/* ---------------------------------------------------------------- goals */
/** A calendar date as YYYY-MM-DD (the form's date input gives exactly this). */
export const dateSchema = z.iso.date("date");
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

export const sessionHeaderInput = z.object({
  heldOn: dateSchema,
  whatWorks: longText(),
  whatDoesNot: longText(),
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
    .max(100),
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
