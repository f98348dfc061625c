/**
 * Retention: login attempts, personal-link attempts and create-request keys are kept
 * RETENTION_DAYS (default 90) and then purged; a revoked session once its token has expired.
 * Runs in every app instance every six hours (a transaction-scoped advisory lock lets one purge
 * at a time; purging twice deletes nothing more), or from cron with `npm run purge`. A purge that
 * removed anything is itself written to the audit log. It also makes the audit log's monthly
 * partitions for the months ahead.
 */
import { sql } from "drizzle-orm";
import { writeAudit } from "@/db/queries/audit";
import { addAuditMonths, deleteExpired } from "@/db/queries/retention";
import type { Db } from "@/db/types";
import { env } from "@/env";

const RETENTION_LOCK_KEY = 7_291_005;

export async function purgeExpired(db: Db, now = new Date(), days = env.RETENTION_DAYS) {
  const before = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${RETENTION_LOCK_KEY})`);
    const purged = await deleteExpired(tx, before, now);
    // The same job keeps the audit log's months ahead made (its partitions, migration 0020).
    await addAuditMonths(tx, now);
    if (Object.values(purged).some((n) => n > 0))
      await writeAudit(tx, {
        actorUserId: null,
        action: "purge",
        entity: "retention",
        entityId: before.toISOString(),
        after: { olderThanDays: days, ...purged },
      });
    return purged;
  });
}

const globalForJob = globalThis as unknown as {
  __smoRetentionJob?: ReturnType<typeof setInterval>;
};

/** Purges a minute after start, then every six hours. */
export function startRetentionJob(db: Db, everyMs = 6 * 60 * 60 * 1000) {
  if (globalForJob.__smoRetentionJob) return;
  const run = () =>
    purgeExpired(db).then(
      (purged) => {
        if (Object.values(purged).some((n) => n > 0)) console.info("[retention] purged", purged);
      },
      (error) => console.error("[retention]", error),
    );
  setTimeout(run, 60_000).unref();
  globalForJob.__smoRetentionJob = setInterval(run, everyMs);
  globalForJob.__smoRetentionJob.unref();
}
