/**
 * What one request to the API may hold, shared by the browser's client (app/_trpc/client.tsx
 * batches no more) and the server's route handlers (server/http-limits.ts refuses more).
 */

/**
 * How long a session lasts at most, however often it is used: next-auth renews the token on
 * use, so without this a copy kept in use would never end. Also how long a signed-out
 * session's id, and its last use, are kept: no token carrying it can outlive that.
 */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

/** No form of the product sends more; a larger body is refused unread (413). */
export const MAX_BODY_BYTES = 1_048_576;
/**
 * The largest partnership document an import takes (/admin/transfer/import): a partnership of
 * 2,000 cases with their check-ins and audit log is some tens of MB.
 */
export const MAX_TRANSFER_BYTES = 200 * 1_048_576;
/** Procedures in one tRPC batch; more are answered 400. */
export const MAX_BATCH = 10;
