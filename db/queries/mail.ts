/** The mail outbox and the opt-outs (db/schema/mail.ts). */
import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { mailOptOuts, mailOutbox } from "../schema";
import type { DbOrTx } from "../types";

export type QueuedMail = typeof mailOutbox.$inferInsert;

/** Queues mails; one per dedupe key, whoever queues it first. Returns how many were new. */
export async function queueMails(db: DbOrTx, mails: QueuedMail[]) {
  if (mails.length === 0) return 0;
  const rows = await db
    .insert(mailOutbox)
    .values(mails)
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return rows.length;
}

/**
 * Takes up to `limit` unsent mails for delivery: not taken by another delivery in the last
 * `staleMinutes` (one that crashed mid-send gives its rows back after that).
 */
export async function claimMails(db: DbOrTx, limit: number, staleMinutes = 10) {
  const stale = new Date(Date.now() - staleMinutes * 60_000);
  return db.transaction(async (tx) => {
    const free = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(
          isNull(mailOutbox.sentAt),
          or(isNull(mailOutbox.claimedAt), lt(mailOutbox.claimedAt, stale)),
          lt(mailOutbox.attempts, 5),
        ),
      )
      .orderBy(mailOutbox.createdAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (free.length === 0) return [];
    return tx
      .update(mailOutbox)
      .set({ claimedAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1` })
      .where(
        inArray(
          mailOutbox.id,
          free.map((f) => f.id),
        ),
      )
      .returning();
  });
}

export async function markSent(db: DbOrTx, id: string) {
  await db
    .update(mailOutbox)
    .set({ sentAt: new Date(), lastError: null })
    .where(eq(mailOutbox.id, id));
}

export async function markFailed(db: DbOrTx, id: string, error: string) {
  await db
    .update(mailOutbox)
    .set({ claimedAt: null, lastError: error.slice(0, 500) })
    .where(eq(mailOutbox.id, id));
}

export function listOutbox(db: DbOrTx, page: { limit: number; offset: number }) {
  return db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      toEmail: mailOutbox.toEmail,
      subject: mailOutbox.subject,
      body: mailOutbox.body,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
      lastError: mailOutbox.lastError,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countOutbox(db: DbOrTx) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox);
  return row?.n ?? 0;
}

export async function listOptOuts(db: DbOrTx, userId: string) {
  const rows = await db
    .select({ kind: mailOptOuts.kind })
    .from(mailOptOuts)
    .where(eq(mailOptOuts.userId, userId));
  return rows.map((r) => r.kind);
}

export async function setOptOut(db: DbOrTx, userId: string, kind: string, optedOut: boolean) {
  if (optedOut) await db.insert(mailOptOuts).values({ userId, kind }).onConflictDoNothing();
  else
    await db
      .delete(mailOptOuts)
      .where(and(eq(mailOptOuts.userId, userId), eq(mailOptOuts.kind, kind)));
}
