/**
 * The second factor (TOTP, server/mfa.ts): setting it up through the procedures, signing in
 * with a code and with a recovery code (each once), wrong codes limited, MFA_REQUIRED holding
 * an admin or analyst at the set-up until done, and an admin's audited reset.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, loginAttempts, userMfa } from "@/db/schema";
import { attemptLogin, MAX_CODE_FAILURES } from "@/server/login";
import { codeAt } from "@/server/mfa";
import { sessionKey } from "@/server/passwords";
import { createCaller } from "@/server/root";
import { createContext } from "@/server/trpc";
import { formattedError } from "../helpers/errors";
import { PASSWORD, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

const limits = { maxPerAccount: 100, maxPerIp: 100, windowMinutes: 15 };
// Each attempt from an address of its own: the growing delay per client is not what is tested.
let client = 0;
const login = (email: string, code?: string, ip = `203.0.113.${++client}`) =>
  attemptLogin(database.db, { email, password: PASSWORD, code, ip }, limits);
const callerOf = async (userId: string, mfaRequired = false) =>
  createCaller(await createContext({ db: database.db, userId, mfaRequired, ip: "192.0.2.9" }));

/** Sets up the second factor for a user through the procedures; returns secret and codes. */
async function enrol(userId: string, mfaRequired = false) {
  const caller = await callerOf(userId, mfaRequired);
  const { secret, uri, qrSvg } = await caller.me.secondFactor.begin();
  expect(uri).toMatch(/^otpauth:\/\/totp\/Samenwerkingsmonitor:/);
  expect(uri).toContain(`secret=${secret}`);
  expect(qrSvg).toContain("<svg");
  // A code a step back (a phone's clock a little behind) is accepted, as RFC 6238 allows.
  const { recoveryCodes } = await caller.me.secondFactor.confirm({
    otp: codeAt(secret, Date.now() - 30_000),
  });
  return { secret, recoveryCodes };
}

/** Moves the account's last accepted step back, as if its last sign-in were minutes ago. */
const forgetLastStep = (userId: string) =>
  database.db.update(userMfa).set({ lastStep: 0 }).where(eq(userMfa.userId, userId));

describe("the second factor", () => {
  it("is set up with a code from the app; a wrong code names the field and sets nothing up", async () => {
    const userId = world.userIds.leader as string;
    const caller = await callerOf(userId);
    const { secret } = await caller.me.secondFactor.begin();
    const wrong = await formattedError(caller.me.secondFactor.confirm({ otp: "000000" }));
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.fieldErrors?.otp).toMatch(/^Code uit de app: deze code klopt niet/);
    expect((await caller.me.secondFactor.status()).enabled).toBe(false);
    const { recoveryCodes } = await caller.me.secondFactor.confirm({ otp: codeAt(secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await caller.me.secondFactor.status()).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
    // The audit row says it happened, and holds neither the secret nor a code.
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, "second_factor_on")));
    expect(rows).toHaveLength(1);
    const kept = JSON.stringify(rows);
    expect(kept).not.toContain(secret);
    for (const code of recoveryCodes) expect(kept).not.toContain(code);
  });

  it("asks for the code after the right password, takes each code once, and limits wrong ones", async () => {
    const email = "professional@test.nl";
    const userId = world.userIds.professional as string;
    const { secret, recoveryCodes } = await enrol(userId);
    await forgetLastStep(userId);

    // The right password alone: the code is asked for, and that is no failure.
    expect(await login(email)).toEqual({ ok: false, reason: "code_required" });
    // A wrong password with a code is still a wrong password.
    const wrongPassword = await attemptLogin(
      database.db,
      { email, password: "not the password", code: codeAt(secret), ip: "192.0.2.50" },
      limits,
    );
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid_credentials" });

    const code = codeAt(secret);
    expect((await login(email, code)).ok).toBe(true);
    // The same code again (overheard, replayed): refused.
    expect(await login(email, code)).toEqual({ ok: false, reason: "invalid_code" });

    // A recovery code works once, typed in capitals or without its dash too.
    const [first = "", second = ""] = recoveryCodes;
    expect((await login(email, first.toUpperCase())).ok).toBe(true);
    expect(await login(email, first)).toEqual({ ok: false, reason: "invalid_code" });
    expect((await login(email, second.replace("-", ""))).ok).toBe(true);
    const caller = await callerOf(userId);
    expect((await caller.me.secondFactor.status()).recoveryCodesLeft).toBe(8);
    // The recovery code's use is kept with the attempt.
    const recovered = await database.db
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.reason, "recovery_code")));
    expect(recovered).toHaveLength(2);
  });

  it("refuses codes after five wrong ones, from any address, also in parallel", async () => {
    const email = "coordinator@test.nl";
    const userId = world.userIds.coordinator as string;
    const { secret } = await enrol(userId);
    await forgetLastStep(userId);
    // Twelve guesses at once from twelve addresses: no more than five are checked.
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(email, String(100000 + i), `198.51.100.${i + 1}`)),
    );
    const checked = guesses.filter((g) => !g.ok && g.reason === "invalid_code").length;
    expect(checked).toBe(MAX_CODE_FAILURES);
    expect(guesses.filter((g) => !g.ok && g.reason === "rate_limited")).toHaveLength(
      12 - MAX_CODE_FAILURES,
    );
    // Then even the right code waits out the window.
    expect(await login(email, codeAt(secret))).toEqual({ ok: false, reason: "rate_limited" });
    // The owner is told at their next sign-in that codes were tried (someone has the password).
    await database.db.delete(loginAttempts).where(eq(loginAttempts.email, email));
  });

  it("makes new recovery codes without letting the code used for it work again", async () => {
    const userId = world.userIds.leader as string;
    const caller = await callerOf(userId);
    const before = await caller.me.secondFactor.status();
    const { secret } = await (async () => {
      const [row] = await database.db.select().from(userMfa).where(eq(userMfa.userId, userId));
      return { secret: row?.secret ?? "" };
    })();
    await forgetLastStep(userId);
    const code = codeAt(secret);
    const { recoveryCodes } = await caller.me.secondFactor.renewRecoveryCodes({ otp: code });
    expect(recoveryCodes).toHaveLength(10);
    // The code it took is spent: not again at sign-in.
    expect(await login("leader@test.nl", code)).toEqual({ ok: false, reason: "invalid_code" });
    const after = await caller.me.secondFactor.status();
    expect(after.enabledAt).toEqual(before.enabledAt);
    expect(after.recoveryCodesLeft).toBe(10);
  });

  it("is set up again (a new phone) only with a current code, and ends the other sessions", async () => {
    const userId = world.userIds.leader as string;
    // Set up an hour ago: sessions of ten minutes ago were opened with it.
    const [row] = await database.db
      .update(userMfa)
      .set({ enabledAt: new Date(Date.now() - 3600_000) })
      .where(eq(userMfa.userId, userId))
      .returning();
    const oldSecret = row?.secret ?? "";
    const open = (sessionId: string, signedInAt: number) =>
      createContext({ db: database.db, userId, sessionId, signedInAt });
    const earlier = Math.floor(Date.now() / 1000) - 600;
    const here = crypto.randomUUID();
    const elsewhere = crypto.randomUUID();
    const session = createCaller(await open(here, earlier));
    // Without a code, or with a wrong one: nothing starts.
    const none = await formattedError(session.me.secondFactor.begin({}));
    expect(none.fieldErrors?.otp).toMatch(/klopt niet/);
    await forgetLastStep(userId);
    const { secret } = await session.me.secondFactor.begin({ otp: codeAt(oldSecret) });
    expect(secret).not.toBe(oldSecret);
    await session.me.secondFactor.confirm({ otp: codeAt(secret) });
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, "second_factor_replaced")));
    expect(rows).toHaveLength(1);
    // The session that did it goes on; another one opened before it ends.
    expect((await open(here, earlier)).user).not.toBeNull();
    expect((await open(elsewhere, earlier)).user).toBeNull();
    expect((await open(elsewhere, Math.floor(Date.now() / 1000) + 1)).user).not.toBeNull();
    // A sign-in in the same second as the set-up (tokens count whole seconds) goes on too.
    expect((await open(crypto.randomUUID(), Math.floor(Date.now() / 1000))).user).not.toBeNull();
  });

  it("limits code guesses in a session too", async () => {
    const userId = world.userIds.leader as string;
    const caller = await callerOf(userId);
    // Counted from a clean slate (the tests before tried wrong codes on this account too).
    await database.db.delete(loginAttempts).where(eq(loginAttempts.email, "leader@test.nl"));
    for (let i = 0; i < MAX_CODE_FAILURES; i++) {
      const wrong = await formattedError(caller.me.secondFactor.disable({ otp: "000000" }));
      expect(wrong.code).toBe("BAD_REQUEST");
    }
    const refused = await formattedError(caller.me.secondFactor.disable({ otp: "000000" }));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect((await caller.me.secondFactor.status()).enabled).toBe(true);
  });

  it("holds an analyst at the set-up while MFA_REQUIRED, and lets them on once done", async () => {
    const userId = world.userIds.analyst as string;
    const held = await callerOf(userId, true);
    const me = await held.me.get();
    expect(me.secondFactor).toEqual({ enabled: false, required: true, pending: true });
    const refused = await formattedError(held.partnerships.list({ page: 1, pageSize: 10 }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/tweede stap/);
    // A coordinator is not held: it is required for those who look across partnerships.
    const coordinator = await callerOf(world.userIds.coordinator as string, true);
    expect((await coordinator.me.get()).secondFactor.pending).toBe(false);

    const { secret } = await enrol(userId, true);
    const free = await callerOf(userId, true);
    expect((await free.me.get()).secondFactor).toEqual({
      enabled: true,
      required: true,
      pending: false,
    });
    await expect(free.partnerships.list({ page: 1, pageSize: 10 })).resolves.toBeTruthy();
    // Required, so it cannot be turned off; not required, it can.
    const kept = await formattedError(free.me.secondFactor.disable({ otp: codeAt(secret) }));
    expect(kept.code).toBe("FORBIDDEN");
    await forgetLastStep(userId);
    const optional = await callerOf(userId, false);
    await optional.me.secondFactor.disable({ otp: codeAt(secret) });
    expect((await optional.me.secondFactor.status()).enabled).toBe(false);
  });

  it("is reset by an admin: gone, the user's sessions end, and the act is in the audit log", async () => {
    const userId = world.userIds.otherMember as string;
    await enrol(userId);
    const [user] = await database.db.query.users.findMany({
      where: (u, { eq }) => eq(u.id, userId),
    });
    if (!user) throw new Error("no user");
    const key = sessionKey(user.passwordHash, user.sessionGeneration);
    const before = await createContext({ db: database.db, userId, sessionKey: key });
    expect(before.user).not.toBeNull();

    const admin = await callerOf(world.userIds.admin as string);
    expect((await admin.admin.users.get({ id: userId })).secondFactor).toBe(true);
    expect(await admin.admin.users.resetSecondFactor({ userId })).toEqual({
      userId,
      hadSecondFactor: true,
    });
    expect((await admin.admin.users.get({ id: userId })).secondFactor).toBe(false);
    const after = await createContext({ db: database.db, userId, sessionKey: key });
    expect(after.user).toBeNull();
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, "second_factor_reset")));
    expect(rows.map((r) => r.actorUserId)).toEqual([world.userIds.admin]);
    // Signing in now needs no code: the next sign-in sets up a new one where required.
    expect((await login("other@test.nl")).ok).toBe(true);
  });
});
