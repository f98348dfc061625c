/**
 * The database: a PostgreSQL server through postgres.js when DATABASE_URL is set, otherwise
 * embedded Postgres (PGlite) in DATA_DIR. Opened lazily, once per process (kept on globalThis
 * so dev reloads do not open a second instance), never at import time, and migrated on open.
 */
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { lockDataFolder } from "./pglite-lock";
import * as schema from "./schema";
import type { DatabaseKind, Db } from "./types";

export type Database = {
  db: Db;
  kind: DatabaseKind;
  close: () => Promise<void>;
  /** A Postgres server's schema-owner connection (its migration URL), for the job runner. */
  ownerUrl?: string;
};

const migrationsFolder = path.join(process.cwd(), "drizzle");
/** Any constant shared by all instances: serialises migrations of instances starting together. */
const MIGRATION_LOCK_KEY = 7_291_004;

/** Opens embedded Postgres in `folder` (or in memory for "memory://") and migrates it. */
export async function openPglite(folder: string): Promise<Database> {
  const inMemory = folder.startsWith("memory://");
  const release = inMemory ? () => {} : lockDataFolder(folder);
  try {
    const client = await PGlite.create(folder);
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    await migratePglite(drizzlePglite(client), { migrationsFolder });
    return {
      db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Connects to a Postgres server and migrates it, one instance at a time. `migrationUrl` is the
 * schema owner's connection, when the app itself runs as a role that may not change the schema
 * (nor update or delete audit rows: scripts/grant-app-role.ts).
 */
export async function openPostgres(
  url: string,
  poolSize = 10,
  migrationUrl = url,
): Promise<Database> {
  const migrator = postgres(migrationUrl, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(migrator), { migrationsFolder });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await migrator.end();
  }
  const client = postgres(url, { max: poolSize, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  return { db, kind: "postgres", close: () => client.end(), ownerUrl: migrationUrl };
}

const globalForDb = globalThis as unknown as { __smoDatabase?: Promise<Database> };

/** The process's database, opened and migrated on first use. */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.__smoDatabase) {
    globalForDb.__smoDatabase = (async () => {
      const { env, dataDir } = await import("../env");
      return env.DATABASE_URL
        ? openPostgres(env.DATABASE_URL, env.DATABASE_POOL_SIZE, env.DATABASE_MIGRATION_URL)
        : openPglite(path.join(dataDir, "pglite"));
    })();
    // A failed open may be retried by the next caller.
    globalForDb.__smoDatabase.catch(() => {
      globalForDb.__smoDatabase = undefined;
    });
  }
  return globalForDb.__smoDatabase;
}

/** A cheap round trip, for the health check. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
