/**
 * Create requests made once: a form sends a client request id with each submission, and a
 * retried or doubled one gets the record the first made instead of a second (docs/ARCHITECTURE.md "Concurrency, and nothing is lost").
 */
import { eq } from "drizzle-orm";
import { requestKeys } from "../schema";
import type { DbOrTx } from "../types";

/** A request id that was already used for something else, or by someone else. */
export class RequestKeyReusedError extends Error {
  constructor() {
    super("client request id reused");
    this.name = "RequestKeyReusedError";
  }
}

/**
 * Runs `create` once per `key` (inside the caller's transaction). A second call with the same
 * key waits for the first to commit and returns what it made, read back with `load`. Without a
 * key (an old client, a script) it simply creates.
 */
export async function once<Row extends { id: string }>(
  tx: DbOrTx,
  request: { key: string | undefined; userId: string; entity: string },
  create: () => Promise<Row>,
  load: (id: string) => Promise<Row | undefined>,
): Promise<Row> {
  if (!request.key) return create();
  const [claimed] = await tx
    .insert(requestKeys)
    .values({ key: request.key, userId: request.userId, entity: request.entity })
    .onConflictDoNothing()
    .returning();
  if (!claimed) {
    const [earlier] = await tx.select().from(requestKeys).where(eq(requestKeys.key, request.key));
    if (
      !earlier?.entityId ||
      earlier.userId !== request.userId ||
      earlier.entity !== request.entity
    )
      throw new RequestKeyReusedError();
    const row = await load(earlier.entityId);
    if (!row) throw new RequestKeyReusedError();
    return row;
  }
  const row = await create();
  await tx.update(requestKeys).set({ entityId: row.id }).where(eq(requestKeys.key, request.key));
  return row;
}
