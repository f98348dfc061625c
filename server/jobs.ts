/**
 * The reminder job on a Postgres-backed job runner (pg-boss, in the app's own database, schema
 * `pgboss`): scheduled every 15 minutes; pg-boss runs a schedule once across all app
 * instances, and the outbox's dedupe keys keep a rerun or a second instance from mailing an
 * event twice anyway (server/mail/reminders.ts). pg-boss speaks to the database through the
 * app's own client (postgres.js, or PGlite in the embedded demo), so it needs no second pool.
 */
import PgBoss from "pg-boss";
import type { Db } from "@/db/types";
import { today } from "@/domain/dates";
import { env } from "@/env";
import { deliverOutbox } from "./mail/outbox";
import { queueReminders } from "./mail/reminders";

const QUEUE = "reminders";

type Unsafe = (text: string, values: unknown[]) => Promise<unknown[]>;
type RawClient = {
  unsafe?: Unsafe;
  reserve?: () => Promise<{ unsafe: Unsafe; release: () => void }>;
  query?: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>;
  exec?: (text: string) => Promise<{ rows: unknown[] }[]>;
};

/** pg-boss's database interface over the app's client. */
function bossDatabase(db: Db): PgBoss.Db {
  const client = (db as unknown as { $client: RawClient }).$client;
  return {
    async executeSql(text, values = []) {
      // postgres.js: pg-boss's schema scripts hold their own BEGIN … COMMIT, which must run on
      // one connection of their own.
      if (client.reserve && values.length === 0 && /\bbegin\b/i.test(text)) {
        const connection = await client.reserve();
        try {
          return { rows: await connection.unsafe(text, []) };
        } catch (error) {
          // A script that failed inside its BEGIN leaves the connection in an aborted
          // transaction: rolled back before it returns to the pool, or every later query on it fails.
          await connection.unsafe("rollback", []).catch(() => {});
          throw error;
        } finally {
          connection.release();
        }
      }
      // pg (which pg-boss is written for) sends objects as JSON and undefined as null.
      const params = values.map((v) =>
        v === undefined
          ? null
          : v !== null && typeof v === "object" && !(v instanceof Date) && !Array.isArray(v)
            ? JSON.stringify(v)
            : v,
      );
      if (client.unsafe) return { rows: await client.unsafe(text, params) };
      // PGlite: statements with parameters one at a time; pg-boss's schema scripts at once.
      if (values.length === 0 && client.exec) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      if (!client.query) throw new Error("no database client for the job runner");
      return client.query(text, values);
    },
  };
}

/** Queues the reminders due today and delivers the outbox. */
export async function runReminders(db: Db, now = new Date()) {
  const queued = await queueReminders(db, today(now));
  const sent = await deliverOutbox(db);
  return { queued, sent };
}

const globalForJobs = globalThis as unknown as { __smoBoss?: PgBoss };

/**
 * Starts the job runner, trying again a few times when it cannot (another instance installing
 * pg-boss's schema at the same moment, the database not there yet); the server runs on meanwhile.
 */
export function startJobsInBackground(db: Db, tries = 5) {
  startJobs(db).catch((error) => {
    console.error("[jobs] not started", error instanceof Error ? error.message : error);
    if (tries > 1) setTimeout(() => startJobsInBackground(db, tries - 1), 15_000).unref();
  });
}

/** Starts the job runner once per process (not when JOBS=false, unless `force`: tests). */
export async function startJobs(db: Db, options: { force?: boolean } = {}) {
  if ((env.JOBS === "false" && !options.force) || globalForJobs.__smoBoss)
    return globalForJobs.__smoBoss;
  const boss = new PgBoss({ db: bossDatabase(db), schema: "pgboss" });
  boss.on("error", (error) => console.error("[jobs]", error));
  try {
    await boss.start();
    await boss.createQueue(QUEUE);
    await boss.schedule(QUEUE, "*/15 * * * *", {}, { tz: "Europe/Amsterdam" });
    await boss.work(QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      const done = await runReminders(db);
      if (done.queued || done.sent) console.info("[jobs] reminders", done);
    });
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }
  globalForJobs.__smoBoss = boss;
  return boss;
}

/** Stops the job runner (tests; a server stops with its process). */
export async function stopJobs() {
  const boss = globalForJobs.__smoBoss;
  globalForJobs.__smoBoss = undefined;
  await boss?.stop({ graceful: false, wait: true });
}
