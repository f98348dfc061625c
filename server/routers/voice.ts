/**
 * The parent's and young person's own view, without an account: a personal link that expires,
 * works once and can be revoked. Opening it shows nothing about the case beyond what that person
 * needs (who the question is for). Failed attempts are rate-limited per IP address, and every
 * use is audited.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  findVoiceLink,
  insertVoiceResponse,
  recentVoiceFailures,
  recentVoiceFailuresAll,
  recordVoiceAttempt,
  useVoiceLink,
} from "@/db/queries/cases";
import type { DbOrTx } from "@/db/types";
import { voiceAnswerInput } from "@/domain/schemas";
import { voicePerspectives } from "@/domain/vocabulary";
import { env } from "@/env";
import { audited, auditRead } from "../services/audited";
import { hashToken } from "../tokens";
import { createTRPCRouter, publicProcedure } from "../trpc";

/** Failed link attempts per IP address within the window before links are refused. */
const MAX_FAILURES = 20;
const WINDOW_MINUTES = 15;

const tokenInput = z.object({ token: z.string().min(20).max(200) });

/** The link behind a token, if it may still be used; records the attempt. */
async function usableLink(db: DbOrTx, token: string, ip: string) {
  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  const [byAddress, overall] = await Promise.all([
    recentVoiceFailures(db, ip, since),
    recentVoiceFailuresAll(db, new Date(Date.now() - 60_000)),
  ]);
  if (byAddress >= MAX_FAILURES || overall >= env.LINK_MAX_FAILURES_PER_MINUTE) {
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "errors.code.TOO_MANY_REQUESTS" });
  }
  const link = await findVoiceLink(db, hashToken(token));
  const usable = link?.caseOpen && !link.revokedAt && link.expiresAt > new Date();
  await recordVoiceAttempt(db, ip, Boolean(usable));
  if (!link || !usable) {
    // One answer for unknown, expired and revoked links: a guessed token learns nothing.
    throw new TRPCError({ code: "NOT_FOUND", message: "errors.voice_link_invalid" });
  }
  return link;
}

export const voiceRouter = createTRPCRouter({
  open: publicProcedure
    .input(tokenInput)
    .output(
      z.object({
        perspective: z.enum(voicePerspectives),
        answered: z.boolean(),
        expiresAt: z.date(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const link = await usableLink(ctx.db, input.token, ctx.ip);
      await auditRead(
        { db: ctx.db, user: null, partnership: { id: link.partnershipId } },
        { action: "open", entity: "voice_link", entityId: link.id },
      );
      return {
        perspective: link.perspective,
        answered: link.usedAt !== null,
        expiresAt: link.expiresAt,
      };
    }),

  /** Stores the answer once: a double tap or a retry is answered "received", not stored again. */
  submit: publicProcedure
    // The token and the address's failures first: a stranger's text is not read at all, and
    // the answer's fields only once the link holds (tRPC parses inputs in the chain's order).
    .input(tokenInput)
    .use(async ({ ctx, input, next }) =>
      next({ ctx: { link: await usableLink(ctx.db, input.token, ctx.ip) } }),
    )
    .input(voiceAnswerInput)
    .output(z.object({ received: z.boolean(), alreadyReceived: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const { link } = ctx;
      // The parent or young person has no account: the audit row names no actor.
      const actor = { db: ctx.db, user: null, partnership: { id: link.partnershipId } };
      return audited<{ received: boolean; alreadyReceived: boolean }>(
        actor,
        { action: "submit", entity: "voice_link" },
        async (tx) => {
          const first = await useVoiceLink(tx, link.id);
          if (!first) return { result: { received: true, alreadyReceived: true }, repeated: true };
          await insertVoiceResponse(tx, {
            linkId: link.id,
            caseId: link.caseId,
            partnershipId: link.partnershipId,
            perspective: link.perspective,
            collaboration: input.collaboration,
            wellbeing: input.wellbeing,
            comment: input.comment,
          });
          return { result: { received: true, alreadyReceived: false }, entityId: link.id };
        },
      );
    }),
});
