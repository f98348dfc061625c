/**
 * next-auth: e-mail + password (provider id "credentials"), JWT sessions signed with the auth
 * secret. A JWT needs no server state, so sessions survive restarts and work on any instance
 * that shares the secret; each request still reloads the user (server/trpc.ts), so a
 * deactivated account loses access at once.
 */
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDatabase } from "@/db/client";
import { authSecret, env } from "@/env";
import { attemptLogin } from "./login";

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
  return address.slice(0, 64);
}

/**
 * The client's address, for rate limits: the X-Forwarded-For entry `trustedHops` places from
 * the right (TRUSTED_PROXY_HOPS). Every proxy appends the address it received the request
 * from, so that entry was written by the outermost trusted proxy; everything to its left the
 * client may have written itself. `next start` fills in the socket address only when the
 * header is missing and never appends, so without a proxy a client that sends the header
 * chooses its own address: run behind a proxy that appends (see README).
 * With fewer entries than trusted hops the leftmost (furthest) entry is used; with no header,
 * or with 0 trusted hops (the header is then the client's own), one shared "unknown".
 */
export function clientIp(
  headers: Headers | Record<string, string | string[] | undefined>,
  trustedHops: number = env.TRUSTED_PROXY_HOPS,
): string {
  if (trustedHops < 1) return UNKNOWN_ADDRESS;
  // Several X-Forwarded-For lines mean the same as one line joined with commas.
  const header =
    headers instanceof Headers
      ? headers.get("x-forwarded-for")
      : [headers["x-forwarded-for"]].flat().filter(Boolean).join(",");
  const entries = (header ?? "")
    .split(",")
    .map(normaliseAddress)
    .filter((entry) => entry !== "");
  const address = entries[Math.max(entries.length - trustedHops, 0)];
  return address || UNKNOWN_ADDRESS;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        id: "credentials",
        name: "E-mail",
        credentials: {
          email: { label: "E-mail", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === "string" ? credentials.email : "";
          const password = typeof credentials?.password === "string" ? credentials.password : "";
          if (!email || !password) throw new Error("invalid_credentials");
          const { db } = await getDatabase();
          const result = await attemptLogin(
            db,
            { email, password, ip: clientIp(req?.headers ?? {}) },
            {
              maxPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
              maxPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
              windowMinutes: env.LOGIN_WINDOW_MINUTES,
            },
          );
          // The error text reaches the login form as a code it translates.
          if (!result.ok) throw new Error(result.reason);
          return result.user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.key = (user as { key?: string }).key;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) {
          const identity = session.user as { id?: string; key?: string };
          identity.id = token.sub;
          identity.key = typeof token.key === "string" ? token.key : undefined;
        }
        return session;
      },
    },
  };
}

/** The user id and password key of a next-auth session, for createContext. */
export function sessionIdentity(session: { user?: unknown } | null) {
  const user = (session?.user ?? null) as { id?: string; key?: string } | null;
  return { userId: user?.id ?? null, sessionKey: user?.key ?? null };
}
