/** Purging what is kept only for a while: attempts, request keys, expired revocations. */
import { lt, sql } from "drizzle-orm";
import { SESSION_ABSOLUTE_SECONDS } from "@/domain/limits";
import {
  loginAttempts,
  requestKeys,
  revokedSessions,
  sessionActivity,
  voiceAttempts,
} from "../schema";
import type { DbOrTx } from "../types";
import { rowsOf } from "./rows";

/** Deletes what is older than `before` (revocations past their token's expiry); the counts. */
export async function deleteExpired(db: DbOrTx, before: Date, now: Date) {
  // A session's last use matters only while its token can live.
  const lastUseBefore = new Date(now.getTime() - SESSION_ABSOLUTE_SECONDS * 1000);
  const [logins, links, requests, revocations, activity] = await Promise.all([
    db
      .delete(loginAttempts)
      .where(lt(loginAttempts.at, before))
      .returning({ id: loginAttempts.id }),
    db
      .delete(voiceAttempts)
      .where(lt(voiceAttempts.at, before))
      .returning({ id: voiceAttempts.id }),
    db.delete(requestKeys).where(lt(requestKeys.at, before)).returning({ key: requestKeys.key }),
    db
      .delete(revokedSessions)
      .where(lt(revokedSessions.expiresAt, now))
      .returning({ id: revokedSessions.sessionId }),
    db
      .delete(sessionActivity)
      .where(lt(sessionActivity.seenAt, lastUseBefore))
      .returning({ id: sessionActivity.sessionId }),
  ]);
  return {
    loginAttempts: logins.length,
    linkAttempts: links.length,
    requestKeys: requests.length,
    revokedSessions: revocations.length,
    sessionActivity: activity.length,
  };
}

/**
 * The audit log's monthly partitions from the month of `from` to that of `to` (UTC), where not
 * there yet (migration 0020); how many were made.
 */
export async function addAuditMonthsBetween(db: DbOrTx, from: Date, to: Date): Promise<number> {
  const months =
    (to.getUTCFullYear() - from.getUTCFullYear()) * 12 +
    (to.getUTCMonth() - from.getUTCMonth()) +
    1;
  const first = `${from.toISOString().slice(0, 7)}-01`;
  const [row] = rowsOf<{ made: number }>(
    await db.execute(
      sql`select audit_log_add_months(${first}::date, ${Math.max(1, months)}) as made`,
    ),
  );
  return Number(row?.made ?? 0);
}

/** This month's partition and the next three's (the retention job keeps them made). */
export function addAuditMonths(db: DbOrTx, now: Date): Promise<number> {
  const inThree = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 3, 1));
  return addAuditMonthsBetween(db, now, inThree);
}
