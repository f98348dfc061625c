/**
 * Sessions end on the server: a signed-out session's token stops working at once, and a
 * deactivated account's sessions never come back when it is reactivated. Through the login and
 * the context every request builds (server/context.ts), on a real database.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { revokeSession } from "@/db/queries/users";
import { attemptLogin } from "@/server/login";
import { createContext } from "@/server/trpc";
import { callerFor, PASSWORD, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

const limits = { maxPerAccount: 50, maxPerIp: 50, windowMinutes: 15 };

/** Signs in as next-auth does and returns what its token carries. */
async function signIn(email: string, ip: string) {
  const result = await attemptLogin(database.db, { email, password: PASSWORD, ip }, limits);
  if (!result.ok) throw new Error(`${email} could not sign in`);
  return { userId: result.user.id, sessionKey: result.user.key };
}

const userOf = async (token: { userId: string; sessionKey: string }, sessionId: string) =>
  (await createContext({ db: database.db, ...token, sessionId })).user;

describe("sessions", () => {
  it("signing out ends that session at its next request, and no other", async () => {
    const token = await signIn("leader@test.nl", "198.51.100.40");
    expect(await userOf(token, "session-a")).not.toBeNull();
    expect(await userOf(token, "session-b")).not.toBeNull();
    await revokeSession(database.db, {
      sessionId: "session-a",
      userId: token.userId,
      expiresAt: new Date(Date.now() + 3600_000),
    });
    expect(await userOf(token, "session-a")).toBeNull();
    // The same person signed in elsewhere stays signed in.
    expect(await userOf(token, "session-b")).not.toBeNull();
    // Signing out twice (two tabs) is no error.
    await revokeSession(database.db, {
      sessionId: "session-a",
      userId: token.userId,
      expiresAt: new Date(Date.now() + 3600_000),
    });
  });

  it("a deactivated account's sessions stay ended after it is reactivated", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const email = "professional@test.nl";
    const before = await signIn(email, "198.51.100.41");
    expect(await userOf(before, "session-c")).not.toBeNull();
    const id = world.userIds.professional as string;
    const user = await admin.admin.users.get({ id });
    const fields = { id, name: user.name, isAdmin: false, isNationalAnalyst: false };
    const off = await admin.admin.users.update({ ...fields, version: user.version, active: false });
    expect(await userOf(before, "session-c")).toBeNull();
    await admin.admin.users.update({ ...fields, version: off.version, active: true });
    // Reactivated: the old token does not work again; a new sign-in does.
    expect(await userOf(before, "session-c")).toBeNull();
    const after = await signIn(email, "198.51.100.41");
    expect(after.sessionKey).not.toBe(before.sessionKey);
    expect(await userOf(after, "session-d")).not.toBeNull();
  });
});
