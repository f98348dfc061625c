/**
 * Who an organisation sign-in is (server/oidc.ts decideOidcSignIn), against a real database:
 * the checks on the ID token's claims after next-auth verified its signature, issuer, audience
 * and expiry. The whole flow against a real provider is scripts/oidc.ts.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { setSignInDomain } from "@/db/queries/sign-in-domains";
import { auditLog, userMfa, users } from "@/db/schema";
import { decideOidcSignIn } from "@/server/oidc";
import { type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

const config = {
  allowedDomains: ["test.nl", "school.nl"],
  mfaRequired: true,
  issuer: "https://login.example.nl",
};
let subjects = 0;
/** Claims of a token for `email`, each with a subject of its own unless one is given. */
const token = (email: string, extra: Record<string, unknown> = {}) => ({
  sub: `subject-${++subjects}`,
  email,
  email_verified: true,
  ...extra,
});
const decide = (claims: Record<string, unknown>, c = config) =>
  decideOidcSignIn(database.db, claims, c);

describe("an organisation sign-in", () => {
  it("finds the account by its verified e-mail address, in any case of letters", async () => {
    const decision = await decide(token("Coordinator@Test.NL", { sub: "coordinator-sub" }));
    expect(decision).toMatchObject({
      ok: true,
      created: false,
      user: { id: world.userIds.coordinator, providerMfa: false },
    });
  });

  it("refuses an unverified address, another domain, and an unknown one without account creation", async () => {
    expect(await decide(token("coordinator@test.nl", { email_verified: false }))).toEqual({
      ok: false,
      reason: "unverified_email",
    });
    // "true" as a string is not a verification.
    expect(await decide(token("coordinator@test.nl", { email_verified: "true" }))).toEqual({
      ok: false,
      reason: "unverified_email",
    });
    expect(
      await decide(token("coordinator@test.nl"), { ...config, allowedDomains: ["school.nl"] }),
    ).toEqual({ ok: false, reason: "domain_not_allowed" });
    expect(await decide(token("nieuw@school.nl"))).toEqual({ ok: false, reason: "no_account" });
    expect(
      await database.db.select().from(users).where(eq(users.email, "nieuw@school.nl")),
    ).toHaveLength(0);
    expect(await decide({ email: "coordinator@test.nl", email_verified: true })).toEqual({
      ok: false,
      reason: "no_subject",
    });
  });

  it("makes an account where an admin allowed it for the domain, once, audited", async () => {
    await setSignInDomain(database.db, { domain: "school.nl", createAccounts: true });
    const first = await decide(
      token("nieuw@school.nl", { sub: "nieuw", name: "Nieuwe Leerkracht" }),
    );
    expect(first).toMatchObject({ ok: true, created: true, user: { name: "Nieuwe Leerkracht" } });
    const again = await decide(token("nieuw@school.nl", { sub: "nieuw", name: "Anders" }));
    expect(again).toMatchObject({ ok: true, created: false });
    if (!first.ok) throw new Error("not signed in");
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, first.user.id));
    expect(rows.map((r) => r.action)).toEqual(["create_by_sign_in"]);
    // Turned off again: the account made stays and signs in; no new ones are made.
    await setSignInDomain(database.db, { domain: "school.nl", createAccounts: false });
    expect(await decide(token("tweede@school.nl"))).toEqual({
      ok: false,
      reason: "no_account",
    });
  });

  it("lets an analyst in only when the provider used a second factor (MFA_REQUIRED)", async () => {
    const analyst = (amr?: string[]) => token("analyst@test.nl", { sub: "analyst-sub", amr });
    expect(await decide(analyst())).toEqual({ ok: false, reason: "second_factor" });
    expect(await decide(analyst(["otp"]))).toEqual({ ok: false, reason: "second_factor" });
    expect(await decide(analyst(["pwd", "otp"]))).toMatchObject({
      ok: true,
      user: { providerMfa: true },
    });
    expect(await decide(analyst(["pwd", "mfa"]))).toMatchObject({ ok: true });
    expect(await decide(analyst(), { ...config, mfaRequired: false })).toMatchObject({ ok: true });
  });

  it("asks a second factor of an account that has one of its own, also where none is required", async () => {
    const userId = world.userIds.leader as string;
    await database.db
      .insert(userMfa)
      .values({ userId, secret: "JBSWY3DPEHPK3PXP", enabledAt: new Date() });
    const leader = (amr?: string[]) => token("leader@test.nl", { sub: "leader-sub", amr });
    const relaxed = { ...config, mfaRequired: false };
    expect(await decide(leader(), relaxed)).toEqual({ ok: false, reason: "second_factor" });
    expect(await decide(leader(["mfa"]), relaxed)).toMatchObject({ ok: true });
  });

  it("keeps an account to the subject it first signed in as, and refuses a deactivated one", async () => {
    // The same address later comes with another subject: a mailbox given to someone else.
    expect(await decide(token("coordinator@test.nl", { sub: "someone-new" }))).toEqual({
      ok: false,
      reason: "other_subject",
    });
    // Another provider is another link.
    expect(
      await decide(token("coordinator@test.nl", { sub: "someone-new" }), {
        ...config,
        issuer: "https://other.example.nl",
      }),
    ).toMatchObject({ ok: true });
    // A subject already linked to one account does not sign in as another.
    expect(await decide(token("professional@test.nl", { sub: "coordinator-sub" }))).toEqual({
      ok: false,
      reason: "other_subject",
    });
    await database.db
      .update(users)
      .set({ deactivatedAt: new Date() })
      .where(eq(users.id, world.userIds.professional2 as string));
    expect(await decide(token("professional2@test.nl"))).toEqual({
      ok: false,
      reason: "deactivated",
    });
  });
});
