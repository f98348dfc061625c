/**
 * The second factor (TOTP, server/mfa.ts): setting it up through the procedures, signing in
 * with a code and with a recovery code (each once), wrong codes limited, MFA_REQUIRED holding
 * an admin or analyst at the set-up until done, and an admin's audited reset.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, userMfa } from "@/db/schema";
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

    // Wrong codes: a handful, then refused even with a right one, from any address.
    for (let i = 0; i < MAX_CODE_FAILURES - 2; i++)
      expect(await login(email, "123456", `192.0.2.${60 + i}`)).toEqual({
        ok: false,
        reason: "invalid_code",
      });
    await forgetLastStep(userId);
    expect(await login(email, codeAt(secret), "198.51.100.1")).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    // The owner is told that wrong codes were tried (someone has the password).
    const notice = await caller.me.signInNotice();
    expect(notice.failures).toBeGreaterThanOrEqual(1);
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
