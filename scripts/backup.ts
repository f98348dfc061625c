/**
 * `npm run backup [-- <file>]` and `npm run restore -- <file>`, for both modes:
 *
 * - On a Postgres server (DATABASE_MIGRATION_URL, the schema owner's, else DATABASE_URL):
 *   `pg_dump --format=custom` of the whole database, and `pg_restore` into an empty database
 *   (it refuses one that holds tables). Grants are not copied: run `db:grant-app-role` after a
 *   restore when the app has a role of its own. The connection goes to the tools as libpq's
 *   environment variables, not on their command line. For recovery to a moment between
 *   backups, see the README ("Backups").
 * - Embedded (no DATABASE_URL): a consistent copy of DATA_DIR's database, made by PGlite itself
 *   (`dumpDataDir`, a gzipped tar) while it holds the folder's lock, so the app must be stopped
 *   (it says so otherwise); restoring makes DATA_DIR's database from it, and refuses a folder
 *   that already holds one. The auth secret in DATA_DIR is not part of the copy: keep it apart,
 *   or set AUTH_SECRET (sessions made before then end otherwise).
 *
 * The file defaults to backups/smo-<date>-<time>.dump (server) or .tar.gz (embedded).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { lockDataFolder } from "@/db/pglite-lock";

type Mode = { kind: "postgres"; url: string } | { kind: "pglite"; folder: string };

export function modeOf(env: Record<string, string | undefined> = process.env): Mode {
  // The schema owner's connection where there is one: the app's own role may not recreate tables.
  const url = env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL;
  if (url) return { kind: "postgres", url };
  return { kind: "pglite", folder: path.join(path.resolve(env.DATA_DIR ?? ".data"), "pglite") };
}

function defaultFile(mode: Mode) {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return path.join("backups", `smo-${stamp}.${mode.kind === "postgres" ? "dump" : "tar.gz"}`);
}

/**
 * The connection as libpq's environment variables, so the password is not on a command line
 * (where `ps` shows it to anyone on the machine).
 */
function pgEnvironment(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || "5432",
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
  };
}

function run(command: string, args: string[], env?: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { encoding: "utf8", env });
  if (result.error) throw new Error(`${command}: ${result.error.message} (is it installed?)`);
  if (result.status !== 0) throw new Error(`${command} failed:\n${result.stderr}`);
}

/** Writes a backup of the database `mode` names to `file`; returns the file. */
export async function backup(mode: Mode, file = defaultFile(mode)): Promise<string> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (mode.kind === "postgres") {
    run(
      "pg_dump",
      ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`],
      pgEnvironment(mode.url),
    );
    return file;
  }
  if (!existsSync(mode.folder)) throw new Error(`backup: there is no database in ${mode.folder}`);
  const release = lockDataFolder(mode.folder);
  try {
    const db = await PGlite.create(mode.folder);
    try {
      const dump = await db.dumpDataDir("gzip");
      writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
  return file;
}

/** Restores `file` into the (empty) database `mode` names. */
export async function restore(mode: Mode, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`restore: no file ${file}`);
  if (mode.kind === "postgres") {
    const sql = postgres(mode.url, { max: 1, onnotice: () => {} });
    try {
      const [held] = await sql`select count(*)::int as n from pg_tables
        where schemaname not in ('pg_catalog', 'information_schema')`;
      if ((held?.n ?? 0) > 0)
        throw new Error("restore: the database already holds tables; restore into an empty one");
    } finally {
      await sql.end();
    }
    const env = pgEnvironment(mode.url);
    run(
      "pg_restore",
      ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${env.PGDATABASE}`, file],
      env,
    );
    return;
  }
  if (existsSync(mode.folder) && readdirSync(mode.folder).length > 0)
    throw new Error(
      `restore: ${mode.folder} already holds a database; restore into an empty folder`,
    );
  mkdirSync(mode.folder, { recursive: true });
  const release = lockDataFolder(mode.folder);
  try {
    const db = await PGlite.create(mode.folder, {
      loadDataDir: new Blob([readFileSync(file)]),
    });
    await db.query("select 1");
    await db.close();
  } finally {
    release();
  }
}

// Run as a script: `tsx scripts/backup.ts backup|restore [file]`.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [command, file] = process.argv.slice(2);
  const mode = modeOf();
  try {
    if (command === "backup") {
      const written = await backup(mode, file);
      console.info(`[backup] ${mode.kind}: written to ${written}`);
    } else if (command === "restore" && file) {
      await restore(mode, file);
      console.info(`[restore] ${mode.kind}: restored from ${file}`);
    } else {
      console.error("usage: npm run backup [-- <file>] | npm run restore -- <file>");
      process.exit(2);
    }
  } catch (error) {
    console.error(`[${command}] ${(error as Error).message}`);
    process.exit(1);
  }
}
