/**
 * Login rate limits under attack: a client that writes its own X-Forwarded-For entries, and
 * bursts of parallel attempts (several connections on Postgres, one on PGlite).
 */
import { and, eq, inArray, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { loginAttempts } from "@/db/schema";
import { env } from "@/env";
import { clientIp, PEER_HEADER } from "@/server/auth";
import { attemptLogin, delayAfter, FREE_TRIES, type LoginResult } from "@/server/login";
import { createCaller } from "@/server/root";
import { createContext } from "@/server/trpc";
import { PASSWORD, withWorld } from "../helpers/world";

let database: Database;

withWorld((d) => {
  database = d;
});

const tally = (results: LoginResult[]) =>
  results.reduce<Record<string, number>>((acc, r) => {
    const key = r.ok ? "ok" : r.reason;
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});

const attemptsOf = (emails: string[]) =>
  database.db.select().from(loginAttempts).where(inArray(loginAttempts.email, emails));

describe("login rate limits", () => {
  it("out of the box, forged X-Forwarded-For entries do not change the address used", async () => {
    const limits = { maxPerAccount: 100, maxPerIp: 5, windowMinutes: 15 };
    const results: LoginResult[] = [];
    for (let i = 0; i < 12; i++) {
      // A new fake address each time; no proxy in front, so the connection is the client.
      const headers = new Headers({
        "x-forwarded-for": `203.0.113.${i}`,
        [PEER_HEADER]: "198.51.100.7",
      });
      const ip = clientIp(headers, 0, true);
      expect(ip).toBe("198.51.100.7");
      results.push(
        await attemptLogin(
          database.db,
          { email: `spoof${i}@test.nl`, password: "Welkom2024!", ip },
          limits,
        ),
      );
    }
    expect(tally(results)).toEqual({ invalid_credentials: 5, rate_limited: 7 });
    const rows = await database.db
      .select()
      .from(loginAttempts)
      .where(like(loginAttempts.email, "spoof%"));
    expect(new Set(rows.map((r) => r.ip))).toEqual(new Set(["198.51.100.7"]));
  });

  it("behind a proxy, the entry it appended, not the client's own ones before it", () => {
    const headers = new Headers({
      "x-forwarded-for": "203.0.113.1, 198.51.100.8",
      [PEER_HEADER]: "10.0.0.2",
    });
    expect(clientIp(headers, 1, true)).toBe("198.51.100.8");
  });

  it("stops every guess beyond the ceiling per minute, whatever addresses and accounts rotate", async () => {
    const limits = { maxPerAccount: 100, maxPerIp: 100, windowMinutes: 15, maxPerMinute: 10 };
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        attemptLogin(
          database.db,
          { email: `rotate${i}@test.nl`, password: `guess-${i}-xxxxx`, ip: `203.0.113.${100 + i}` },
          limits,
        ),
      ),
    );
    const rows = await database.db
      .select()
      .from(loginAttempts)
      .where(like(loginAttempts.email, "rotate%"));
    // Failures of the tests before count too: at most the ceiling was ever checked.
    expect(rows.filter((r) => r.reason === "invalid_credentials").length).toBeLessThanOrEqual(10);
    expect(tally(results).rate_limited ?? 0).toBeGreaterThanOrEqual(30);
    // Once the minute has passed (every failure so far moved back), attempts are checked again.
    await database.db.update(loginAttempts).set({ at: new Date(Date.now() - 5 * 60_000) });
    expect(
      await attemptLogin(
        database.db,
        { email: "rotate-after@test.nl", password: "guess-after-xx", ip: "203.0.113.250" },
        limits,
      ),
    ).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("refuses parallel wrong passwords beyond the per-account limit", async () => {
    const limits = { maxPerAccount: 5, maxPerIp: 100, windowMinutes: 15 };
    const email = "leader@test.nl";
    const attempts = 20;
    const results = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        attemptLogin(
          database.db,
          { email, password: `guess-${i}-xxxxx`, ip: `192.0.2.${i + 1}` },
          limits,
        ),
      ),
    );
    const counts = tally(results);
    expect(counts.ok).toBeUndefined();
    expect(counts.rate_limited ?? 0).toBeGreaterThanOrEqual(attempts - limits.maxPerAccount);
    // Only attempts that passed the check had their password verified.
    const rows = await attemptsOf([email]);
    expect(rows).toHaveLength(attempts);
    expect(rows.filter((r) => r.reason === "invalid_credentials").length).toBeLessThanOrEqual(
      limits.maxPerAccount,
    );
    expect(rows.filter((r) => r.reason === "pending")).toEqual([]);
    // Even the right password is refused now.
    expect(
      await attemptLogin(database.db, { email, password: PASSWORD, ip: "192.0.2.99" }, limits),
    ).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("holds the per-IP limit across accounts, in parallel", async () => {
    const limits = { maxPerAccount: 5, maxPerIp: 5, windowMinutes: 15 };
    const ip = "198.51.100.20";
    const emails = [
      "admin@test.nl",
      "professional@test.nl",
      "analyst@test.nl",
      ...Array.from({ length: 17 }, (_, i) => `spray${i}@test.nl`),
    ];
    const results = await Promise.all(
      emails.map((email) =>
        attemptLogin(database.db, { email, password: "Welkom2024!", ip }, limits),
      ),
    );
    const counts = tally(results);
    expect(counts.ok).toBeUndefined();
    expect(counts.rate_limited ?? 0).toBeGreaterThanOrEqual(emails.length - limits.maxPerIp);
    const rows = await attemptsOf(emails);
    expect(rows.filter((r) => r.reason === "invalid_credentials").length).toBeLessThanOrEqual(
      limits.maxPerIp,
    );
    // Another address is not affected.
    expect(
      await attemptLogin(
        database.db,
        { email: "professional@test.nl", password: PASSWORD, ip: "198.51.100.21" },
        limits,
      ),
    ).toMatchObject({ ok: true });
  });

  it("still logs in with the right password after failures below the limit", async () => {
    const limits = { maxPerAccount: 5, maxPerIp: 5, windowMinutes: 15 };
    const email = "coordinator@test.nl";
    const ip = "198.51.100.30";
    // Two wrong passwords and the right one, all at once: within the free tries, no delay.
    const results = await Promise.all([
      ...Array.from({ length: FREE_TRIES - 1 }, (_, i) =>
        attemptLogin(database.db, { email, password: `wrong-${i}-xxxxx`, ip }, limits),
      ),
      attemptLogin(database.db, { email, password: PASSWORD, ip }, limits),
    ]);
    expect(tally(results)).toEqual({ invalid_credentials: FREE_TRIES - 1, ok: 1 });
    expect(results[FREE_TRIES - 1]).toMatchObject({ ok: true, user: { email } });
    // And once more afterwards: a success does not count as a failure.
    expect(
      await attemptLogin(database.db, { email, password: PASSWORD, ip }, limits),
    ).toMatchObject({ ok: true });
    const rows = await attemptsOf([email]);
    expect(rows.map((r) => [r.succeeded, r.reason]).sort()).toEqual([
      [false, "invalid_credentials"],
      [false, "invalid_credentials"],
      [true, null],
      [true, null],
    ]);
  });

  it("five wrong passwords from one client do not lock the owner out: that client waits longer each time", async () => {
    // The limits as configured out of the box.
    const limits = {
      maxPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
      windowMinutes: env.LOGIN_WINDOW_MINUTES,
      maxPerMinute: env.LOGIN_MAX_FAILURES_PER_MINUTE,
    };
    const email = "analyst@test.nl";
    const attacker = "203.0.113.66";
    const guess = (i: number) =>
      attemptLogin(database.db, { email, password: `guess-${i}-xxxxx`, ip: attacker }, limits);
    const results: LoginResult[] = [];
    for (let i = 0; i < 5; i++) results.push(await guess(i));
    // Three free tries; the fourth and fifth come too soon and are not even checked.
    expect(tally(results)).toEqual({ invalid_credentials: FREE_TRIES, rate_limited: 2 });
    // The owner, elsewhere, signs in.
    expect(
      await attemptLogin(database.db, { email, password: PASSWORD, ip: "198.51.100.70" }, limits),
    ).toMatchObject({ ok: true });
    // The wait grows with every checked failure (three so far: 1 s; refused tries do not
    // count); moved 5 s back, a try is checked again, and its failure makes the next wait 2 s.
    expect(delayAfter(3)).toBe(1000);
    expect(delayAfter(4)).toBe(2000);
    expect(delayAfter(60)).toBe(60_000);
    await database.db
      .update(loginAttempts)
      .set({ at: new Date(Date.now() - 5000) })
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, attacker)));
    expect(await guess(5)).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await guess(6)).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("tells the owner on signing in how often a wrong password was tried since last time", async () => {
    const limits = { maxPerAccount: 100, maxPerIp: 100, windowMinutes: 15 };
    const email = "professional2@test.nl";
    const signIn = (password: string, ip: string) =>
      attemptLogin(database.db, { email, password, ip }, limits);
    const first = await signIn(PASSWORD, "198.51.100.80");
    if (!first.ok) throw new Error("no sign-in");
    const caller = createCaller(
      await createContext({ db: database.db, userId: first.user.id, sessionKey: first.user.key }),
    );
    expect(await caller.me.signInNotice()).toEqual({ failures: 0, lastAt: null });
    await signIn("wrong-one-xxxxx", "203.0.113.81");
    await signIn("wrong-two-xxxxx", "203.0.113.82");
    await signIn(PASSWORD, "198.51.100.80");
    const notice = await caller.me.signInNotice();
    expect(notice.failures).toBe(2);
    expect(notice.lastAt).toBeInstanceOf(Date);
    // Told once: the next sign-in without failures before it has nothing to tell.
    await signIn(PASSWORD, "198.51.100.80");
    expect((await caller.me.signInNotice()).failures).toBe(0);
  });

  it("hammering on a refusal neither locks the account nor lengthens the wait", async () => {
    const limits = { maxPerAccount: 10, maxPerIp: 1000, windowMinutes: 15, maxPerMinute: 1000 };
    const email = "region-analyst@test.nl";
    const attacker = "203.0.113.90";
    const results: LoginResult[] = [];
    for (let i = 0; i < 60; i++)
      results.push(
        await attemptLogin(
          database.db,
          { email, password: `hammer-${i}-xxxx`, ip: attacker },
          limits,
        ),
      );
    // Three checked, the rest refused unchecked: far below the account's hard limit of ten.
    expect(tally(results)).toEqual({ invalid_credentials: FREE_TRIES, rate_limited: 57 });
    expect(
      await attemptLogin(database.db, { email, password: PASSWORD, ip: "198.51.100.91" }, limits),
    ).toMatchObject({ ok: true });
    // The wait is still the one after three failures: a second later the attacker is checked.
    await database.db
      .update(loginAttempts)
      .set({ at: new Date(Date.now() - 1500) })
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, attacker)));
    expect(
      await attemptLogin(database.db, { email, password: "hammer-x-xxxx", ip: attacker }, limits),
    ).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("over the ceiling, a client that signed in to the account before still gets in", async () => {
    const limits = { maxPerAccount: 100, maxPerIp: 100, windowMinutes: 15, maxPerMinute: 5 };
    const email = "other-analyst@test.nl";
    const home = "198.51.100.95";
    // The minute starts afresh: earlier tests' failures moved back.
    await database.db.update(loginAttempts).set({ at: new Date(Date.now() - 5 * 60_000) });
    expect(
      await attemptLogin(database.db, { email, password: PASSWORD, ip: home }, limits),
    ).toMatchObject({ ok: true });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        attemptLogin(
          database.db,
          { email: `flood${i}@test.nl`, password: "flood-xxxx-1", ip: `203.0.113.${200 + i}` },
          limits,
        ),
      ),
    );
    // A new client is refused while the ceiling holds; the owner's usual one is not.
    expect(
      await attemptLogin(database.db, { email, password: PASSWORD, ip: "203.0.113.250" }, limits),
    ).toEqual({ ok: false, reason: "rate_limited" });
    expect(
      await attemptLogin(database.db, { email, password: PASSWORD, ip: home }, limits),
    ).toMatchObject({ ok: true });
  });
});
