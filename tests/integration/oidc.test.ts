/**
 * Who an organisation sign-in is (server/oidc.ts decideOidcSignIn), against a real database:
 * the checks on the ID token's claims after next-auth verified its signature, issuer, audience
 * and expiry. The whole flow against a real provider is scripts/oidc.ts.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { setSignInDomain } from "@/db/queries/sign-in-domains";
import { auditLog, users } from "@/db/schema";
import { decideOidcSignIn } from "@/server/oidc";
import { type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

const config = { allowedDomains: ["test.nl", "school.nl"], mfaRequired: true };
const decide = (claims: Record<string, unknown>, c = config) =>
  decideOidcSignIn(database.db, claims, c);

describe("an organisation sign-in", () => {
  it("finds the account by its verified e-mail address, in any case of letters", async () => {
    const decision = await decide({ email: "Coordinator@Test.NL", email_verified: true });
    expect(decision).toMatchObject({
      ok: true,
      created: false,
      user: { id: world.userIds.coordinator, providerMfa: false },
    });
  });

  it("refuses an unverified address, another domain, and an unknown one without account creation", async () => {
    expect(await decide({ email: "coordinator@test.nl", email_verified: false })).toEqual({
      ok: false,
      reason: "unverified_email",
    });
    // "true" as a string is not a verification.
    expect(await decide({ email: "coordinator@test.nl", email_verified: "true" })).toMatchObject({
      ok: false,
    });
    expect(
      await decide(
        { email: "coordinator@test.nl", email_verified: true },
        { ...config, allowedDomains: ["school.nl"] },
      ),
    ).toEqual({ ok: false, reason: "domain_not_allowed" });
    expect(await decide({ email: "nieuw@school.nl", email_verified: true })).toEqual({
      ok: false,
      reason: "no_account",
    });
    expect(
      await database.db.select().from(users).where(eq(users.email, "nieuw@school.nl")),
    ).toHaveLength(0);
  });

  it("makes an account where an admin allowed it for the domain, once, audited", async () => {
    await setSignInDomain(database.db, { domain: "school.nl", createAccounts: true });
    const first = await decide({
      email: "nieuw@school.nl",
      email_verified: true,
      name: "Nieuwe Leerkracht",
    });
    expect(first).toMatchObject({ ok: true, created: true, user: { name: "Nieuwe Leerkracht" } });
    const again = await decide({ email: "nieuw@school.nl", email_verified: true, name: "Anders" });
    expect(again).toMatchObject({ ok: true, created: false });
    if (!first.ok) throw new Error("not signed in");
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, first.user.id));
    expect(rows.map((r) => r.action)).toEqual(["create_by_sign_in"]);
    // Turned off again: the account made stays and signs in; no new ones are made.
    await setSignInDomain(database.db, { domain: "school.nl", createAccounts: false });
    expect(await decide({ email: "tweede@school.nl", email_verified: true })).toEqual({
      ok: false,
      reason: "no_account",
    });
  });

  it("lets an analyst in only when the provider used a second factor (MFA_REQUIRED)", async () => {
    const analyst = { email: "analyst@test.nl", email_verified: true };
    expect(await decide(analyst)).toEqual({ ok: false, reason: "second_factor" });
    expect(await decide({ ...analyst, amr: ["pwd", "otp"] })).toEqual({
      ok: false,
      reason: "second_factor",
    });
    expect(await decide({ ...analyst, amr: ["pwd", "mfa"] })).toMatchObject({
      ok: true,
      user: { providerMfa: true },
    });
    expect(await decide(analyst, { ...config, mfaRequired: false })).toMatchObject({ ok: true });
  });
});
