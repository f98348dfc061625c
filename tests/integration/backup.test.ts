/**
 * `npm run backup` / `npm run restore` (scripts/backup.ts), tried: the demo data backed up,
 * restored into a fresh database (an empty folder for the embedded database, a new database on
 * the Postgres server), and every table found with the same rows.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, openPglite, openPostgres } from "@/db/client";
import { rowsOf } from "@/db/queries/rows";
import { seedDemo } from "@/db/seed/demo";
import { hashPassword } from "@/server/passwords";
import { backup, modeOf, restore } from "../../scripts/backup";
import { testDatabaseKind } from "../helpers/db";

const folder = mkdtempSync(path.join(tmpdir(), "smo-backup-"));
const dropped: string[] = [];
const serverUrl = process.env.TEST_DATABASE_URL ?? "";
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  if (dropped.length === 0) return;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  for (const name of dropped) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

/** Every table of the app with a fingerprint of all its rows. */
async function fingerprint(database: Database) {
  const tables = rowsOf<{ name: string }>(
    await database.db.execute(
      sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    ),
  );
  const prints: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ n: number; md5: string | null }>(
      await database.db.execute(
        sql.raw(
          `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as md5 from "${name}" t`,
        ),
      ),
    );
    prints[name] = `${row?.n}:${row?.md5}`;
  }
  return prints;
}

/** A new, empty database on the server; its URL. */
async function emptyDatabase() {
  const name = `smo_backup_${randomBytes(5).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  dropped.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

describe("a backup", () => {
  it("restores into a fresh database with the same rows in every table", async () => {
    const [source, target] =
      testDatabaseKind === "postgres"
        ? [
            modeOf({ DATABASE_URL: await emptyDatabase() }),
            modeOf({ DATABASE_URL: await emptyDatabase() }),
          ]
        : [
            modeOf({ DATA_DIR: path.join(folder, "a") }),
            modeOf({ DATA_DIR: path.join(folder, "b") }),
          ];
    const open = (mode: typeof source) =>
      mode.kind === "postgres" ? openPostgres(mode.url, 2) : openPglite(mode.folder);

    const original = await open(source);
    expect(await seedDemo(original.db, hashPassword)).toBe(true);
    const before = await fingerprint(original);
    await original.close();
    expect(Object.keys(before).length).toBeGreaterThan(30);
    expect(before.check_ins).not.toMatch(/^0:/);

    const file = await backup(
      source,
      path.join(folder, `demo.${source.kind === "postgres" ? "dump" : "tar.gz"}`),
    );
    await restore(target, file);
    const restored = await open(target);
    try {
      expect(await fingerprint(restored)).toEqual(before);
    } finally {
      await restored.close();
    }
    // A second restore into the same, now full, database is refused rather than mixed in.
    await expect(restore(target, file)).rejects.toThrow(/already holds/);
  }, 180_000);
});
