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

/** The client's address as the load balancer reports it (first X-Forwarded-For entry). */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string) =>
    headers instanceof Headers ? headers.get(name) : ([headers[name]].flat()[0] ?? null);
  return get("x-forwarded-for")?.split(",")[0]?.trim() || get("x-real-ip") || "unknown";
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
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
