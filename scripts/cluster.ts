/**
 * `npm run test:cluster`: the app as the README's "Scaling out" describes it, proven. Two app
 * instances (scripts/server.mjs, as `npm start` runs it) on one Postgres database, behind nginx
 * from Debian, which appends the client's address to X-Forwarded-For; the app trusts one hop.
 *
 * It checks, through the proxy and on each instance directly:
 * - both instances started at once, and every migration ran exactly once;
 * - a session signed in on one instance works on the other, and signing out on the other ends it;
 * - the login limits count across both (three wrong passwords spread over the two instances,
 *   then the right one is refused for now);
 * - a parent's link answered on one instance is not stored again from the other;
 * - a load run of 100 simulated users in a realistic mix (dashboards, reflection scoring,
 *   check-ins, the case list, a page), each pausing about THINK_MS (1000) between actions, for
 *   LOAD_SECONDS (30; at most 60), with one instance
 *   killed (SIGKILL) half-way: no error before; after, only requests in flight on the killed
 *   instance fail; a failed check-in retried with its request id is stored once; every
 *   acknowledged check-in is in the database. It prints p50/p95/p99 and the counts.
 *
 * Needs nginx (`apt-get install nginx`; NGINX overrides the path), a built app (built here when
 * missing), and a Postgres server (CLUSTER_DATABASE_URL, else TEST_DATABASE_URL's server, else
 * postgres://postgres@127.0.0.1:5432/postgres) where it creates and drops its own database.
 * Exits non-zero when a check fails.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openPostgres } from "@/db/client";
import { DEMO_PASSWORD, demoAccounts, seedDemo } from "@/db/seed/demo";
import { today } from "@/domain/dates";
import { currentInstrument } from "@/domain/instrument";
import { hashPassword } from "@/server/passwords";
import { hashToken } from "@/server/tokens";
import { signIn, startApp, trpc, trpcOk } from "./app-client";
// @ts-expect-error: a plain ES module without types of its own
import { buildIfNeeded } from "./build-if-needed.mjs";
import { checks } from "./checks";

const root = path.resolve(import.meta.dirname, "..");
const PROXY_PORT = Number(process.env.CLUSTER_PORT ?? 3470);
const PORTS = [PROXY_PORT + 1, PROXY_PORT + 2] as const;
const USERS = 100;
const LOAD_SECONDS = Math.min(60, Number(process.env.LOAD_SECONDS ?? 30));
/** A user's pause between two actions, on average (half to one and a half times this). */
const THINK_MS = Number(process.env.THINK_MS ?? 1000);
const proxy = `http://127.0.0.1:${PROXY_PORT}`;
const direct = PORTS.map((p) => `http://127.0.0.1:${p}`);

const { check, finish } = checks("cluster");

/* ------------------------------------------------------------------ set-up */

function nginxBinary() {
  const candidates = [process.env.NGINX, "/usr/sbin/nginx", "/usr/bin/nginx"].filter(Boolean);
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error("cluster: nginx not found; install it (apt-get install -y nginx)");
  return found as string;
}

function startNginx(binary: string, dir: string): ChildProcess {
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"])
    mkdirSync(path.join(dir, sub), { recursive: true });
  const conf = `
${process.getuid?.() === 0 ? "user root;" : ""}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream app {
    server 127.0.0.1:${PORTS[0]} max_fails=1 fail_timeout=30s;
    server 127.0.0.1:${PORTS[1]} max_fails=1 fail_timeout=30s;
  }
  server {
    listen 127.0.0.1:${PROXY_PORT};
    client_max_body_size 2m;
    location / {
      # A connection per request (no upstream keepalive): a request for a stopped instance then
      # fails to connect, before anything is sent, and nginx gives it to the other instance.
      proxy_pass http://app;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout;
      proxy_read_timeout 60s;
      add_header X-Served-By $upstream_addr always;
    }
  }
}
`;
  writeFileSync(path.join(dir, "nginx.conf"), conf);
  return spawn(binary, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`cluster: ${url} did not answer`);
}

/** Signs out through next-auth (its CSRF token and the session cookie). */
async function signOut(base: string, session: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: session } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const r = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: [session, csrfCookie].filter(Boolean).join("; "),
      origin: proxy,
    },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  await r.arrayBuffer();
}

/* ------------------------------------------------------------------ the load run */

type Sample = { started: number; ended: number; ok: boolean; kind: string; status: number };
type Context = {
  coordinator: string;
  partnershipId: string;
  sessionId: string;
  participants: { id: string; version: number }[];
  caseIds: string[];
};

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const factorIds = currentInstrument.levels.flatMap((l) => l.factors.map((f) => f.id));
const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)] as T;

/** A check-in as the form sends it: today, the school's view. */
function checkIn(p: { partnershipId: string }, ref: { caseId: string; clientRequestId: string }) {
  return {
    ...p,
    ...ref,
    heldOn: today(),
    ratings: [{ perspective: "school", collaboration: 3, wellbeing: 4 }],
  };
}

/**
 * One participant's current version (after a save that failed, the client reloads, as the grid
 * does). Only its own: the others' saves may be under way, and their users know their versions.
 */
async function reloadVersion(ctx: Context, participant: { id: string; version: number }) {
  const s = await trpcOk<{ participants: { id: string; version: number }[] }>(
    proxy,
    ctx.coordinator,
    "reflections.get",
    { partnershipId: ctx.partnershipId, sessionId: ctx.sessionId },
  );
  participant.version =
    s.participants.find((x) => x.id === participant.id)?.version ?? participant.version;
}

async function loadRun(ctx: Context, instances: ChildProcess[]) {
  const samples: Sample[] = [];
  const acknowledged: string[] = []; // check-in ids the app answered
  const unanswered: { caseId: string; clientRequestId: string }[] = []; // check-ins to retry
  const started = performance.now();
  const end = started + LOAD_SECONDS * 1000;
  let killedAt = Number.POSITIVE_INFINITY;
  // When the killed instance was seen gone: a request nginx handed it until then was in flight.
  let diedAt = Number.POSITIVE_INFINITY;
  instances[0]?.once("exit", () => {
    diedAt = performance.now();
  });
  const p = { partnershipId: ctx.partnershipId };
  const killer = setTimeout(
    () => {
      killedAt = performance.now();
      // The whole instance (its process group), without a chance to finish anything.
      const pid = instances[0]?.pid;
      if (pid) process.kill(-pid, "SIGKILL");
      console.info(
        `… instance 1 killed (SIGKILL) after ${((killedAt - started) / 1000).toFixed(1)} s`,
      );
    },
    (LOAD_SECONDS * 1000) / 2,
  );

  async function user(n: number) {
    const own = ctx.participants[n % ctx.participants.length];
    while (performance.now() < end) {
      const roll = Math.random();
      const t0 = performance.now();
      let kind = "";
      let status = 0;
      try {
        if (roll < 0.3) {
          kind = "dashboards.partnership";
          status = (await trpc(proxy, ctx.coordinator, kind, p)).status;
        } else if (roll < 0.5) {
          kind = "cases.list";
          status = (
            await trpc(proxy, ctx.coordinator, kind, {
              ...p,
              status: "open",
              mine: false,
              page: 1,
              pageSize: 20,
            })
          ).status;
        } else if (roll < 0.75 && own) {
          kind = "reflections.saveScores";
          const r = await trpc(
            proxy,
            ctx.coordinator,
            kind,
            {
              ...p,
              sessionId: ctx.sessionId,
              participantId: own.id,
              version: own.version,
              scores: [{ factorId: pick(factorIds), score: 1 + Math.floor(Math.random() * 5) }],
            },
            { mutation: true, origin: proxy },
          );
          status = r.status;
          if (r.status === 200) own.version = (r.body as { version: number }).version;
        } else if (roll < 0.9) {
          kind = "cases.addCheckIn";
          const caseId = pick(ctx.caseIds);
          const clientRequestId = crypto.randomUUID();
          const r = await trpc(
            proxy,
            ctx.coordinator,
            kind,
            checkIn(p, { caseId, clientRequestId }),
            { mutation: true, origin: proxy },
          ).catch((error) => {
            unanswered.push({ caseId, clientRequestId });
            throw error;
          });
          status = r.status;
          const id = (r.body as { id?: unknown } | undefined)?.id;
          if (r.status === 200 && typeof id === "string") acknowledged.push(id);
          else unanswered.push({ caseId, clientRequestId });
        } else {
          kind = "page /partnerships/<id>";
          const r = await fetch(`${proxy}/partnerships/${ctx.partnershipId}`, {
            headers: { cookie: ctx.coordinator },
          });
          await r.arrayBuffer();
          status = r.status;
        }
      } catch {
        status = 0; // no answer at all
      }
      const ok = status === 200;
      samples.push({ started: t0, ended: performance.now(), ok, kind, status });
      // As the grid does after a failed save: wait a moment (a save the killed instance sent may
      // still commit), then read the participant's version again.
      if (!ok && kind === "reflections.saveScores" && own) {
        await new Promise((r) => setTimeout(r, 2000));
        await reloadVersion(ctx, own).catch(() => {});
      }
      await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
    }
  }

  await Promise.all(Array.from({ length: USERS }, (_, n) => user(n)));
  clearTimeout(killer);
  return { samples, acknowledged, unanswered, started, killedAt, diedAt };
}

/* ------------------------------------------------------------------ main */

async function main() {
  const nginx = nginxBinary();
  buildIfNeeded();
  const server =
    process.env.CLUSTER_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `smo_cluster_${Date.now()}_${process.pid}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const dir = mkdtempSync(path.join(tmpdir(), "smo-cluster-"));
  const children: ChildProcess[] = [];
  // The script's own look at the database, beside the app's.
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  try {
    const env = {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "cluster-secret-cluster-secret-cluster-32",
      NEXTAUTH_URL: proxy,
      TRUSTED_PROXY_HOPS: "1",
      SEED_DEMO: "false",
      DATABASE_POOL_SIZE: "20",
      // The load signs the demo's analysts in with a password only; the second factor has its
      // own tests (tests/integration/second-factor.test.ts, scripts/oidc.ts).
      MFA_REQUIRED: "false",
    };
    // Both at once: the migrations are serialised by an advisory lock (db/client.ts).
    const instances = await Promise.all(PORTS.map((port) => startApp(port, env)));
    children.push(...instances);
    const journal = JSON.parse(readFileSync(path.join(root, "drizzle/meta/_journal.json"), "utf8"));
    const [applied] = await sql`select count(*)::int as rows, count(distinct hash)::int as hashes
      from drizzle.__drizzle_migrations`;
    check(
      applied?.rows === journal.entries.length && applied?.hashes === journal.entries.length,
      "two instances started together ran every migration once",
      `${applied?.rows} rows for ${journal.entries.length} migrations`,
    );

    const database = await openPostgres(databaseUrl, 4);
    await seedDemo(database.db, hashPassword);
    children.push(startNginx(nginx, dir));
    await waitFor(`${proxy}/api/health`);
    const version = spawnSync(nginx, ["-v"], { encoding: "utf8" }).stderr.trim();

    // A session made on one instance works on the other; signing out there ends it everywhere.
    const [a, b] = direct as [string, string];
    const session = await signIn(a, demoAccounts.leader, DEMO_PASSWORD, proxy);
    const onB = session ? await trpc(b, session, "me.get", undefined) : null;
    check(
      onB?.status === 200 && (onB.body as { email?: string }).email === demoAccounts.leader,
      "a session signed in on instance 1 works on instance 2",
    );
    if (session) await signOut(b, session);
    const afterOut = session ? await trpc(a, session, "me.get", undefined) : null;
    check(
      afterOut?.status === 401,
      "signed out on instance 2, the session is refused on instance 1",
      `${afterOut?.status}`,
    );

    // The login limits count across both: wrong passwords spread over the instances by the
    // proxy, then the right password is refused for now.
    const served: string[] = [];
    for (let i = 0; i < 3; i++) {
      const csrf = await fetch(`${proxy}/api/auth/csrf`);
      served.push(csrf.headers.get("x-served-by") ?? "?");
      await csrf.arrayBuffer();
      await signIn(proxy, demoAccounts.professional, "not-the-password-123");
    }
    const refused = await signIn(proxy, demoAccounts.professional, DEMO_PASSWORD);
    check(
      refused === null,
      "three wrong passwords over both instances hold back the right one for now",
      `requests served by ${[...new Set(served)].join(" and ")}`,
    );

    // A parent's link answered on one instance is not stored again from the other.
    const coordinator = await signIn(proxy, demoAccounts.coordinator, DEMO_PASSWORD);
    if (!coordinator) throw new Error("cluster: the coordinator could not sign in");
    const mine = await trpcOk<{ items: { id: string; name: string }[] }>(
      proxy,
      coordinator,
      "partnerships.list",
      { page: 1, pageSize: 20 },
    );
    const partnership = mine.items[0];
    if (!partnership) throw new Error("cluster: no partnership");
    const p = { partnershipId: partnership.id };
    const cases = await trpcOk<{ items: { id: string }[] }>(proxy, coordinator, "cases.list", {
      ...p,
      status: "open",
      mine: false,
      page: 1,
      pageSize: 20,
    });
    const caseIds = cases.items.map((c) => c.id);
    const link = await trpcOk<{ path: string }>(
      a,
      coordinator,
      "cases.createLink",
      { ...p, caseId: caseIds[0], perspective: "parent" },
      { mutation: true, origin: proxy },
    );
    const token = link.path.split("/").at(-1) ?? "";
    const answer = { token, collaboration: 4, wellbeing: 4, comment: "" };
    const first = await trpcOk<{ alreadyReceived: boolean }>(a, null, "voice.submit", answer, {
      mutation: true,
      origin: proxy,
    });
    const second = await trpcOk<{ alreadyReceived: boolean }>(b, null, "voice.submit", answer, {
      mutation: true,
      origin: proxy,
    });
    const [stored] = await sql`select count(*)::int as n from voice_responses r
      join voice_links l on l.id = r.link_id where l.token_hash = ${hashToken(token)}`;
    check(
      !first.alreadyReceived && second.alreadyReceived,
      "a parent's link answered on instance 1 is not taken again on instance 2",
      `stored answers: ${stored?.n}`,
    );

    // The load run: a session to score with one participant per simulated user.
    const planned = await trpcOk<{ id: string }>(
      proxy,
      coordinator,
      "reflections.plan",
      { ...p, heldOn: today() },
      { mutation: true, origin: proxy },
    );
    const participants: { id: string; version: number }[] = [];
    for (let i = 0; i < USERS; i++) {
      const row = await trpcOk<{ id: string; version: number }>(
        proxy,
        coordinator,
        "reflections.addParticipant",
        {
          ...p,
          sessionId: planned.id,
          clientRequestId: crypto.randomUUID(),
          name: `Deelnemer ${i + 1}`,
          sector: i % 2 ? "education" : "youth_care",
        },
        { mutation: true, origin: proxy },
      );
      participants.push({ id: row.id, version: row.version });
    }
    const ctx: Context = {
      coordinator,
      partnershipId: partnership.id,
      sessionId: planned.id,
      participants,
      caseIds,
    };
    const [before] = await sql`select count(*)::int as n from check_ins`;
    const run = await loadRun(ctx, instances);

    // What failed, and when: before the kill nothing may; after it only what was in flight.
    const failed = run.samples.filter((s) => !s.ok);
    const beforeKill = failed.filter((s) => s.ended < run.killedAt);
    const inFlight = failed.filter((s) => s.started <= run.diedAt && s.ended >= run.killedAt);
    const later = failed.filter((s) => s.started > run.diedAt);
    const seconds = (performance.now() - run.started) / 1000;
    const percentiles = (samples: Sample[]) => {
      const times = samples.map((s) => s.ended - s.started).sort((x, y) => x - y);
      return `p50 ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms, p99 ${quantile(times, 0.99).toFixed(0)} ms`;
    };
    console.info(
      `load: ${USERS} users (pausing ~${THINK_MS} ms) for ${LOAD_SECONDS} s through ${version}: ` +
        `${run.samples.length} requests (${Math.round(run.samples.length / seconds)}/s), ${percentiles(run.samples)}`,
    );
    console.info(
      `load: on two instances ${percentiles(run.samples.filter((s) => s.ended < run.killedAt))}; ` +
        `on the one left ${percentiles(run.samples.filter((s) => s.started > run.diedAt))} ` +
        `(the instance was gone ${(run.diedAt - run.killedAt).toFixed(0)} ms after the kill)`,
    );
    const byKind = new Map<string, number>();
    for (const s of run.samples) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + 1);
    console.info(`load: mix ${[...byKind].map(([k, n]) => `${k} ${n}`).join(", ")}`);
    check(
      beforeKill.length === 0,
      "no request failed before the instance was killed",
      `${beforeKill.length} failed`,
    );
    check(
      later.length === 0,
      "after the kill, every request started went to the other instance and succeeded",
      `${later.length} failed (${[...new Set(later.map((s) => `${s.kind} ${s.status}`))].join(", ")})`,
    );
    console.info(
      `load: ${inFlight.length} requests in flight on the killed instance failed ` +
        `(${[...new Set(inFlight.map((s) => s.status))].map((s) => (s ? `HTTP ${s}` : "no answer")).join(", ") || "none"})`,
    );

    // Nothing acknowledged is lost; a check-in without an answer, retried with its request id
    // (twice, as an impatient client would), is stored once.
    for (const retry of run.unanswered)
      for (let i = 0; i < 2; i++)
        await trpcOk(proxy, coordinator, "cases.addCheckIn", checkIn(p, retry), {
          mutation: true,
          origin: proxy,
        });
    const [present] = await sql`select count(*)::int as n from check_ins
      where id = any(${run.acknowledged}::uuid[])`;
    const [after] = await sql`select count(*)::int as n from check_ins`;
    const added = (after?.n ?? 0) - (before?.n ?? 0);
    const requestIds = run.acknowledged.length + run.unanswered.length;
    check(
      present?.n === run.acknowledged.length,
      "every acknowledged check-in is in the database",
      `${present?.n} of ${run.acknowledged.length}`,
    );
    check(
      added === requestIds,
      "check-ins retried with their request id are stored once",
      `${run.unanswered.length} retried twice, ${added} new rows for ${requestIds} request ids`,
    );
    await database.close();
  } finally {
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      try {
        // The app instances run in process groups of their own (scripts/app-client.ts).
        if (child.pid) process.kill(-child.pid, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    await sql.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
  finish();
}

await main();
