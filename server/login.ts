/**
 * Password login with rate limiting per account and per IP address. The counts live in the
 * database, so the limits hold across app instances; every attempt is recorded (and logged).
 */
import { recentFailures, recordLoginAttempt } from "@/db/queries/logins";
import { getUserByEmail } from "@/db/queries/users";
import type { Db } from "@/db/types";
import { hashPassword, verifyPassword } from "./passwords";

export type LoginLimits = { maxPerAccount: number; maxPerIp: number; windowMinutes: number };
export type LoginResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid_credentials" | "rate_limited" };

// Verified against when the account does not exist, so both paths take as long.
let dummyHash: Promise<string> | undefined;

export async function attemptLogin(
  db: Db,
  input: { email: string; password: string; ip: string },
  limits: LoginLimits,
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase().slice(0, 254);
  const since = new Date(Date.now() - limits.windowMinutes * 60_000);
  const failures = await recentFailures(db, { email, ip: input.ip, since });
  if (failures.byEmail >= limits.maxPerAccount || failures.byIp >= limits.maxPerIp) {
    await recordLoginAttempt(db, { email, ip: input.ip, succeeded: false, reason: "rate_limited" });
    console.warn(`[login] refused (rate limited) email=${email} ip=${input.ip}`);
    return { ok: false, reason: "rate_limited" };
  }
  const user = email ? await getUserByEmail(db, email) : undefined;
  dummyHash ??= hashPassword("not-a-real-password-0000");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !valid || user.deactivatedAt) {
    const reason = user?.deactivatedAt && valid ? "deactivated" : "invalid_credentials";
    await recordLoginAttempt(db, { email, ip: input.ip, succeeded: false, reason });
    console.warn(`[login] failed (${reason}) email=${email} ip=${input.ip}`);
    return { ok: false, reason: "invalid_credentials" };
  }
  await recordLoginAttempt(db, { email, ip: input.ip, succeeded: true });
  console.info(`[login] succeeded email=${email} ip=${input.ip}`);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
