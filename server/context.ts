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
import { databaseUnavailable, isDatabaseUnavailable, withinDeadline } from "./errors";
import { createContext } from "./trpc";

export async function requestContext(request: { locale: Locale; ip?: string }) {
  try {
    const [{ db }, session] = await Promise.all([getDatabase(), getServerSession(authOptions())]);
    return await withinDeadline(createContext({ db, ...sessionIdentity(session), ...request }));
  } catch (error) {
    // Reading the session's user needs the database: without it, a 503 to retry, not a 500.
    if (isDatabaseUnavailable(error)) throw databaseUnavailable();
    throw error;
  }
}

/** Whether the database answers, and which kind it is: for /api/health. */
export async function databaseHealth(): Promise<
  { ok: true; kind: "pglite" | "postgres" } | { ok: false; error: unknown }
> {
  try {
    const { db, kind } = await getDatabase();
    // A database that is gone can leave a query waiting: health answers within 3 s regardless.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      ping(db),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("the database did not answer within 3 s")), 3000);
      }),
    ]).finally(() => clearTimeout(timer));
    return { ok: true, kind };
  } catch (error) {
    return { ok: false, error };
  }
}
