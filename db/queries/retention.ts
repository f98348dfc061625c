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
 * The audit log's monthly partitions for this month and the next three, where not there yet
 * (migration 0020); how many were made.
 */
export async function addAuditMonths(db: DbOrTx, now: Date): Promise<number> {
  const month = `${now.toISOString().slice(0, 7)}-01`;
  const result = await db.execute(sql`select audit_log_add_months(${month}::date, 4) as made`);
  const rows = Array.isArray(result) ? result : ((result as { rows: unknown[] }).rows ?? []);
  return Number((rows[0] as { made?: number } | undefined)?.made ?? 0);
}
