/**
 * Individual scoring rounds before a reflection session (server/services/rounds.ts): a
 * coordinator opens one, each participant scores privately — a member signed in, someone
 * without an account through a personal link — and the round closes when the meeting starts,
 * its scores becoming the session's. Who responded is visible to the partnership's members;
 * what someone scored only to themselves until the round closes.
 */
import { z } from "zod";
import {
  getParticipant,
  listActions,
  listParticipants,
  lockSession,
} from "@/db/queries/reflections";
import {
  findRoundLink,
  getHeard,
  getRound,
  insertRound,
  insertRoundLink,
  listOwnRoundScores,
  listResponses,
  listRoundLinks,
  ownParticipants,
  revokeRoundLink,
  saveHeardRow,
  saveRoundResponse,
  takeRoundLink,
} from "@/db/queries/rounds";
import { addDays, today } from "@/domain/dates";
import { heardDraft } from "@/domain/heard";
import { currentInstrument, instrumentByVersion } from "@/domain/instrument";
import { plainLevels, plainQuestions } from "@/domain/plain-questions";
import { caseText, idSchema, roundScoresInput } from "@/domain/schemas";
import { sectors } from "@/domain/vocabulary";
import { appError, conflict, notFound } from "../errors";
import { audited, auditRead } from "../services/audited";
import { guardedLink } from "../services/link-attempts";
import { loadSession, sessionChange } from "../services/reflections";
import {
  checkFactors,
  closeRound,
  LINK_DAYS_AFTER_MEETING,
  openRoundOf,
  takesScores,
} from "../services/rounds";
import { hashToken, newToken } from "../tokens";
import { createTRPCRouter, partnershipProcedure, publicProcedure } from "../trpc";

const member = partnershipProcedure("readSessions");
const planner = partnershipProcedure("planSessions");
const filler = partnershipProcedure("fillSessions");
const scorer = partnershipProcedure("scoreOwnRound");

const sessionRef = z.object({ sessionId: idSchema });
const tokenInput = z.object({ token: z.string().min(20).max(200) });
const text = z.object({ nl: z.string(), en: z.string() });
const scoreRow = z.object({ factorId: z.string(), score: z.number().int().nullable() });

const linkState = (l: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }) =>
  l.usedAt ? "used" : l.revokedAt ? "revoked" : l.expiresAt <= new Date() ? "expired" : "open";

/** A round link keeps opening this long after the meeting, for "Wij hoorden, wij doen". */
function linkExpiry(heldOn: string) {
  return new Date(`${addDays(heldOn, LINK_DAYS_AFTER_MEETING)}T00:00:00Z`);
}

export const roundsRouter = createTRPCRouter({
  /** The session's round: open or not, who responded, the links; the caller's own scores. */
  get: member
    .input(sessionRef)
    .output(
      z.object({
        round: z
          .object({
            id: z.uuid(),
            open: z.boolean(),
            takesScores: z.boolean(),
            closedAt: z.date().nullable(),
            createdAt: z.date(),
          })
          .nullable(),
        participants: z.array(
          z.object({
            id: z.uuid(),
            name: z.string(),
            sector: z.enum(sectors),
            hasAccount: z.boolean(),
            mine: z.boolean(),
            respondedAt: z.date().nullable(),
            link: z
              .object({
                id: z.uuid(),
                state: z.enum(["open", "used", "revoked", "expired"]),
                expiresAt: z.date(),
              })
              .nullable(),
          }),
        ),
        /** The caller's own scores in the round, per participant row linked to their account. */
        mine: z.array(z.object({ participantId: z.uuid(), scores: z.array(scoreRow) })),
      }),
    )
    .query(async ({ ctx, input }) => {
      const session = await loadSession(ctx.db, ctx.partnership.id, input.sessionId);
      const [round, participants] = await Promise.all([
        getRound(ctx.db, session.id),
        listParticipants(ctx.db, [session.id]),
      ]);
      const [responses, links] = round
        ? await Promise.all([listResponses(ctx.db, round.id), listRoundLinks(ctx.db, round.id)])
        : [[], []];
      const mineIds = participants.filter((p) => p.userId === ctx.user.id).map((p) => p.id);
      const mine = round
        ? await Promise.all(
            mineIds.map(async (participantId) => ({
              participantId,
              scores: await listOwnRoundScores(ctx.db, round.id, participantId),
            })),
          )
        : [];
      return {
        round: round
          ? {
              id: round.id,
              open: round.closedAt === null,
              takesScores: takesScores(round, session.heldOn),
              closedAt: round.closedAt,
              createdAt: round.createdAt,
            }
          : null,
        participants: participants.map((p) => {
          // The newest link of the participant is the one that counts.
          const link = links.filter((l) => l.participantId === p.id).at(-1);
          return {
            id: p.id,
            name: p.name,
            sector: p.sector,
            hasAccount: p.userId !== null,
            mine: p.userId === ctx.user.id,
            respondedAt: responses.find((r) => r.participantId === p.id)?.at ?? null,
            link: link ? { id: link.id, state: linkState(link), expiresAt: link.expiresAt } : null,
          };
        }),
        mine,
      };
    }),

  /** Opens the round for a session still to be held; opening it again changes nothing. */
  open: planner
    .input(sessionRef)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "open", entity: "scoring_round" },
        async (tx, session) => {
          const existing = await getRound(tx, session.id);
          if (existing?.closedAt) throw appError("CONFLICT", "errors.round_closed");
          if (existing) return { result: { id: existing.id }, repeated: true };
          if (session.heldOn < today())
            throw appError("CONFLICT", "errors.round_after_meeting", { field: "heldOn" });
          const round = await insertRound(tx, {
            partnershipId: ctx.partnership.id,
            sessionId: session.id,
            openedBy: ctx.user.id,
          });
          return {
            result: { id: round.id },
            after: { heldOn: session.heldOn },
            entityId: round.id,
          };
        },
      ),
    ),

  /**
   * The meeting starts: the round closes and the scores of everyone who responded become the
   * session's. Closing a closed round changes nothing.
   */
  close: filler
    .input(sessionRef)
    .output(z.object({ taken: z.number().int() }))
    .mutation(({ ctx, input }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "close", entity: "scoring_round" },
        async (tx, session) => {
          const taken = await closeRound(tx, session);
          if (taken === null) return { result: { taken: 0 }, repeated: true };
          return { result: { taken }, after: { participants: taken } };
        },
      ),
    ),

  /**
   * A personal link for a participant without an account (a parent, a young person): a random
   * token shown once and stored as its hash; a new link revokes the participant's earlier one.
   */
  createLink: filler
    .input(sessionRef.extend({ participantId: idSchema }))
    .output(z.object({ id: z.uuid(), path: z.string(), expiresAt: z.date() }))
    .mutation(({ ctx, input }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "create", entity: "round_link" },
        async (tx, session) => {
          const round = await openRoundOf(tx, session);
          const participant = await getParticipant(tx, session.id, input.participantId);
          if (!participant)
            throw appError("NOT_FOUND", "errors.reference_not_found", { field: "participantId" });
          if (participant.userId)
            throw appError("BAD_REQUEST", "errors.round_link_member", { field: "participantId" });
          for (const l of await listRoundLinks(tx, round.id))
            if (l.participantId === participant.id && linkState(l) === "open")
              await revokeRoundLink(tx, round.id, l.id);
          const token = newToken();
          const link = await insertRoundLink(tx, {
            partnershipId: ctx.partnership.id,
            roundId: round.id,
            participantId: participant.id,
            tokenHash: hashToken(token),
            expiresAt: linkExpiry(session.heldOn),
            createdBy: ctx.user.id,
          });
          return {
            result: { id: link.id, path: `/ronde/${token}`, expiresAt: link.expiresAt },
            after: { participantId: participant.id, expiresAt: link.expiresAt },
            entityId: link.id,
          };
        },
      ),
    ),

  revokeLink: filler
    .input(sessionRef.extend({ linkId: idSchema }))
    .output(z.object({ revoked: z.boolean() }))
    .mutation(({ ctx, input }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "revoke", entity: "round_link" },
        async (tx, session) => {
          const round = await getRound(tx, session.id);
          const row = round && (await revokeRoundLink(tx, round.id, input.linkId));
          if (!row) throw notFound();
          return { result: { revoked: true }, entityId: row.id };
        },
      ),
    ),

  /**
   * "Wij hoorden, wij doen": the summary for the parents and young people who took part, as
   * stored, or — before the first save — pre-filled from what the session agreed.
   */
  heard: member
    .input(sessionRef)
    .output(
      z.object({
        text: z.string(),
        publishedAt: z.date().nullable(),
        version: z.number().int(),
        signedOff: z.boolean(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const session = await loadSession(ctx.db, ctx.partnership.id, input.sessionId);
      const stored = await getHeard(ctx.db, session.id);
      if (stored)
        return {
          text: stored.text,
          publishedAt: stored.publishedAt,
          version: stored.version,
          signedOff: session.status === "signed_off",
        };
      const actions = await listActions(ctx.db, ctx.partnership.id, { sessionIds: [session.id] });
      return {
        text: heardDraft(ctx.locale, actions),
        publishedAt: null,
        version: 0,
        signedOff: session.status === "signed_off",
      };
    }),

  /**
   * Saves the summary, and publishes it (or takes it back) for the link pages: only for a
   * signed-off session, in plain words without names or identifiers of anyone.
   */
  saveHeard: planner
    .input(
      sessionRef.extend({
        text: caseText(2000).refine((t) => t.length > 0, { message: "required" }),
        publish: z.boolean(),
        version: z.number().int().min(0),
      }),
    )
    .output(z.object({ version: z.number().int(), publishedAt: z.date().nullable() }))
    .mutation(({ ctx, input }) =>
      audited(ctx, { action: "update", entity: "heard_summary" }, async (tx) => {
        await lockSession(tx, input.sessionId);
        const session = await loadSession(tx, ctx.partnership.id, input.sessionId);
        if (session.status !== "signed_off")
          throw appError("CONFLICT", "errors.heard_before_sign_off");
        const row = await saveHeardRow(tx, {
          partnershipId: ctx.partnership.id,
          sessionId: session.id,
          version: input.version,
          text: input.text,
          publish: input.publish,
          userId: ctx.user.id,
        });
        if (!row) throw conflict();
        return {
          result: { version: row.version, publishedAt: row.publishedAt },
          entityId: session.id,
          after: { text: row.text, published: row.publishedAt !== null },
        };
      }),
    ),

  /**
   * A member's own scores in the round, saved privately; they can change them until the round
   * closes. Only the participant row linked to the caller's account: nobody scores for another.
   */
  saveMine: scorer
    .input(roundScoresInput.extend({ sessionId: idSchema, participantId: idSchema }))
    .output(z.object({ saved: z.boolean() }))
    .mutation(({ ctx, input }) =>
      audited(ctx, { action: "score", entity: "round_response" }, async (tx) => {
        await lockSession(tx, input.sessionId);
        const session = await loadSession(tx, ctx.partnership.id, input.sessionId);
        const round = await openRoundOf(tx, session);
        const own = await ownParticipants(tx, session.id, ctx.user.id);
        if (!own.some((p) => p.id === input.participantId))
          throw appError("FORBIDDEN", "errors.round_not_yours", { field: "participantId" });
        checkFactors(session.instrumentVersion, input.scores);
        await saveRoundResponse(tx, {
          partnershipId: ctx.partnership.id,
          roundId: round.id,
          participantId: input.participantId,
          scores: input.scores,
        });
        // The audit row says that they scored, not what: the scores are theirs until the meeting.
        return {
          result: { saved: true },
          entityId: input.participantId,
          after: { factors: input.scores.length },
        };
      }),
    ),
});

/** The link behind a token, while it opens at all; records the attempt. */
function openableLink(db: Parameters<typeof findRoundLink>[0], token: string, ip: string) {
  return guardedLink(
    db,
    ip,
    () => findRoundLink(db, hashToken(token)),
    (l) => !l.revokedAt && !l.participantGone && l.expiresAt > new Date(),
  );
}

/** The questions of the instrument, in plain words for a parent or young person. */
function questionsFor(instrumentVersion: number, plain: boolean) {
  const instrument = instrumentByVersion(instrumentVersion) ?? currentInstrument;
  return instrument.levels.map((l) => ({
    id: l.id,
    label: (plain && plainLevels[l.id]) || l.label,
    factors: l.factors.map((f) => ({
      id: f.id,
      label: f.label,
      question: (plain && plainQuestions[f.id]) || f.question,
    })),
  }));
}

/** The personal link of a round, for a participant without an account. */
export const roundLinkRouter = createTRPCRouter({
  open: publicProcedure
    .input(tokenInput)
    .output(
      z.object({
        sector: z.enum(sectors),
        plain: z.boolean(),
        heldOn: z.string(),
        answered: z.boolean(),
        takesScores: z.boolean(),
        /** What the partnership heard and will do, once the coordinator published it. */
        heard: z.object({ text: z.string(), publishedAt: z.date() }).nullable(),
        levels: z.array(
          z.object({
            id: z.string(),
            label: text,
            factors: z.array(z.object({ id: z.string(), label: text, question: text })),
          }),
        ),
      }),
    )
    .query(async ({ ctx, input }) => {
      const link = await openableLink(ctx.db, input.token, ctx.ip);
      await auditRead(
        { db: ctx.db, user: null, partnership: { id: link.partnershipId } },
        { action: "open", entity: "round_link", entityId: link.id },
      );
      const plain = link.sector === "parent" || link.sector === "young_person";
      const heard = await getHeard(ctx.db, link.sessionId);
      return {
        heard:
          heard?.publishedAt && link.sessionStatus === "signed_off"
            ? { text: heard.text, publishedAt: heard.publishedAt }
            : null,
        sector: link.sector,
        plain,
        heldOn: link.heldOn,
        answered: link.usedAt !== null,
        takesScores:
          link.usedAt === null && takesScores({ closedAt: link.roundClosedAt }, link.heldOn),
        levels: questionsFor(link.instrumentVersion, plain),
      };
    }),

  /** Sends the scores once: a double tap or a retry is answered "received", not stored again. */
  submit: publicProcedure
    .input(tokenInput)
    .use(async ({ ctx, input, next }) =>
      next({ ctx: { link: await openableLink(ctx.db, input.token, ctx.ip) } }),
    )
    .input(roundScoresInput)
    .output(z.object({ received: z.boolean(), alreadyReceived: z.boolean() }))
    .mutation(({ ctx, input }) => {
      const { link } = ctx;
      const actor = { db: ctx.db, user: null, partnership: { id: link.partnershipId } };
      return audited<{ received: boolean; alreadyReceived: boolean }>(
        actor,
        { action: "submit", entity: "round_link" },
        async (tx) => {
          await lockSession(tx, link.sessionId);
          if (link.usedAt)
            return { result: { received: true, alreadyReceived: true }, repeated: true };
          const round = await getRound(tx, link.sessionId);
          if (!round || !takesScores(round, link.heldOn))
            throw appError("CONFLICT", "errors.round_closed");
          checkFactors(link.instrumentVersion, input.scores);
          if (!(await takeRoundLink(tx, link.id)))
            return { result: { received: true, alreadyReceived: true }, repeated: true };
          await saveRoundResponse(tx, {
            partnershipId: link.partnershipId,
            roundId: round.id,
            participantId: link.participantId,
            scores: input.scores,
          });
          return {
            result: { received: true, alreadyReceived: false },
            entityId: link.id,
            after: { factors: input.scores.length },
          };
        },
      );
    }),
});
