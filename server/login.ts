/**
 * Password login with rate limiting: a growing delay per account and client, a hard limit per
 * account and per IP address, and a ceiling over all of them per minute. The counts live in the
 * database, so the limits hold across app instances; every attempt is recorded (and logged).
 *
 * The check is atomic: a short transaction takes advisory locks on the account and on the IP
 * address, counts the recent failures and records this attempt as "pending" (a failure until
 * it is resolved), or as "rate_limited". The password is verified after that transaction, so
 * the slow argon2 check holds no lock; parallel attempts each see the pending ones before them,
 * so no more than the limit are ever checked. This holds on Postgres (many connections) and on
 * PGlite (one connection, where a transaction holds the whole database: hence kept short).
 */
import {
  finishLoginAttempt,
  lockCodeChecks,
  lockLoginCounters,
  recentCodeFailures,
  recentFailures,
  recentFailuresAll,
  recordLoginAttempt,
} from "@/db/queries/logins";
import { getMfa } from "@/db/queries/mfa";
import { getUserByEmail } from "@/db/queries/users";
import type { Db } from "@/db/types";
import { verifySecondFactor } from "./mfa";
import { hashPassword, sessionKey, verifyPassword } from "./passwords";

/**
 * How long one client waits after its failures on one account: none for the first
 * `FREE_TRIES`, then 1 s, 2 s, 4 s … up to a minute. Someone who mistypes a few times notices
 * nothing; a guesser gets a handful of tries a minute, and the account's owner, elsewhere, can
 * still sign in (the hard limit per account is far higher).
 */
export const FREE_TRIES = 3;
export function delayAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(60_000, 1000 * 2 ** (failures - FREE_TRIES));
}

/**
 * Wrong second-factor codes per account in the window: someone who has the password gets this
 * many guesses at a six-digit code, not the password's far higher limit.
 */
export const MAX_CODE_FAILURES = 5;

export type LoginLimits = {
  /** The hard limit per account, from any client. */
  maxPerAccount: number;
  maxPerIp: number;
  windowMinutes: number;
  /** Failures in the last minute over all accounts and addresses (none: no ceiling). */
  maxPerMinute?: number;
};
export type LoginResult =
  | { ok: true; user: { id: string; email: string; name: string; key: string } }
  | {
      ok: false;
      /**
       * `code_required`: the password is right and the account has a second factor (the form
       * asks for the code); `invalid_code`: the code was wrong or used before.
       */
      reason: "invalid_credentials" | "rate_limited" | "code_required" | "invalid_code";
    };

// Verified against when the account does not exist, so both paths take as long.
let dummyHash: Promise<string> | undefined;

export async function attemptLogin(
  db: Db,
  input: { email: string; password: string; ip: string; code?: string },
  limits: LoginLimits,
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase().slice(0, 254);
  const ip = input.ip;
  const since = new Date(Date.now() - limits.windowMinutes * 60_000);
  const attempt = await db.transaction(async (tx) => {
    await lockLoginCounters(tx, { email, ip });
    const failures = await recentFailures(tx, { email, ip, since });
    const overall =
      limits.maxPerMinute === undefined
        ? 0
        : await recentFailuresAll(tx, new Date(Date.now() - 60_000));
    const wait = delayAfter(failures.byClient);
    const tooSoon =
      wait > 0 && failures.msSinceLastByClient !== null && failures.msSinceLastByClient < wait;
    // Over the ceiling, a client that signed in to this account before still may.
    const overCeiling =
      overall >= (limits.maxPerMinute ?? Number.POSITIVE_INFINITY) && !failures.knownClient;
    const refused =
      tooSoon ||
      failures.byEmail >= limits.maxPerAccount ||
      failures.byIp >= limits.maxPerIp ||
      overCeiling;
    const reason = refused ? "rate_limited" : "pending";
    const id = await recordLoginAttempt(tx, { email, ip, succeeded: false, reason });
    return { id, refused };
  });
  if (attempt.refused) {
    console.warn(`[login] refused (rate limited) email=${email} ip=${ip}`);
    return { ok: false, reason: "rate_limited" };
  }
  // A crash from here on leaves the attempt pending, which counts as a failure.
  const user = email ? await getUserByEmail(db, email) : undefined;
  dummyHash ??= hashPassword("not-a-real-password-0000");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !valid || user.deactivatedAt) {
    const reason = user?.deactivatedAt && valid ? "deactivated" : "invalid_credentials";
    await finishLoginAttempt(db, attempt.id, { succeeded: false, reason });
    console.warn(`[login] failed (${reason}) email=${email} ip=${ip}`);
    return { ok: false, reason: "invalid_credentials" };
  }
  // The second factor, for accounts that have one: asked for once the password is right (that
  // step is no failure), and a wrong code counts like a wrong password. Checked under the
  // account's lock, counting and marking in one short transaction, so parallel guesses from
  // many addresses or instances get no more than MAX_CODE_FAILURES checked.
  let used: "code" | "recovery" | null = null;
  const mfa = await getMfa(db, user.id);
  if (mfa?.secret) {
    const secondFactor = { ...mfa, secret: mfa.secret };
    const code = input.code?.trim() ?? "";
    if (!code) {
      await finishLoginAttempt(db, attempt.id, { succeeded: false, reason: "code_required" });
      return { ok: false, reason: "code_required" };
    }
    const outcome = await db.transaction(async (tx) => {
      await lockCodeChecks(tx, email);
      if ((await recentCodeFailures(tx, email, since)) >= MAX_CODE_FAILURES) {
        await finishLoginAttempt(tx, attempt.id, { succeeded: false, reason: "rate_limited" });
        return "rate_limited" as const;
      }
      // A step already taken by a parallel sign-in is refused by takeStep itself.
      const taken = await verifySecondFactor(tx, secondFactor, code);
      if (!taken)
        await finishLoginAttempt(tx, attempt.id, { succeeded: false, reason: "invalid_code" });
      return taken ?? ("invalid_code" as const);
    });
    if (outcome === "rate_limited" || outcome === "invalid_code") {
      console.warn(`[login] refused (${outcome}) email=${email} ip=${ip}`);
      return { ok: false, reason: outcome };
    }
    used = outcome;
  }
  // A recovery code's use is kept with the attempt: the owner may want to know.
  await finishLoginAttempt(db, attempt.id, {
    succeeded: true,
    reason: used === "recovery" ? "recovery_code" : null,
  });
  console.info(`[login] succeeded email=${email} ip=${ip}`);
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      key: sessionKey(user.passwordHash, user.sessionGeneration),
    },
  };
}
