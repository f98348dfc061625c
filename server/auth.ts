/**
 * next-auth: e-mail + password (provider id "credentials"), JWT sessions signed with the auth
 * secret. A JWT needs no server state, so sessions survive restarts and work on any instance
 * that shares the secret; each request still reloads the user (server/trpc.ts), so a
 * deactivated account loses access at once.
 */

import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDatabase } from "@/db/client";
import { recordLoginAttempt } from "@/db/queries/logins";
import { revokeSession } from "@/db/queries/users";
import { SESSION_ABSOLUTE_SECONDS } from "@/domain/limits";
import { authSecret, env, mfaRequired } from "@/env";
import { PEER_HEADER } from "@/scripts/peer-address.mjs";
import { attemptLogin } from "./login";
import { decideOidcSignIn, OIDC_PROVIDER_ID, type OidcClaims, oidcProvider } from "./oidc";

/** How long a session lasts without use (8 hours). */
const SESSION_SECONDS = 8 * 60 * 60;

/**
 * The address recorded for organisation sign-ins: next-auth's callback does not have the
 * request (the provider's own log has the client's address).
 */
const ORGANISATION_SIGN_IN = "organisation";

/** Per-IP counts of clients whose address is not known (no usable header, or no proxy). */
const UNKNOWN_ADDRESS = "unknown";

/** One X-Forwarded-For entry as a stable key: no port, IPv4 without its IPv6 mapping. */
function normaliseAddress(entry: string): string {
  let address = entry.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  if (ipv4WithPort?.[1]) address = ipv4WithPort[1];
  if (/^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/.test(address)) address = address.slice(7);
  return (ipv6Network(address) ?? address).slice(0, 64);
}

/**
 * An IPv6 address keyed by its /64 network: one connection gets a whole /64, so counting its
 * addresses one by one would let a single client rotate through millions.
 */
function ipv6Network(address: string): string | null {
  if (!address.includes(":") || !/^[0-9a-f:]+$/.test(address)) return null;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = address.includes("::")
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  if (groups.length !== 8) return null;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** Set by scripts/server.mjs from the connection itself; one name for writer and reader. */
export { PEER_HEADER };

let warnedAboutProxy = false;

/**
 * The client's address, for rate limits. The addresses a request came through are the
 * X-Forwarded-For entries (each proxy appends the address it received the request from) and
 * last the connection's own (`x-smo-peer-address`, written by scripts/server.mjs). With
 * `trustedHops` proxies in front (TRUSTED_PROXY_HOPS) the client is that many places before
 * the connection: 0 is the connection itself, and the header is not read at all (out of the
 * box a client cannot choose its address); 1 is the entry the one proxy appended. Entries to
 * the left of the trusted ones the client may have written itself. With fewer entries than
 * trusted hops, the leftmost; without a usable address, one shared "unknown". The peer header
 * is read only when scripts/server.mjs says it writes it: under a bare `next start` a client
 * could send it, so then all clients share one count instead.
 */
export function clientIp(
  headers: Headers | Record<string, string | string[] | undefined>,
  trustedHops: number = env.TRUSTED_PROXY_HOPS,
  /** Whether the peer header is the server's own (scripts/server.mjs), not a client's. */
  peerFromSocket: boolean = env.PEER_ADDRESS_FROM_SOCKET === "1",
): string {
  const read = (name: string) =>
    headers instanceof Headers
      ? headers.get(name)
      : // Several header lines mean the same as one line joined with commas.
        [headers[name]].flat().filter(Boolean).join(",");
  const peer = peerFromSocket ? normaliseAddress(read(PEER_HEADER) ?? "") : "";
  if (trustedHops < 1 && !warnedAboutProxy && read("x-forwarded-for")) {
    // Behind a proxy with no hops configured, every client would count as the proxy.
    warnedAboutProxy = true;
    console.warn(
      "[start] requests carry X-Forwarded-For but TRUSTED_PROXY_HOPS is 0: set it to the number of proxies in front",
    );
  }
  const forwarded =
    trustedHops < 1
      ? []
      : (read("x-forwarded-for") ?? "")
          .split(",")
          .map(normaliseAddress)
          .filter((entry) => entry !== "");
  const chain = peer ? [...forwarded, peer] : forwarded;
  const address = chain[Math.max(chain.length - 1 - (peer ? trustedHops : trustedHops - 1), 0)];
  return address || UNKNOWN_ADDRESS;
}

export function authOptions(): NextAuthOptions {
  const oidc = oidcProvider();
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      ...(oidc ? [oidc] : []),
      Credentials({
        id: "credentials",
        name: "E-mail",
        credentials: {
          email: { label: "E-mail", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Code", type: "text" },
        },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === "string" ? credentials.email : "";
          const password = typeof credentials?.password === "string" ? credentials.password : "";
          const code = typeof credentials?.code === "string" ? credentials.code.slice(0, 40) : "";
          if (!email || !password) throw new Error("invalid_credentials");
          const { db } = await getDatabase();
          const result = await attemptLogin(
            db,
            { email, password, code, ip: clientIp(req?.headers ?? {}) },
            {
              maxPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
              maxPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
              windowMinutes: env.LOGIN_WINDOW_MINUTES,
              maxPerMinute: env.LOGIN_MAX_FAILURES_PER_MINUTE,
            },
          );
          // The error text reaches the login form as a code it translates.
          if (!result.ok) throw new Error(result.reason);
          return result.user;
        },
      }),
    ],
    callbacks: {
      // Organisation sign-in: the provider's user becomes the account it is matched to (the
      // same object reaches the jwt callback), or the sign-in is refused (server/oidc.ts).
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const { db } = await getDatabase();
        const decision = await decideOidcSignIn(db, (profile ?? {}) as OidcClaims, {
          allowedDomains: env.OIDC_ALLOWED_DOMAINS,
          mfaRequired,
          issuer: env.OIDC_ISSUER ?? "",
        });
        const claimed = (profile as OidcClaims | undefined)?.email;
        const email = typeof claimed === "string" ? claimed.trim().toLowerCase().slice(0, 254) : "";
        // Kept with the password sign-ins: the owner's notice and the audit of sign-ins see it.
        await recordLoginAttempt(db, {
          email,
          ip: ORGANISATION_SIGN_IN,
          succeeded: decision.ok,
          reason: decision.ok ? "organisation" : `organisation_${decision.reason}`,
        });
        if (!decision.ok) {
          console.warn(`[login] organisation sign-in refused (${decision.reason}) email=${email}`);
          // One answer for every refusal, so which accounts exist is not told; but the owner of
          // an account that needs a second factor is told to use password and code instead.
          return decision.reason === "second_factor"
            ? "/login?error=oidc_second_factor"
            : "/login?error=oidc";
        }
        console.info(
          `[login] organisation sign-in email=${decision.user.email}${decision.created ? " (account made)" : ""}`,
        );
        Object.assign(user, decision.user);
        return true;
      },
      jwt: ({ token, user }) => renewToken(token, user),
      session({ session, token }) {
        if (session.user && token.sub) {
          const identity = session.user as {
            id?: string;
            key?: string;
            sid?: string;
            providerMfa?: boolean;
            signedInAt?: number;
          };
          identity.id = token.sub;
          identity.signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : undefined;
          identity.key = typeof token.key === "string" ? token.key : undefined;
          identity.sid = typeof token.sid === "string" ? token.sid : undefined;
          identity.providerMfa = token.providerMfa === true;
        }
        return session;
      },
    },
    events: {
      // Signing out ends the session on the server too: its token no longer works anywhere.
      async signOut({ token }) {
        if (typeof token?.sid !== "string" || typeof token.sub !== "string") return;
        const { db } = await getDatabase();
        // Kept as long as any token with this id could still be alive.
        const expiresAt = new Date(Date.now() + SESSION_ABSOLUTE_SECONDS * 1000);
        await revokeSession(db, { sessionId: token.sid, userId: token.sub, expiresAt });
      },
    },
  };
}

/**
 * The session token at sign-in and at every renewal: the user, the password key and the
 * session's own id, which signing out revokes. Tokens from before session ids get one at their
 * next use, so they can be ended too; past its absolute lifetime a session holds no user.
 */
export function renewToken(
  token: Record<string, unknown>,
  user?: { id: string } | null,
  now = Math.floor(Date.now() / 1000),
): Record<string, unknown> {
  if (user) {
    token.sub = user.id;
    token.key = (user as { key?: string }).key;
    // Signed in through an organisation that used a second factor (server/oidc.ts).
    token.providerMfa = (user as { providerMfa?: boolean }).providerMfa === true;
    token.sid = randomUUID();
    token.signedInAt = now;
  }
  token.sid ??= randomUUID();
  token.signedInAt ??= now;
  if (now - Number(token.signedInAt) > SESSION_ABSOLUTE_SECONDS) return {};
  return token;
}

/** The user id, password key and session id of a next-auth session, for createContext. */
export function sessionIdentity(session: { user?: unknown } | null) {
  const user = (session?.user ?? null) as {
    id?: string;
    key?: string;
    sid?: string;
    providerMfa?: boolean;
    signedInAt?: number;
  } | null;
  return {
    signedInAt: typeof user?.signedInAt === "number" ? user.signedInAt : null,
    userId: user?.id ?? null,
    sessionKey: user?.key ?? null,
    providerMfa: user?.providerMfa === true,
    // A session from before session ids: not revocable, and nothing to check.
    sessionId: user?.sid ?? null,
  };
}
