import { and, eq, gt, or, sql } from "drizzle-orm";
import { loginAttempts } from "../schema";
import type { DbOrTx, Tx } from "../types";
import { rowsOf } from "./rows";

/** Namespaces (first key) of the two-key advisory locks, so an account never shares a key with an IP. */
const ACCOUNT_LOCK = 7_291_101;
const IP_LOCK = 7_291_102;
/**
 * Refused attempts are recorded, but are no failures: only checked ones count. Nor is a right
 * password that waits for its second factor ("code_required").
 */
const counted = sql`${loginAttempts.reason} is distinct from 'rate_limited' and ${loginAttempts.reason} is distinct from 'code_required'`;
/** The one lock of the ceiling over all accounts and addresses. */
const ALL_LOCK = 7_291_103;

/**
 * Serialises login bookkeeping for one account, one IP address and the ceiling over all of
 * them until the transaction ends. Always the account first, then the IP, then the ceiling:
 * two attempts never wait on each other in a cycle.
 */
export async function lockLoginCounters(tx: Tx, keys: { email: string; ip: string }) {
  await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK}, hashtext(${keys.email}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(${IP_LOCK}, hashtext(${keys.ip}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(${ALL_LOCK}, 0)`);
}

/** Failed attempts since `since` over all accounts and addresses (pending ones included). */
export async function recentFailuresAll(db: DbOrTx, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.succeeded, false), counted, gt(loginAttempts.at, since)));
  return row?.n ?? 0;
}

/**
 * Failed attempts since `since`, for one e-mail address, for one IP address, and for the two
 * together (one client trying one account), with how long ago the last of those was (by the
 * database's clock, as the attempts are stamped). Attempts still being checked ("pending")
 * count as failures; refused ones ("rate_limited") do not, so that hammering on a refusal
 * neither locks the account nor lengthens the wait. `knownClient`: this client signed in to
 * this account successfully in the last 30 days.
 */
export async function recentFailures(
  db: DbOrTx,
  params: { email: string; ip: string; since: Date },
) {
  const pair = sql`${loginAttempts.email} = ${params.email} and ${loginAttempts.ip} = ${params.ip}`;
  const [row] = await db
    .select({
      byEmail:
        sql<number>`count(*) filter (where ${loginAttempts.email} = ${params.email})`.mapWith(
          Number,
        ),
      byIp: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${params.ip})`.mapWith(Number),
      byClient: sql<number>`count(*) filter (where ${pair})`.mapWith(Number),
      // clock_timestamp, not now(): this transaction may have waited on the locks, and now() is
      // when it began, possibly before the attempt it is compared with.
      msSinceLastByClient: sql<
        number | null
      >`(extract(epoch from clock_timestamp() - max(${loginAttempts.at}) filter (where ${pair})) * 1000)::float8`,
      knownClient: sql<boolean>`exists (select 1 from login_attempts s where s.email = ${params.email}
        and s.ip = ${params.ip} and s.succeeded and s.at > now() - interval '30 days')`,
    })
    .from(loginAttempts)
    .where(
      and(
        or(eq(loginAttempts.email, params.email), eq(loginAttempts.ip, params.ip)),
        eq(loginAttempts.succeeded, false),
        counted,
        gt(loginAttempts.at, params.since),
      ),
    );
  return {
    byEmail: row?.byEmail ?? 0,
    byIp: row?.byIp ?? 0,
    byClient: row?.byClient ?? 0,
    msSinceLastByClient:
      row?.msSinceLastByClient === null || row?.msSinceLastByClient === undefined
        ? null
        : Number(row.msSinceLastByClient),
    knownClient: Boolean(row?.knownClient),
  };
}

/**
 * Failed attempts on an account between its last two successful logins: what its owner is
 * told on signing in (someone else may have been guessing the password).
 */
export async function failuresBeforeLastLogin(db: DbOrTx, email: string) {
  const rows = rowsOf<{ failures: number; last: string | null }>(
    await db.execute(sql`
      with logins as (
        select at from login_attempts where email = ${email} and succeeded
        order by at desc limit 2
      )
      select count(*)::int as failures, max(a.at)::text as last
      from login_attempts a
      where a.email = ${email} and not a.succeeded and a.reason in ('invalid_credentials', 'invalid_code')
        and a.at < (select max(at) from logins)
        and a.at > coalesce((select min(at) from logins where at < (select max(at) from logins)),
          '-infinity'::timestamptz)`),
  );
  const row = rows[0];
  return { failures: row?.failures ?? 0, lastAt: row?.last ? new Date(row.last) : null };
}

/** Records an attempt and returns its id. */
export async function recordLoginAttempt(
  db: DbOrTx,
  attempt: { email: string; ip: string; succeeded: boolean; reason?: string },
): Promise<number> {
  const [row] = await db.insert(loginAttempts).values(attempt).returning({ id: loginAttempts.id });
  if (!row) throw new Error("login attempt not recorded");
  return row.id;
}

/** Sets the outcome of an attempt recorded as pending. */
export async function finishLoginAttempt(
  db: DbOrTx,
  id: number,
  outcome: { succeeded: boolean; reason: string | null },
) {
  await db.update(loginAttempts).set(outcome).where(eq(loginAttempts.id, id));
}

/** The lock under which one account's second-factor codes are counted and checked. */
const CODE_LOCK = 7_291_104;
export async function lockCodeChecks(tx: Tx, email: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${CODE_LOCK}, hashtext(${email}))`);
}

/** Wrong second-factor codes on an account since `since` (the password was right each time). */
export async function recentCodeFailures(db: DbOrTx, email: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.reason, "invalid_code"),
        gt(loginAttempts.at, since),
      ),
    );
  return row?.n ?? 0;
}
