/**
 * Errors users can act on. A procedure throws `appError(code, key, { field })`; the formatter
 * in server/trpc.ts turns the key into the user's language and, with a field, into a message
 * beside that field. Database constraint violations map to the same shape.
 */

import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { RecordNotFoundError, uniqueConstraintFields, VersionConflictError } from "@/db/errors";
import { RequestKeyReusedError } from "@/db/queries/requests";

export class AppErrorCause extends Error {
  constructor(
    readonly key: string,
    readonly field?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(key);
    this.name = "AppErrorCause";
  }
}

export function appError(
  code: TRPC_ERROR_CODE_KEY,
  key: string,
  options: { field?: string; params?: Record<string, string | number> } = {},
): TRPCError {
  return new TRPCError({
    code,
    message: key,
    cause: new AppErrorCause(key, options.field, options.params),
  });
}

export const notFound = () => appError("NOT_FOUND", "errors.not_found");
export const conflict = () => appError("CONFLICT", "errors.conflict");

/** The Postgres error behind a driver or drizzle wrapper, if any. */
function pgError(error: unknown): { code?: string; constraint?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: unknown; constraint?: string; constraint_name?: string };
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: e.constraint ?? e.constraint_name };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Driver codes of a connection that failed, was refused or broke off (postgres.js, Node). */
const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/**
 * Whether the database could not be reached or went away mid-query: a refused or broken
 * connection, or Postgres saying it is shutting down, starting up, or out of connections
 * (SQLSTATE class 08, 57P01–57P03, 53300). Retrying later is the answer.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") {
      if (connectionCodes.has(code)) return true;
      if (/^08[0-9A-Z]{3}$/.test(code) || ["57P01", "57P02", "57P03", "53300"].includes(code))
        return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The database is away: 503, in the user's language, saying to try again (nothing doubles). */
export const databaseUnavailable = () =>
  appError("SERVICE_UNAVAILABLE", "errors.database_unavailable");

/**
 * How long a request may wait (for the database, mostly) before it is answered 503. A database
 * that went away can leave a query waiting on a connection that will never answer; the person
 * is told to try again instead of waiting. The work itself may still finish, which is why every
 * write carries a request id or a version: a retry is not stored twice.
 */
export const REQUEST_DEADLINE_MS = 15_000;

export async function withinDeadline<T>(work: Promise<T>, ms = REQUEST_DEADLINE_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(databaseUnavailable()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Query outcomes users can act on, as API errors: a stale version is a CONFLICT, a missing
 * row NOT_FOUND, and a unique violation a CONFLICT naming the field the constraint guards,
 * so a retried create is answered "already exists" instead of a duplicate or a 500.
 */
export function toUserError(error: unknown): TRPCError | undefined {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof VersionConflictError) return conflict();
  if (cause instanceof RecordNotFoundError) return notFound();
  if (cause instanceof RequestKeyReusedError) return appError("CONFLICT", "errors.already_exists");
  if (isDatabaseUnavailable(cause)) return databaseUnavailable();
  const pg = pgError(cause);
  if (pg?.code === "23505") {
    const known = pg.constraint ? uniqueConstraintFields[pg.constraint] : undefined;
    return appError("CONFLICT", `errors.${known?.message ?? "already_exists"}`, {
      field: known?.field,
    });
  }
  if (pg?.code === "23503") return appError("NOT_FOUND", "errors.reference_not_found");
  // Backstop for input the schemas should already have refused (a value Postgres cannot
  // store or compare): the user's request, not our server, is at fault.
  if (pg?.code && ["21000", "22007", "22008", "22P05", "22001", "22003"].includes(pg.code))
    return appError("BAD_REQUEST", "errors.code.BAD_REQUEST");
  return undefined;
}
