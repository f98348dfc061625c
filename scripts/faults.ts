/**
 * `npm run test:faults`: faults survived, nothing acknowledged lost.
 *
 * 1. A Postgres server of its own (initdb in a temporary folder, its own port; the shared
 *    server is never touched). One app instance on it (scripts/server.mjs) takes a steady write
 *    load — check-ins and goal measurements, each with its client request id, and reflection
 *    scores — while the postmaster is killed (SIGKILL) and, after a while, started again. It
 *    checks: while the database is gone /api/health answers 503 {"status":"degraded"} and every
 *    write is answered 503 with a message in Dutch (never a 500, never a hang); the app recovers
 *    without a restart; every write the app acknowledged is in the database; a refused write
 *    retried with its request id is stored once.
 * 2. The embedded database: the app on a data folder of its own is killed (SIGKILL) in the
 *    middle of writes; it starts again on the same folder and every acknowledged write is there.
 *
 * Needs Debian's PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin; PG_BIN
 * overrides), run as the postgres user when this runs as root. Exits non-zero when a check fails.
 */
import { type ChildProcess, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, inArray } from "drizzle-orm";
import postgres from "postgres";
import { openPglite, openPostgres } from "@/db/client";
import { checkIns } from "@/db/schema";
import { DEMO_PASSWORD, demoAccounts, seedDemo } from "@/db/seed/demo";
import { today } from "@/domain/dates";
import { currentInstrument } from "@/domain/instrument";
import { hashPassword } from "@/server/passwords";
import { signIn, startApp, trpc, trpcOk } from "./app-client";
// @ts-expect-error: a plain ES module without types of its own
import { buildIfNeeded } from "./build-if-needed.mjs";
import { checks } from "./checks";

const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 5498);
const APP_PORT = Number(process.env.FAULTS_PORT ?? 3480);
const base = `http://127.0.0.1:${APP_PORT}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const { check, finish } = checks("faults");

/* ------------------------------------------------------------------ a Postgres of our own */

function pgBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  if (!version)
    throw new Error("faults: no PostgreSQL server binaries (apt-get install postgresql)");
  return path.join(root, version, "bin");
}

/** Runs a server binary, as the postgres user when we are root (initdb refuses root). */
function asPostgres(command: string, args: string[]) {
  const root = process.getuid?.() === 0;
  const run = root
    ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
  return { ok: run.status === 0, output: `${run.stdout ?? ""}${run.stderr ?? ""}` };
}

function startPostgres(bin: string, dir: string) {
  // After a kill, the old server's backends can hold its shared memory for a moment.
  for (let i = 0; i < 30; i++) {
    const started = asPostgres(path.join(bin, "pg_ctl"), [
      "-D",
      dir,
      "-l",
      path.join(dir, "server.log"),
      "-o",
      `-p ${PG_PORT} -k ${dir} -c listen_addresses=127.0.0.1`,
      "-w",
      "start",
    ]);
    if (started.ok) return;
    spawnSync("sleep", ["0.5"]);
  }
  throw new Error(
    `faults: Postgres did not start\n${readFileSync(path.join(dir, "server.log"), "utf8").slice(-2000)}`,
  );
}

function postmasterPid(dir: string) {
  return Number(readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
}

/* ------------------------------------------------------------------ the write load */

type Write = {
  kind: "check-in" | "measurement" | "score";
  requestId: string | null;
  input: unknown;
  started: number;
  ended: number;
  status: number;
  message: string;
  id: string | null;
};

/** A call with a deadline: an answer that does not come within 20 s is a hang (the app's own is 15 s). */
async function call(cookie: string, proc: string, input: unknown) {
  try {
    return await trpc(base, cookie, proc, input, {
      mutation: true,
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    return {
      status: (error as Error).name === "TimeoutError" ? -1 : 0,
      body: null,
      servedBy: null,
    };
  }
}

/** The message of a refusal (a tRPC error), or the start of whatever else came. */
const messageOf = (body: unknown) =>
  (body as { error?: { json?: { message?: string } } } | null)?.error?.json?.message ??
  String(body).slice(0, 200);

async function serverFaults(bin: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "smo-faults-pg-"));
  let app: ChildProcess | undefined;
  try {
    if (process.getuid?.() === 0) {
      // The server runs as the postgres user: the folder is theirs.
      const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim();
      const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim();
      chownSync(dir, Number(uid), Number(gid));
    }
    const init = asPostgres(path.join(bin, "initdb"), [
      "-D",
      dir,
      "-A",
      "trust",
      "-U",
      "postgres",
      "--no-sync",
    ]);
    if (!init.ok) throw new Error(`faults: initdb failed\n${init.output}`);
    startPostgres(bin, dir);
    const admin = postgres(`postgres://postgres@127.0.0.1:${PG_PORT}/postgres`, {
      max: 1,
      onnotice: () => {},
    });
    await admin`create database smo_faults`;
    await admin.end();
    const databaseUrl = `postgres://postgres@127.0.0.1:${PG_PORT}/smo_faults`;
    const database = await openPostgres(databaseUrl, 2);
    await seedDemo(database.db, hashPassword);
    await database.close();

    app = await startApp(APP_PORT, {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "faults-secret-faults-secret-faults-32ch",
      NEXTAUTH_URL: base,
      SEED_DEMO: "false",
      MFA_REQUIRED: "false",
      // As deployed: the reminder job runner (pg-boss, its own pool) loses its connections too.
      // FAULTS_JOBS=false leaves it out, to tell its part apart.
      JOBS: process.env.FAULTS_JOBS ?? "true",
    });
    const cookie = await signIn(base, demoAccounts.coordinator, DEMO_PASSWORD);
    if (!cookie) throw new Error("faults: the coordinator could not sign in");
    const mine = await trpcOk<{ items: { id: string }[] }>(base, cookie, "partnerships.list", {
      page: 1,
      pageSize: 5,
    });
    const partnershipId = mine.items[0]?.id ?? "";
    const p = { partnershipId };
    const cases = await trpcOk<{ items: { id: string }[] }>(base, cookie, "cases.list", {
      ...p,
      status: "open",
      mine: false,
      page: 1,
      pageSize: 5,
    });
    const goals = await trpcOk<{ id: string }[]>(base, cookie, "goals.list", p);
    const session = await trpcOk<{ id: string }>(
      base,
      cookie,
      "reflections.plan",
      { ...p, heldOn: today() },
      { mutation: true },
    );
    const participants = [];
    for (const name of ["Mentor", "Jeugdhulpwerker"])
      participants.push(
        await trpcOk<{ id: string; version: number }>(
          base,
          cookie,
          "reflections.addParticipant",
          {
            ...p,
            sessionId: session.id,
            clientRequestId: crypto.randomUUID(),
            name,
            sector: "education",
          },
          { mutation: true },
        ),
      );

    const writes: Write[] = [];
    let running = true;
    const t0 = performance.now();
    const factors = currentInstrument.levels.flatMap((l) => l.factors.map((f) => f.id));

    async function record(
      kind: Write["kind"],
      requestId: string | null,
      proc: string,
      input: unknown,
    ) {
      const started = performance.now() - t0;
      const r = await call(cookie as string, proc, input);
      const id = r.status === 200 ? ((r.body as { id?: string } | null)?.id ?? null) : null;
      const write: Write = {
        kind,
        requestId,
        input,
        started,
        ended: performance.now() - t0,
        status: r.status,
        message: r.status === 200 ? "" : messageOf(r.body),
        id,
      };
      writes.push(write);
      return { write, body: r.body };
    }

    const writers = [
      ...[0, 1].map(async (n) => {
        while (running) {
          const clientRequestId = crypto.randomUUID();
          await record("check-in", clientRequestId, "cases.addCheckIn", {
            ...p,
            caseId: cases.items[n]?.id,
            clientRequestId,
            heldOn: today(),
            ratings: [{ perspective: "school", collaboration: 3, wellbeing: 4 }],
          });
          await sleep(100);
        }
      }),
      ...[0, 1].map(async (n) => {
        while (running) {
          const clientRequestId = crypto.randomUUID();
          await record("measurement", clientRequestId, "goals.addMeasurement", {
            ...p,
            goalId: goals[n]?.id,
            clientRequestId,
            value: 50 + n,
            measuredOn: today(),
            note: "",
            confirmOutOfRange: true,
          });
          await sleep(100);
        }
      }),
      ...participants.map(async (participant, n) => {
        // Each write scores a factor not scored before, so an acknowledged score is never
        // overwritten and must be found as it was sent.
        for (let i = 0; running && i < factors.length; i++) {
          const input = {
            ...p,
            sessionId: session.id,
            participantId: participant.id,
            version: participant.version,
            scores: [{ factorId: factors[i] as string, score: 1 + ((i + n) % 5) }],
          };
          const { write, body } = await record("score", null, "reflections.saveScores", input);
          if (write.status === 200) participant.version = (body as { version: number }).version;
          else if (write.status !== 200) {
            // As the grid does after a failure: read the participant's version again, once it can.
            const again = await trpc(base, cookie, "reflections.get", {
              ...p,
              sessionId: session.id,
            }).catch(() => null);
            const fresh = (
              again?.body as { participants?: { id: string; version: number }[] } | null
            )?.participants;
            participant.version =
              fresh?.find((x) => x.id === participant.id)?.version ?? participant.version;
          }
          await sleep(500);
        }
      }),
    ];

    // Steady load, then the postmaster killed; health while it is gone; then back.
    await sleep(5000);
    const killedAt = performance.now() - t0;
    process.kill(postmasterPid(dir), "SIGKILL");
    console.info(`… postmaster killed (SIGKILL) after ${(killedAt / 1000).toFixed(1)} s`);
    await sleep(1500);
    const healthStarted = performance.now();
    const health = await fetch(`${base}/api/health`).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));
    const healthMs = performance.now() - healthStarted;
    check(
      health.status === 503 && (health.body as { status?: string }).status === "degraded",
      "while the database is gone, /api/health answers 503 degraded",
      `${health.status} ${JSON.stringify(health.body)} in ${healthMs.toFixed(0)} ms`,
    );
    await sleep(3500);
    const restartedAt = performance.now() - t0;
    startPostgres(bin, dir);
    console.info(`… Postgres started again after ${(restartedAt / 1000).toFixed(1)} s`);
    let back = 0;
    for (let i = 0; i < 60 && back !== 200; i++) {
      back = (await fetch(`${base}/api/health`)).status;
      if (back !== 200) await sleep(250);
    }
    check(
      back === 200 && app.exitCode === null,
      "the app recovers without a restart",
      `health ${back}`,
    );
    await sleep(5000);
    running = false;
    await Promise.all(writers);

    // What the writes were answered.
    const byStatus = new Map<number, number>();
    for (const w of writes) byStatus.set(w.status, (byStatus.get(w.status) ?? 0) + 1);
    console.info(
      `writes: ${writes.length} (${[...byStatus].map(([s, n]) => `${s === -1 ? "no answer in 20 s" : s === 0 ? "no answer" : `HTTP ${s}`}: ${n}`).join(", ")})`,
    );
    const refused = writes.filter((w) => w.status !== 200);
    check(
      refused.length > 0,
      "writes were refused while the database was gone",
      `${refused.length}`,
    );
    check(
      refused.every((w) => w.status === 503),
      "every refused write was answered 503 — no 500, no hang",
      [...new Set(refused.map((w) => w.status))].join(", "),
    );
    const dutch = refused.every((w) => w.message.includes("De database is even niet bereikbaar"));
    check(dutch, "with a message in Dutch saying to try again", refused[0]?.message ?? "");
    const afterRecovery = writes.filter((w) => w.started > restartedAt + 2000 && w.status !== 200);
    check(
      afterRecovery.length === 0,
      "two seconds after Postgres is back, every write succeeds",
      `${afterRecovery.length} failed`,
    );

    // Retry what was refused with its request id, twice; then look in the database.
    for (const w of refused.filter((x) => x.requestId))
      for (let i = 0; i < 2; i++) {
        const proc = w.kind === "check-in" ? "cases.addCheckIn" : "goals.addMeasurement";
        const r = await trpcOk<{ id: string }>(base, cookie, proc, w.input, { mutation: true });
        if (i === 0) w.id = r.id;
      }
    const pg = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const acknowledged = writes.filter((w) => w.status === 200);
      const ids = (kind: Write["kind"]) =>
        acknowledged.filter((w) => w.kind === kind).map((w) => w.id as string);
      const [checkIns] =
        await pg`select count(*)::int as n from check_ins where id = any(${ids("check-in")}::uuid[])`;
      const [measured] =
        await pg`select count(*)::int as n from goal_measurements where id = any(${ids("measurement")}::uuid[])`;
      const scores =
        await pg`select participant_id, factor_id, score from factor_scores where session_id = ${session.id}`;
      const scored = acknowledged.filter((w) => w.kind === "score");
      const found = scored.filter((w) => {
        const input = w.input as {
          participantId: string;
          scores: { factorId: string; score: number }[];
        };
        const s = input.scores[0];
        return scores.some(
          (r) =>
            r.participant_id === input.participantId &&
            r.factor_id === s?.factorId &&
            r.score === s?.score,
        );
      });
      check(
        checkIns?.n === ids("check-in").length &&
          measured?.n === ids("measurement").length &&
          found.length === scored.length,
        "every acknowledged write is in the database",
        `check-ins ${checkIns?.n}/${ids("check-in").length}, measurements ${measured?.n}/${ids("measurement").length}, scores ${found.length}/${scored.length}`,
      );
      const withId = writes.filter((w) => w.requestId);
      const [rows] =
        await pg`select (select count(*)::int from check_ins where id = any(${withId.filter((w) => w.kind === "check-in").map((w) => w.id as string)}::uuid[])) as c,
        (select count(*)::int from goal_measurements where id = any(${withId.filter((w) => w.kind === "measurement").map((w) => w.id as string)}::uuid[])) as m`;
      const [keys] =
        await pg`select count(*)::int as n from request_keys where key = any(${withId.map((w) => w.requestId as string)}::uuid[])`.catch(
          () => [{ n: -1 }],
        );
      check(
        rows?.c + rows?.m === withId.length,
        "a refused write retried twice with its request id is stored once",
        `${refused.filter((w) => w.requestId).length} retried; ${withId.length} request ids, ${rows?.c + rows?.m} rows (request keys: ${keys?.n})`,
      );
    } finally {
      await pg.end();
    }
  } finally {
    if (app?.pid && app.exitCode === null) process.kill(-app.pid, "SIGTERM");
    await sleep(300);
    asPostgres(path.join(bin, "pg_ctl"), ["-D", dir, "-m", "immediate", "stop"]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/* ------------------------------------------------------------------ the embedded database */

async function embeddedKill() {
  const dir = mkdtempSync(path.join(tmpdir(), "smo-faults-embedded-"));
  const env = { DATA_DIR: dir, NEXTAUTH_URL: base, SEED_DEMO: "true", DATABASE_URL: "" };
  let app: ChildProcess | undefined;
  try {
    app = await startApp(APP_PORT, env);
    const cookie = await signIn(base, demoAccounts.coordinator, DEMO_PASSWORD);
    if (!cookie) throw new Error("faults: the coordinator could not sign in");
    const mine = await trpcOk<{ items: { id: string }[] }>(base, cookie, "partnerships.list", {
      page: 1,
      pageSize: 5,
    });
    const p = { partnershipId: mine.items[0]?.id ?? "" };
    const cases = await trpcOk<{ items: { id: string }[] }>(base, cookie, "cases.list", {
      ...p,
      status: "open",
      mine: false,
      page: 1,
      pageSize: 5,
    });
    const acknowledged: string[] = [];
    let running = true;
    const writers = [0, 1, 2].map(async (n) => {
      while (running) {
        const r = await trpc(
          base,
          cookie,
          "cases.addCheckIn",
          {
            ...p,
            caseId: cases.items[n]?.id,
            clientRequestId: crypto.randomUUID(),
            heldOn: today(),
            ratings: [{ perspective: "school", collaboration: 4, wellbeing: 4 }],
          },
          { mutation: true },
        ).catch(() => null);
        const id = (r?.body as { id?: string } | null)?.id;
        if (r?.status === 200 && id) acknowledged.push(id);
      }
    });
    await sleep(3000);
    const pid = app.pid;
    if (pid) process.kill(-pid, "SIGKILL");
    running = false;
    await Promise.all(writers);
    await sleep(500);
    console.info(
      `… the app on the embedded database killed (SIGKILL) after ${acknowledged.length} acknowledged check-ins`,
    );
    // Started again on the same folder (its lock belongs to a dead process), then stopped, and
    // the folder read directly.
    app = await startApp(APP_PORT, env);
    const again = await signIn(base, demoAccounts.coordinator, DEMO_PASSWORD);
    const list = again
      ? await trpc(base, again, "cases.list", {
          ...p,
          status: "open",
          mine: false,
          page: 1,
          pageSize: 5,
        })
      : null;
    check(
      list?.status === 200,
      "the app starts again on the folder of the killed one, and answers",
      `sign-in ${again ? "ok" : "refused"}, case list ${list?.status}`,
    );
    process.kill(-(app.pid as number), "SIGTERM");
    for (let i = 0; i < 40 && app.exitCode === null && app.signalCode === null; i++)
      await sleep(250);
    // DATA_DIR holds the database in pglite/ (db/client.ts).
    const database = await openPglite(path.join(dir, "pglite"));
    try {
      const [row] = await database.db
        .select({ n: count() })
        .from(checkIns)
        .where(inArray(checkIns.id, acknowledged));
      const n = row?.n;
      check(
        acknowledged.length > 0 && n === acknowledged.length,
        "after a SIGKILL mid-write, every acknowledged write to the embedded database is there",
        `${n} of ${acknowledged.length}`,
      );
    } finally {
      await database.close();
    }
  } finally {
    if (app?.pid && app.exitCode === null && app.signalCode === null)
      process.kill(-app.pid, "SIGTERM");
    await sleep(300);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  buildIfNeeded();
  await serverFaults(pgBin());
  await embeddedKill();
  finish();
}

await main();
