/**
 * Node-only start-up work, imported by instrumentation.ts on the Node runtime only. Opening the
 * database here, once, keeps a single PGlite instance per process (docs/ARCHITECTURE.md).
 */
import { getDatabase } from "./db/client";
import { seedDemo } from "./db/seed/demo";
import { seedDemoOnStart } from "./env";
import { startJobsInBackground } from "./server/jobs";
import { hashPassword } from "./server/passwords";
import { startFiguresJob } from "./server/services/published-figures";
import { startRetentionJob } from "./server/services/retention";

export async function prepareServer() {
  const database = await getDatabase();
  const { db, kind } = database;
  console.info(`[db] ${kind} ready, migrations applied`);
  if (seedDemoOnStart && (await seedDemo(db, hashPassword)))
    console.info("[db] demo data seeded (see README for the accounts)");
  // Municipality, region and national figures: published now, and kept up to date.
  startFiguresJob(db);
  // Attempts and request keys are kept RETENTION_DAYS, then purged.
  startRetentionJob(db);
  // Reminders by mail (or to the outbox), on pg-boss in the same database.
  startJobsInBackground(database);
}
