/**
 * Named input schemas, declared once: the procedures validate with them and the forms take
 * their types and options from them. Messages are keys of `validation.*` in messages/, turned
 * into the user's language (with the field's label) by the error formatter in server/trpc.ts.
 */
import { z } from "zod";
import {
  collaborationForms,
  municipalitySharings,
  organisationTypes,
  partnershipRoles,
  reflectionCadences,
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
