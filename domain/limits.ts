/**
 * What one request to the API may hold, shared by the browser's client (app/_trpc/client.tsx
 * batches no more) and the server's route handlers (server/http-limits.ts refuses more).
 */

/** No form of the product sends more; a larger body is refused unread (413). */
export const MAX_BODY_BYTES = 1_048_576;
/** Procedures in one tRPC batch; more are answered 400. */
export const MAX_BATCH = 10;
