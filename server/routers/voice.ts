/**
 * The parent's and young person's own view, without an account: a personal link that expires,
 * works once and can be revoked. Opening it shows nothing about the case beyond what that person
 * needs (who the question is for). Failed attempts are rate-limited per IP address, and every
 * use is audited.
 */
import { z } from "zod";
import { findVoiceLink, insertVoiceResponse, repliesFor, useVoiceLink } from "@/db/queries/cases";
import type { DbOrTx } from "@/db/types";
import { voiceAnswerInput } from "@/domain/schemas";
import { voicePerspectives } from "@/domain/vocabulary";
import { audited, auditRead } from "../services/audited";
import { guardedLink } from "../services/link-attempts";
import { hashToken } from "../tokens";
import { createTRPCRouter, publicProcedure } from "../trpc";

const tokenInput = z.object({ token: z.string().min(20).max(200) });

/** The link behind a token, if it may still be used; records the attempt. */
function usableLink(db: DbOrTx, token: string, ip: string) {
  return guardedLink(
    db,
    ip,
    () => findVoiceLink(db, hashToken(token)),
    (link) => Boolean(link.caseOpen && !link.revokedAt && link.expiresAt > new Date()),
  );
}

export const voiceRouter = createTRPCRouter({
  open: publicProcedure
    .input(tokenInput)
    .output(
      z.object({
        perspective: z.enum(voicePerspectives),
        answered: z.boolean(),
        expiresAt: z.date(),
        /** What the professionals wrote back on this person's earlier answers. */
        replies: z.array(z.object({ reply: z.string(), repliedAt: z.date() })),
      }),
    )
    .query(async ({ ctx, input }) => {
      const link = await usableLink(ctx.db, input.token, ctx.ip);
      await auditRead(
        { db: ctx.db, user: null, partnership: { id: link.partnershipId } },
        { action: "open", entity: "voice_link", entityId: link.id },
      );
      const replies = await repliesFor(ctx.db, link.caseId, link.perspective, link.id);
      return {
        replies: replies.flatMap((r) =>
          r.reply && r.repliedAt ? [{ reply: r.reply, repliedAt: r.repliedAt }] : [],
        ),
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
