/**
 * Organisation sign-in: OpenID Connect beside passwords (next-auth's OAuth provider, with
 * PKCE, state and nonce; the ID token's signature, issuer, audience and expiry are checked by
 * next-auth's OpenID client before anything here runs). What is ours is who may come in:
 * - the e-mail address must be verified by the provider (`email_verified` true) and in one of
 *   OIDC_ALLOWED_DOMAINS;
 * - it is matched to an existing, active account by that address; an account is made only for a
 *   domain where an admin turned that on (sign_in_domains), never silently;
 * - the account is linked to the provider's subject (`sub`) at its first such sign-in; later
 *   the same address with another subject (a mailbox given to someone else) is refused;
 * - an account that must use a second factor (an admin or analyst under MFA_REQUIRED) or has
 *   one of its own comes in this way only when the provider says it used one (`amr`, RFC 8176:
 *   "mfa", or a password or PIN with a possession or inherence method); else password + code.
 */
import { randomBytes } from "node:crypto";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { writeAudit } from "@/db/queries/audit";
import { linkIdentity } from "@/db/queries/oidc-identities";
import { getSignInDomain } from "@/db/queries/sign-in-domains";
import { getUserByEmail, insertUser, loadSessionUser } from "@/db/queries/users";
import type { Db } from "@/db/types";
import { looksAcross } from "@/domain/permissions";
import { env } from "@/env";
import { hashPassword, sessionKey } from "./passwords";

/** The claims of an ID token this cares about. */
export type OidcClaims = {
  sub?: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  amr?: unknown;
};

export type OidcRefusal =
  | "no_subject"
  | "other_subject"
  | "unverified_email"
  | "domain_not_allowed"
  | "no_account"
  | "deactivated"
  | "second_factor";

export type OidcDecision =
  | {
      ok: true;
      /** `providerMfa`: the provider used a second factor, which this session then counts as. */
      user: { id: string; email: string; name: string; key: string; providerMfa: boolean };
      created: boolean;
    }
  | { ok: false; reason: OidcRefusal };

/** Who an organisation sign-in is, or why not. */
export async function decideOidcSignIn(
  db: Db,
  claims: OidcClaims,
  config: { allowedDomains: readonly string[]; mfaRequired: boolean; issuer: string },
): Promise<OidcDecision> {
  if (typeof claims.sub !== "string" || claims.sub === "")
    return { ok: false, reason: "no_subject" };
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!email || claims.email_verified !== true) return { ok: false, reason: "unverified_email" };
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (!config.allowedDomains.includes(domain)) return { ok: false, reason: "domain_not_allowed" };
  let account = await getUserByEmail(db, email);
  let created = false;
  if (!account) {
    if (!(await getSignInDomain(db, domain))?.createAccounts)
      return { ok: false, reason: "no_account" };
    const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim() : email;
    // No password anyone knows: this account signs in through its organisation only (an admin
    // can set one).
    const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
    const made = await db.transaction(async (tx) => {
      const user = await insertUser(tx, {
        email,
        name: name.slice(0, 200),
        passwordHash,
        isAdmin: false,
      });
      await writeAudit(tx, {
        actorUserId: null,
        ip: null,
        action: "create_by_sign_in",
        entity: "user",
        entityId: user.id,
        partnershipId: null,
        after: { email, name: user.name, domain },
      });
      return user;
    });
    account = await getUserByEmail(db, made.email);
    created = true;
  }
  if (!account || account.deactivatedAt) return { ok: false, reason: "deactivated" };
  const session = await loadSessionUser(db, account.id);
  if (!session) return { ok: false, reason: "deactivated" };
  const providerMfa = usedSecondFactor(claims.amr);
  const needsFactor = (config.mfaRequired && looksAcross(session)) || session.secondFactor;
  if (needsFactor && !providerMfa) return { ok: false, reason: "second_factor" };
  const link = await linkIdentity(db, {
    userId: account.id,
    issuer: config.issuer,
    subject: claims.sub,
  });
  if (link !== "linked") return { ok: false, reason: "other_subject" };
  return {
    ok: true,
    created,
    user: {
      id: account.id,
      email: account.email,
      name: account.name,
      key: sessionKey(account.passwordHash, account.sessionGeneration),
      providerMfa,
    },
  };
}

/** Possession and inherence methods of RFC 8176, beside a knowledge one ("pwd", "pin"). */
const SECOND_METHODS = [
  "otp",
  "hwk",
  "swk",
  "sms",
  "tel",
  "sc",
  "fpt",
  "face",
  "iris",
  "retina",
  "vbm",
];

/** Whether an ID token's `amr` says more than one factor was used. */
export function usedSecondFactor(amr: unknown): boolean {
  if (!Array.isArray(amr)) return false;
  if (amr.includes("mfa")) return true;
  return (
    (amr.includes("pwd") || amr.includes("pin")) && amr.some((m) => SECOND_METHODS.includes(m))
  );
}

/** The provider id in next-auth's routes (/api/auth/signin/oidc, /api/auth/callback/oidc). */
export const OIDC_PROVIDER_ID = "oidc";

/** Whether organisation sign-in is configured. */
export const oidcConfigured = () => Boolean(env.OIDC_ISSUER);

/** next-auth's provider for the configured issuer, or none. */
export function oidcProvider(): OAuthConfig<OidcClaims> | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  const issuer = env.OIDC_ISSUER.replace(/\/$/, "");
  return {
    id: OIDC_PROVIDER_ID,
    name: env.OIDC_NAME ?? "OpenID Connect",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    // What next-auth passes on as the user; the signIn callback replaces it by the account.
    profile: (claims) => ({
      id: String(claims.sub ?? ""),
      email: typeof claims.email === "string" ? claims.email : null,
      name: typeof claims.name === "string" ? claims.name : null,
    }),
  };
}
