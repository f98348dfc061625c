/**
 * `npm run bench:dashboards`: the dashboards at national size, measured.
 *
 * Needs two Postgres databases filled by `npm run seed:national`: BENCH_DATABASE_URL (full size)
 * and BENCH_SMALL_DATABASE_URL (`SEED_SCALE=0.1`, a tenth). For each it starts the built app
 * (`scripts/server.mjs`, as `npm start` runs it) on that database, signs in as the analyst of
 * the municipality of 150 partnerships, of its region, the national analyst and a coordinator there, and measures every
 * dashboard procedure (over HTTP, as the browser calls it) and page: p50 and p95 with 1 and with
 * 8 concurrent clients. Beside each, measured in the same run: the p50 of the procedure's own SQL
 * run directly, and of an authenticated procedure that does nearly nothing (`me.get`, the
 * floor). It prints the growth from a tenth to full size and writes bench/RESULTS.md.
 */
import type { ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openPostgres } from "@/db/client";
import { benchmarkInputOf, figuresState, publishedSection } from "@/db/queries/figures";
import { listGoals, listMeasurements } from "@/db/queries/goals";
import { getPartnership } from "@/db/queries/partnerships";
import { listActions, listSessionSummaries, listSessions } from "@/db/queries/reflections";
import { rowsOf } from "@/db/queries/rows";
import {
  partnershipCounts,
  scopeChildren,
  scopeHeader,
  sharedPartnershipsIn,
} from "@/db/queries/scopes";
import { loadSessionUser } from "@/db/queries/users";
import { today } from "@/domain/dates";
import { figureQuarters } from "@/domain/figures";
import { signIn, startApp, trpc } from "./app-client";
import { BENCH_PASSWORD, benchAccounts } from "./bench-accounts";

const root = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const CONCURRENCY = 8;

type Timing = { p50: number; p95: number };
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const timing = (times: number[]): Timing => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
};

/** Runs `call` RUNS times with `clients` callers at once; per-call durations. */
async function measure(call: () => Promise<unknown>, clients: number): Promise<Timing> {
  for (let i = 0; i < 3; i++) await call(); // warm up
  const times: number[] = [];
  let left = RUNS;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (left-- > 0) {
        const started = performance.now();
        await call();
        times.push(performance.now() - started);
      }
    }),
  );
  return timing(times);
}

/** The app on `databaseUrl` (scripts/app-client.ts), with the limits a benchmark needs. */
function startBenchApp(databaseUrl: string, port: number): Promise<ChildProcess> {
  return startApp(port, {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-32",
    NEXTAUTH_URL: `http://localhost:${port}`,
    SEED_DEMO: "false",
    LOGIN_MAX_FAILURES_PER_IP: "1000",
  });
}

/** Signs in with the bench password; the session cookie. */
async function benchSignIn(base: string, email: string): Promise<string> {
  const session = await signIn(base, email, BENCH_PASSWORD);
  if (!session) throw new Error(`bench: ${email} could not sign in`);
  return session;
}

/** One tRPC query over HTTP, as the browser sends it (GET, superjson input). */
function trpcCall(base: string, cookie: string, proc: string, input: unknown) {
  return async () => {
    const r = await trpc(base, cookie, proc, input);
    if (r.status !== 200)
      throw new Error(
        `bench: ${proc} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 200)}`,
      );
  };
}

function pageCall(base: string, cookie: string, pathname: string) {
  return async () => {
    const r = await fetch(`${base}${pathname}`, { headers: { cookie } });
    if (!r.ok) throw new Error(`bench: ${pathname} answered ${r.status}`);
    await r.arrayBuffer();
  };
}

type Row = { name: string; sql: number | null; one: Timing; eight: Timing };

async function benchDatabase(label: string, databaseUrl: string, port: number) {
  const { db, close } = await openPostgres(databaseUrl, 4);
  const [ids] = rowsOf<{ municipality: string; region: string; partnership: string }>(
    await db.execute(sql`
      select m.id as municipality, m.region_id as region,
        (select p.id from partnerships p join memberships ms on ms.partnership_id = p.id
          join users u on u.id = ms.user_id where u.email = ${benchAccounts.coordinator} limit 1)
          as partnership
      from municipalities m order by m.cbs_code limit 1`),
  );
  if (!ids) throw new Error("bench: run seed:national first");
  const [counts] = rowsOf<{ partnerships: number; cases: number; check_ins: number }>(
    await db.execute(sql`select (select count(*)::int from partnerships) partnerships,
      (select count(*)::int from cases) cases, (select count(*)::int from check_ins) check_ins`),
  );
  const app = await startBenchApp(databaseUrl, port);
  const base = `http://localhost:${port}`;
  const rows: Row[] = [];
  try {
    const session = {
      municipality: await benchSignIn(base, benchAccounts.municipality),
      region: await benchSignIn(base, benchAccounts.region),
      national: await benchSignIn(base, benchAccounts.national),
      coordinator: await benchSignIn(base, benchAccounts.coordinator),
    };
    const windowStart = figureQuarters(today())[0]?.start ?? today();
    const sqlOf = async (run: () => Promise<unknown>) => (await measure(run, 1)).p50;
    const [userRow] = rowsOf<{ id: string }>(
      await db.execute(sql`select id from users where email = ${benchAccounts.national}`),
    );
    const floorSql = await sqlOf(() => loadSessionUser(db, userRow?.id ?? ""));
    const add = async (
      name: string,
      call: () => Promise<unknown>,
      sqlRun?: () => Promise<unknown>,
    ) => {
      const one = await measure(call, 1);
      const eight = await measure(call, CONCURRENCY);
      rows.push({ name, sql: sqlRun ? await sqlOf(sqlRun) : null, one, eight });
      console.info(
        `${label} ${name.padEnd(46)} p50 ${one.p50.toFixed(1)} / p95 ${eight.p95.toFixed(1)} ms`,
      );
    };
    await add(
      "floor: me.get (national analyst)",
      trpcCall(base, session.national, "me.get", undefined),
      () => loadSessionUser(db, userRow?.id ?? ""),
    );
    const scopes = [
      [
        "municipality",
        { scopeKind: "municipality", scopeId: ids.municipality },
        session.municipality,
      ],
      ["region", { scopeKind: "region", scopeId: ids.region }, session.region],
      ["nation", { scopeKind: "nation", scopeId: "nl" }, session.national],
    ] as const;
    for (const [kind, input, cookie] of scopes) {
      const scope = { kind: input.scopeKind, id: input.scopeId } as const;
      await add(`${kind}: scopes.overview`, trpcCall(base, cookie, "scopes.overview", input), () =>
        Promise.all([
          scopeHeader(db, scope),
          scopeChildren(db, scope),
          partnershipCounts(db, scope),
          scope.kind === "municipality" ? sharedPartnershipsIn(db, scope, windowStart) : [],
          figuresState(db),
        ]),
      );
      for (const section of ["reporting", "collaboration", "goals", "cases", "outcomes"] as const)
        await add(
          `${kind}: scopes.${section}`,
          trpcCall(base, cookie, `scopes.${section}`, input),
          () => publishedSection(db, scope, section),
        );
    }
    const p = { partnershipId: ids.partnership };
    await add(
      "partnership: dashboards.partnership",
      trpcCall(base, session.coordinator, "dashboards.partnership", p),
      async () => {
        const [, sessions] = await Promise.all([
          getPartnership(db, ids.partnership),
          listSessions(db, ids.partnership),
          listGoals(db, ids.partnership),
          listMeasurements(db, ids.partnership),
          listActions(db, ids.partnership, { status: ["open", "continued"] }),
        ]);
        await listSessionSummaries(
          db,
          sessions.filter((s) => s.status === "signed_off").map((s) => s.id),
        );
      },
    );
    await add(
      "partnership: dashboards.benchmark",
      trpcCall(base, session.coordinator, "dashboards.benchmark", p),
      async () => {
        // As the procedure: the partnership's own figures, then its three groups' middles.
        await Promise.all([benchmarkInputOf(db, ids.partnership, windowStart), figuresState(db)]);
        await Promise.all([
          publishedSection(db, { kind: "municipality", id: ids.municipality }, "benchmark"),
          publishedSection(db, { kind: "region", id: ids.region }, "benchmark"),
          publishedSection(db, { kind: "nation", id: "nl" }, "benchmark"),
        ]);
      },
    );
    await add("page /national", pageCall(base, session.national, "/national"));
    await add(`page /regions/<id>`, pageCall(base, session.region, `/regions/${ids.region}`));
    await add(
      `page /municipalities/<id>`,
      pageCall(base, session.municipality, `/municipalities/${ids.municipality}`),
    );
    await add(
      `page /partnerships/<id>`,
      pageCall(base, session.coordinator, `/partnerships/${ids.partnership}`),
    );
    return { label, counts, rows, floorSql };
  } finally {
    if (app.pid) process.kill(-app.pid, "SIGTERM");
    await close();
  }
}

const full = process.env.BENCH_DATABASE_URL;
const small = process.env.BENCH_SMALL_DATABASE_URL;
if (!full || !small)
  throw new Error(
    "bench:dashboards needs BENCH_DATABASE_URL and BENCH_SMALL_DATABASE_URL (see the header)",
  );

const results = [await benchDatabase("1/10", small, 3310), await benchDatabase("full", full, 3311)];
const [tenth, whole] = results as [
  Awaited<ReturnType<typeof benchDatabase>>,
  Awaited<ReturnType<typeof benchDatabase>>,
];
const floor = whole.rows[0];
const cpu = cpus()[0]?.model ?? "unknown CPU";
const f = (n: number | null) => (n === null ? "–" : n.toFixed(1));
const lines = [
  "# Dashboard benchmark",
  "",
  `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench:dashboards\` on ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${rowsOf<{ v: string }>([]).length === 0 ? "server" : ""} on the same machine; the app is \`scripts/server.mjs\` (one instance). ${RUNS} calls per figure.`,
  "",
  `Full size: ${whole.counts?.partnerships} partnerships, ${whole.counts?.cases} cases, ${whole.counts?.check_ins} check-ins. A tenth: ${tenth.counts?.partnerships} partnerships, ${tenth.counts?.cases} cases.`,
  "",
  "Targets: SQL p50 ≤ 20 ms; endpoint p50 ≤ 1.5 × (floor + its SQL); growth from a tenth to full ≤ 1.2×; p95 at 8 clients ≤ 100 ms for the dashboards.",
  "",
  "| what | SQL p50 | p50, 1 client | p95, 1 client | p50, 8 clients | p95, 8 clients | 1.5 × (floor + SQL) | p50 at a tenth | growth |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...whole.rows.map((r, i) => {
    const t = tenth.rows[i];
    const bound = r.sql === null || !floor ? null : 1.5 * (floor.one.p50 + r.sql);
    return `| ${r.name} | ${f(r.sql)} | ${f(r.one.p50)} | ${f(r.one.p95)} | ${f(r.eight.p50)} | ${f(r.eight.p95)} | ${f(bound)} | ${f(t?.one.p50 ?? null)} | ${t ? (r.one.p50 / t.one.p50).toFixed(2) : "–"}× |`;
  }),
  "",
];
mkdirSync(path.join(root, "bench"), { recursive: true });
const file = path.join(root, "bench", "RESULTS.md");
writeFileSync(file, lines.join("\n"));
console.info(readFileSync(file, "utf8"));
