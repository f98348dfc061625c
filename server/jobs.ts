/**
 * The reminder job on a Postgres-backed job runner (pg-boss, in the app's own database, schema
 * `pgboss`): scheduled every 15 minutes; pg-boss runs a schedule once across all app
 * instances, and the outbox's dedupe keys keep a rerun or a second instance from mailing an
 * event twice anyway (server/mail/reminders.ts). On a Postgres server pg-boss has a small pool
 * of its own (as the schema owner, who may create its schema), so it never takes the app's
 * connections, not even while the database is away; on the embedded database it speaks
 * through the one PGlite client.
 */
import PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import type { Db } from "@/db/types";
import { today } from "@/domain/dates";
import { env } from "@/env";
import { deliverOutbox } from "./mail/outbox";
import { queueReminders } from "./mail/reminders";

const QUEUE = "reminders";

type PgliteClient = {
  query: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>;
  exec: (text: string) => Promise<{ rows: unknown[] }[]>;
};

/** pg-boss's database interface over the embedded database's own client (PGlite). */
function pgliteDatabase(db: Db): PgBoss.Db {
  const client = (db as unknown as { $client: PgliteClient }).$client;
  return {
    async executeSql(text, values = []) {
      // Statements with parameters one at a time; pg-boss's schema scripts at once.
      if (values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
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
export function startJobsInBackground(database: Database, tries = 5) {
  startJobs(database).catch((error) => {
    console.error("[jobs] not started", error instanceof Error ? error.message : error);
    if (tries > 1) setTimeout(() => startJobsInBackground(database, tries - 1), 15_000).unref();
  });
}

/** Starts the job runner once per process (not when JOBS=false, unless `force`: tests). */
export async function startJobs(database: Database, options: { force?: boolean } = {}) {
  if ((env.JOBS === "false" && !options.force) || globalForJobs.__smoBoss)
    return globalForJobs.__smoBoss;
  const { db } = database;
  const boss = database.ownerUrl
    ? new PgBoss({ connectionString: database.ownerUrl, schema: "pgboss", max: 2 })
    : new PgBoss({ db: pgliteDatabase(db), schema: "pgboss" });
  // The message only: a connection error carries the whole client object with it.
  boss.on("error", (error) => {
    const code = (error as { code?: unknown }).code;
    console.error(
      "[jobs]",
      error instanceof Error ? error.message : error,
      code ? `(${code})` : "",
    );
  });
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
