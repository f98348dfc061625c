/**
 * The context of a request that comes through Next.js (the tRPC route, server components):
 * the process's database, the signed-in session and the user's language. Tests build contexts
 * directly with createContext (server/trpc.ts) against a database of their own.
 */
import "server-only";
import { getServerSession } from "next-auth";
import { getDatabase, ping } from "@/db/client";
import type { Locale } from "@/i18n/locales";
import { authOptions, sessionIdentity } from "./auth";
import { createContext } from "./trpc";

export async function requestContext(request: { locale: Locale; ip?: string }) {
  const [{ db }, session] = await Promise.all([getDatabase(), getServerSession(authOptions())]);
  return createContext({ db, ...sessionIdentity(session), ...request });
}

/** Whether the database answers, and which kind it is: for /api/health. */
export async function databaseHealth(): Promise<
  { ok: true; kind: "pglite" | "postgres" } | { ok: false; error: unknown }
> {
  try {
    const { db, kind } = await getDatabase();
    await ping(db);
    return { ok: true, kind };
  } catch (error) {
    return { ok: false, error };
  }
}
