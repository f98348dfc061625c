/**
 * tRPC setup in one place.
 * 1. Context: the database, the session user with their memberships, and the locale.
 * 2. Initialisation, with an error formatter that speaks the user's language and names fields.
 * 3. The procedure chain: public → authed → partnership (a capability) / scope / admin.
 *    Access follows from the session's memberships and the one permission table
 *    (domain/permissions.ts); an id in the input only says which record is meant, never
 *    whether the caller may see it.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { partnershipStanding } from "@/db/queries/partnerships";
import { scopePlace } from "@/db/queries/places";
import { loadSessionUser, type SessionUser, touchIdleSession } from "@/db/queries/users";
import type { Db } from "@/db/types";
import { SESSION_ABSOLUTE_SECONDS } from "@/domain/limits";
import {
  type Access,
  can,
  capabilitiesOf,
  looksAcross,
  NATION_ID,
  type PartnershipCapability,
  reachesScope,
  refusalFor,
  type Scope,
  type Standing,
  shownRole,
} from "@/domain/permissions";
import { idSchema } from "@/domain/schemas";
import { env, mfaRequired } from "@/env";
import { defaultLocale, type Locale } from "@/i18n/locales";
import { AppErrorCause, toUserError, withinDeadline } from "./errors";
import { serverTranslator } from "./i18n";
import { sessionKey } from "./passwords";

/* ------------------------------------------------------------------ 1. Context */

export type Context = {
  db: Db;
  user: SessionUser | null;
  locale: Locale;
  /** The client's address (first X-Forwarded-For entry), for rate limits on public procedures. */
  ip: string;
  /**
   * The user must set up a second factor before anything else (MFA_REQUIRED, an admin or
   * analyst without one): only the procedures for that answer.
   */
  secondFactorPending: boolean;
  /** The user must sign in with a second factor (MFA_REQUIRED, an admin or analyst). */
  secondFactorRequired: boolean;
  /** The session's own id (null for a context a test or job builds). */
  sessionId: string | null;
};

/** Builds a context for a user id (from the session, or from a test). */
export async function createContext(opts: {
  db: Db;
  userId: string | null | undefined;
  /**
   * From a signed-in session: the key of the password it was opened with (sessionKey). A
   * session whose key no longer matches (the password changed) is signed out. Tests that
   * build a context for a user id directly leave it out.
   */
  sessionKey?: string | null;
  /** From a signed-in session: its own id, refused once that session signed out. */
  sessionId?: string | null;
  locale?: Locale;
  ip?: string;
  /** Overrides SESSION_IDLE_MINUTES (tests). */
  idleMinutes?: number;
  /** Overrides MFA_REQUIRED (tests). */
  mfaRequired?: boolean;
  /** The session was opened through an organisation that used a second factor (server/oidc.ts). */
  providerMfa?: boolean;
  /** When the session was signed in (seconds since 1970), from its token. */
  signedInAt?: number | null;
}): Promise<Context> {
  const { sessionKey: key } = opts;
  const stillValid =
    key === undefined
      ? undefined
      : (passwordHash: string, generation: number) => key === sessionKey(passwordHash, generation);
  let user = opts.userId
    ? await loadSessionUser(opts.db, opts.userId, {
        stillValid,
        sessionId: opts.sessionId,
        signedInAt: opts.signedInAt,
      })
    : null;
  // An admin's or analyst's session ends when left idle (SESSION_IDLE_MINUTES): they see what
  // many partnerships hold, and a screen left open should not go on showing it.
  const idleMinutes = opts.idleMinutes ?? env.SESSION_IDLE_MINUTES;
  if (user && opts.sessionId && idleMinutes > 0 && looksAcross(user)) {
    const state = await touchIdleSession(
      opts.db,
      { sessionId: opts.sessionId, userId: user.id },
      idleMinutes * 60_000,
      new Date(Date.now() + SESSION_ABSOLUTE_SECONDS * 1000),
    );
    if (state === "idle") user = null;
  }
  const secondFactorRequired = Boolean(
    user && (opts.mfaRequired ?? mfaRequired) && looksAcross(user),
  );
  return {
    db: opts.db,
    user,
    locale: opts.locale ?? defaultLocale,
    ip: opts.ip ?? "unknown",
    sessionId: opts.sessionId ?? null,
    secondFactorRequired,
    secondFactorPending: secondFactorRequired && !user?.secondFactor && !opts.providerMfa,
  };
}

/* ------------------------------------------------------------------ 2. Initialisation */

export type FieldErrors = Record<string, string>;

function fieldLabel(path: PropertyKey[], has: (k: string) => boolean, t: (k: string) => string) {
  const name = [...path].reverse().find((p) => typeof p === "string") as string | undefined;
  return name && has(`fields.${name}`) ? t(`fields.${name}`) : (name ?? "");
}

/** One zod issue as a sentence in the user's language. */
function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  const { t, has } = serverTranslator(locale);
  if (has(`validation.${issue.message}`)) return t(`validation.${issue.message}`);
  const i = issue as z.core.$ZodIssue & {
    minimum?: number | bigint;
    maximum?: number | bigint;
    origin?: string;
  };
  switch (issue.code) {
    case "too_small":
      if (i.origin === "string")
        return Number(i.minimum) <= 1
          ? t("validation.required")
          : t("validation.too_short", { min: Number(i.minimum) });
      if (i.origin === "array") return t("validation.too_few", { min: Number(i.minimum) });
      return t("validation.too_small", { min: Number(i.minimum) });
    case "too_big":
      if (i.origin === "string") return t("validation.too_long", { max: Number(i.maximum) });
      if (i.origin === "array") return t("validation.too_many", { max: Number(i.maximum) });
      return t("validation.too_big", { max: Number(i.maximum) });
    case "invalid_value":
      return t("validation.choose_option");
    case "invalid_type":
      return t("validation.invalid_type");
    default:
      return t("validation.invalid");
  }
}

/** Field path → message, and a summary naming the fields, from a ZodError. */
export function zodFieldErrors(error: ZodError, locale: Locale): FieldErrors {
  const { t, has } = serverTranslator(locale);
  // Everything wrong with one field at once (a BSN and a phone number in one note), not one
  // per attempt; each part said once, a shared tail ("schrijf geen persoonsgegevens op") last.
  const byField = new Map<string, { label: string; parts: string[] }>();
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    const field = byField.get(key) ?? { label: fieldLabel(issue.path, has, t), parts: [] };
    field.parts.push(...issueMessage(issue, locale).split("; "));
    byField.set(key, field);
  }
  const fieldErrors: FieldErrors = {};
  for (const [key, { label, parts }] of byField) {
    const message = parts.filter((p, i) => parts.lastIndexOf(p) === i).join("; ");
    fieldErrors[key] = label ? `${label}: ${message}` : message;
  }
  return fieldErrors;
}

/** What every procedure declares: who may call it (domain/permissions.ts). */
export type Meta = {
  access: Access;
  /** A procedure that may rightly take longer than REQUEST_DEADLINE_MS (an erasure). */
  deadlineMs?: number;
};

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const locale = ctx?.locale ?? defaultLocale;
      const { t: translate, has } = serverTranslator(locale);
      let message = shape.message;
      let fieldErrors: FieldErrors | null = null;
      if (error.cause instanceof ZodError) {
        fieldErrors = zodFieldErrors(error.cause, locale);
        message = translate("errors.invalid_input", {
          fields: Object.values(fieldErrors).join("; "),
        });
      } else if (error.cause instanceof AppErrorCause) {
        message = translate(error.cause.key, error.cause.params);
        if (error.cause.field) {
          const label = has(`fields.${error.cause.field}`)
            ? translate(`fields.${error.cause.field}`)
            : "";
          fieldErrors = { [error.cause.field]: label ? `${label}: ${message}` : message };
        }
      } else if (error.code === "INTERNAL_SERVER_ERROR") {
        // Never show internals; the server log has the stack.
        console.error(error);
        message = translate("errors.internal");
      } else if (has(error.message)) {
        message = translate(error.message);
      } else if (has(`errors.code.${error.code}`)) {
        message = translate(`errors.code.${error.code}`);
      }
      return {
        ...shape,
        message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          fieldErrors,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/* ------------------------------------------------------------------ 3. Procedures */

/**
 * Every procedure: query outcomes (stale version, unique violation, a database that is away)
 * become user errors, and no call waits longer than REQUEST_DEADLINE_MS (server/errors.ts).
 */
export const publicProcedure = t.procedure
  .meta({ access: "public" })
  .use(async ({ next, meta }) => {
    const result = await withinDeadline(next(), meta?.deadlineMs);
    if (!result.ok) {
      const userError = toUserError(result.error);
      if (userError) throw userError;
    }
    return result;
  });

/**
 * A signed-in, active user — also one who must still set up their second factor: only for
 * what that takes (who they are, setting it up).
 */
export const signedInProcedure = publicProcedure
  .meta({ access: "signedIn" })
  .use(({ ctx, next }) => {
    if (!ctx.user)
      throw new TRPCError({ code: "UNAUTHORIZED", message: "errors.code.UNAUTHORIZED" });
    return next({ ctx: { ...ctx, user: ctx.user } });
  });

/** A signed-in, active user, with a second factor where one is required. */
export const authedProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.secondFactorPending)
    throw new TRPCError({ code: "FORBIDDEN", message: "errors.second_factor_required" });
  return next();
});

/** Only platform admins. */
export const adminProcedure = authedProcedure.meta({ access: "admin" }).use(({ ctx, next }) => {
  if (!ctx.user.isAdmin)
    throw new TRPCError({ code: "FORBIDDEN", message: "errors.code.FORBIDDEN" });
  return next();
});

/** The caller inside one partnership: how they stand, and so what they can (domain/permissions.ts). */
export type PartnershipAccess = {
  id: string;
  standing: Standing;
  /** The role shown beside the partnership's name. */
  role: ReturnType<typeof shownRole>;
  can: Record<PartnershipCapability, boolean>;
};

/** How the session's user stands to a partnership: membership, admin, analyst of its municipality. */
async function standingOf(
  db: Db,
  user: SessionUser,
  partnershipId: string,
): Promise<Standing | null> {
  // Memberships list live partnerships only; anyone else's access depends on the partnership
  // itself (does it exist, which municipality, what does it share), read here.
  const partnership =
    user.isAdmin || user.municipalities.length > 0
      ? await partnershipStanding(db, partnershipId)
      : undefined;
  return standingFrom(user, partnershipId, partnership);
}

/**
 * What the user is to a partnership, from their session and (for admins and municipality
 * analysts) the partnership's municipality and sharing choice; null when nothing at all.
 */
export function standingFrom(
  user: SessionUser,
  partnershipId: string,
  partnership: Pick<PartnershipStanding, "municipalityId" | "municipalitySharing"> | undefined,
): Standing | null {
  const membership = user.memberships.find((m) => m.partnershipId === partnershipId);
  const analyst =
    partnership && user.municipalities.some((m) => m.municipalityId === partnership.municipalityId);
  const standing: Standing = {
    role: membership?.role ?? null,
    admin: user.isAdmin && partnership !== undefined,
    analystSharing: analyst ? partnership.municipalitySharing : null,
  };
  return standing.role || standing.admin || standing.analystSharing ? standing : null;
}

type PartnershipStanding = NonNullable<Awaited<ReturnType<typeof partnershipStanding>>>;

/**
 * A procedure inside one partnership that needs `capability`. Who may not read the partnership
 * at all gets NOT_FOUND, so another partnership's existence does not leak; who may read it but
 * lacks the capability gets FORBIDDEN.
 */
export function partnershipProcedure(capability: PartnershipCapability) {
  return authedProcedure
    .meta({ access: capability })
    .input(z.object({ partnershipId: idSchema }))
    .use(async ({ ctx, input, next }) => {
      const standing = await standingOf(ctx.db, ctx.user, input.partnershipId);
      if (!standing || !can(standing, capability)) {
        const code = standing ? refusalFor(standing) : "NOT_FOUND";
        throw new TRPCError({
          code,
          message: code === "NOT_FOUND" ? "errors.not_found" : "errors.code.FORBIDDEN",
        });
      }
      const partnership: PartnershipAccess = {
        id: input.partnershipId,
        standing,
        role: shownRole(standing),
        can: capabilitiesOf(standing),
      };
      return next({ ctx: { ...ctx, partnership } });
    });
}

/** Which scope a procedure is about: a municipality or region by id, or the nation. */
export const scopeInput = z.discriminatedUnion("scopeKind", [
  z.object({ scopeKind: z.literal("municipality"), scopeId: idSchema }),
  z.object({ scopeKind: z.literal("region"), scopeId: idSchema }),
  z.object({ scopeKind: z.literal("nation"), scopeId: z.literal(NATION_ID) }),
]);

/**
 * A procedure about one scope (a municipality, a region, the nation), for those whose grants
 * reach it (domain/permissions.ts reachesScope) — admins, national analysts, the region's
 * analysts, the municipality's analysts. Anyone else gets NOT_FOUND, as for an unknown scope.
 */
export const scopeProcedure = authedProcedure
  .meta({ access: "scope" })
  .input(scopeInput)
  .use(async ({ ctx, input, next }) => {
    const scope: Scope = { kind: input.scopeKind, id: input.scopeId };
    const place =
      input.scopeKind === "nation"
        ? { live: true, regionId: undefined }
        : await scopePlace(ctx.db, { kind: input.scopeKind, id: input.scopeId });
    const grants = {
      admin: ctx.user.isAdmin,
      national: ctx.user.isNationalAnalyst,
      regionIds: ctx.user.regions.map((r) => r.regionId),
      municipalityIds: ctx.user.municipalities.map((m) => m.municipalityId),
    };
    if (!place?.live || !reachesScope(grants, scope, place.regionId))
      throw new TRPCError({ code: "NOT_FOUND", message: "errors.not_found" });
    return next({ ctx: { ...ctx, scope } });
  });
