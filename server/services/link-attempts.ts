/**
 * Every personal link (a case's voice link, a scoring round's link) shares one guard against
 * guessing: failed attempts are counted per IP address and over all addresses, and past the
 * limit links are refused for a while — the same answer whichever kind of link was tried.
 */
import { TRPCError } from "@trpc/server";
import {
  recentVoiceFailures,
  recentVoiceFailuresAll,
  recordVoiceAttempt,
} from "@/db/queries/cases";
import type { DbOrTx } from "@/db/types";
import { env } from "@/env";

/** Failed link attempts per IP address within the window before links are refused. */
const MAX_FAILURES = 20;
const WINDOW_MINUTES = 15;

/**
 * Looks a link up by its token behind the guard: refuses when too many attempts failed,
 * records this one, and answers unknown, expired and revoked links alike (NOT_FOUND).
 */
export async function guardedLink<T>(
  db: DbOrTx,
  ip: string,
  find: () => Promise<T | undefined>,
  usable: (link: T) => boolean,
): Promise<T> {
  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  const [byAddress, overall] = await Promise.all([
    recentVoiceFailures(db, ip, since),
    recentVoiceFailuresAll(db, new Date(Date.now() - 60_000)),
  ]);
  if (byAddress >= MAX_FAILURES || overall >= env.LINK_MAX_FAILURES_PER_MINUTE) {
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "errors.code.TOO_MANY_REQUESTS" });
  }
  const link = await find();
  const ok = link !== undefined && usable(link);
  await recordVoiceAttempt(db, ip, ok);
  if (!link || !ok) {
    // One answer for unknown, expired and revoked links: a guessed token learns nothing.
    throw new TRPCError({ code: "NOT_FOUND", message: "errors.voice_link_invalid" });
  }
  return link;
}
