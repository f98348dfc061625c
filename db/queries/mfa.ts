/** The second factor's rows (db/schema/people.ts userMfa, recoveryCodes). */
import { and, count, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { recoveryCodes, userMfa, users } from "../schema";
import type { DbOrTx } from "../types";

/** The user's second factor; `forUpdate` holds the row until the transaction ends. */
export async function getMfa(db: DbOrTx, userId: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(userMfa).where(eq(userMfa.userId, userId));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

/** Whether the user signs in with a second factor. */
export async function hasSecondFactor(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(userMfa)
    .where(and(eq(userMfa.userId, userId), isNotNull(userMfa.secret)));
  return (row?.n ?? 0) > 0;
}

/** Starts (or restarts) setting up: the secret waits for a code that confirms it. */
export async function setPendingSecret(db: DbOrTx, userId: string, secret: string) {
  await db
    .insert(userMfa)
    .values({ userId, pendingSecret: secret })
    .onConflictDoUpdate({ target: userMfa.userId, set: { pendingSecret: secret } });
}

/**
 * The pending secret becomes the user's, with fresh recovery codes (their hashes), set up by
 * the session `sessionId` (the one session from before that goes on, db/queries/users.ts).
 */
export async function confirmSecret(
  db: DbOrTx,
  userId: string,
  values: { secret: string; step: number; sessionId: string | null },
  codeHashes: string[],
) {
  await db
    .update(userMfa)
    .set({
      secret: values.secret,
      pendingSecret: null,
      enabledAt: new Date(),
      lastStep: values.step,
      enrolledSessionId: values.sessionId,
    })
    .where(eq(userMfa.userId, userId));
  await replaceRecoveryCodes(db, userId, codeHashes);
}

/** New recovery codes instead of the old ones; the factor itself stays as it is. */
export async function replaceRecoveryCodes(db: DbOrTx, userId: string, codeHashes: string[]) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/**
 * Takes a time step as used, if it is later than the last one: false when another request
 * already took this step or a later one (the code was used before).
 */
export async function takeStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  const taken = await db
    .update(userMfa)
    .set({ lastStep: step })
    .where(
      and(eq(userMfa.userId, userId), or(isNull(userMfa.lastStep), lt(userMfa.lastStep, step))),
    )
    .returning({ userId: userMfa.userId });
  return taken.length > 0;
}

/** Uses up a recovery code: false when it is not one of the user's or was used before. */
export async function takeRecoveryCode(
  db: DbOrTx,
  userId: string,
  codeHash: string,
): Promise<boolean> {
  const taken = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return taken.length > 0;
}

export async function unusedRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/**
 * Removes the second factor and its recovery codes; whether there was one. `endSessions`: every
 * session of the user ends too (their session key changes, server/passwords.ts sessionKey).
 */
export async function removeSecondFactor(
  db: DbOrTx,
  userId: string,
  options: { endSessions?: boolean } = {},
): Promise<boolean> {
  if (options.endSessions)
    await db
      .update(users)
      .set({ sessionGeneration: sql`${users.sessionGeneration} + 1` })
      .where(eq(users.id, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const removed = await db
    .delete(userMfa)
    .where(eq(userMfa.userId, userId))
    .returning({ secret: userMfa.secret });
  return removed.some((r) => r.secret !== null);
}
