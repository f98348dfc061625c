/**
 * Reflection sessions, a cycle: plan, look back (previous actions, goals), score the uniform
 * instrument per participant, agree actions, and a leader signs off (which locks the session).
 * Coordinators, professionals and admins fill sessions in; leaders sign off and may reopen
 * (audited). Who may do which: domain/permissions.ts.
 */
import { z } from "zod";
import { listGoals, listMeasurements } from "@/db/queries/goals";
import { getPartnership, listPartnerOrganisations } from "@/db/queries/partnerships";
import {
  actionsToReview,
  getAction,
  getParticipant,
  insertAction,
  insertParticipant,
  insertSession,
  listActions,
  listNotes,
  listParticipants,
  listScores,
  listSessionGoalReviews,
  listSessions,
  previousSession,
  saveNote,
  saveSessionGoalReview,
  signOffHistory,
  updateAction,
  updateParticipant,
  updateSession,
  upsertScores,
  userName,
} from "@/db/queries/reflections";
import { once } from "@/db/queries/requests";
import { getRound } from "@/db/queries/rounds";
import { nextReflectionDue } from "@/domain/cadence";
import { today } from "@/domain/dates";
import { disagreements } from "@/domain/disagreements";
import { evaluateGoal } from "@/domain/goal-evaluation";
import { currentInstrument, instrumentByVersion } from "@/domain/instrument";
import {
  actionInput,
  actionReviewInput,
  clientRequestIdSchema,
  dateSchema,
  idSchema,
  noteInput,
  participantInput,
  requiredText,
  scoresInput,
  sessionGoalReviewInput,
  sessionHeaderInput,
  versionSchema,
} from "@/domain/schemas";
import { summariseScores } from "@/domain/score-summary";
import { appError, notFound } from "../errors";
import {
  actionRowOutput,
  noteRowOutput,
  participantRowOutput,
  sessionDetailOutput,
  sessionGoalReviewRowOutput,
  sessionListOutput,
  sessionRowOutput,
} from "../outputs";
import { auditedRow } from "../services/audited";
import { checkPartner } from "../services/partnerships";
import {
  checkGoal,
  checkMember,
  loadSession,
  reopen,
  sessionChange,
  signedOffSummaries,
  signOff,
} from "../services/reflections";
import { createTRPCRouter, partnershipProcedure } from "../trpc";

/**
 * Members only: a session holds each participant's own scores (a parent's too), so even where
 * the partnership shares full read access, the municipality sees its trend, not its sessions.
 */
const member = partnershipProcedure("readSessions");
const planner = partnershipProcedure("planSessions");
const filler = partnershipProcedure("fillSessions");
const signer = partnershipProcedure("signOff");

const sessionRef = z.object({ sessionId: idSchema });

export const reflectionsRouter = createTRPCRouter({
  /** Sessions, newest first, with their collaboration index; and when the next one is due. */
  list: member.output(sessionListOutput).query(async ({ ctx }) => {
    const [partnership, sessions] = await Promise.all([
      getPartnership(ctx.db, ctx.partnership.id),
      listSessions(ctx.db, ctx.partnership.id),
    ]);
    if (!partnership) throw notFound();
    const ids = sessions.map((s) => s.id);
    // A signed-off session's index is stored with it; the others' are worked out from scores.
    const signedOff = sessions.filter((s) => s.status === "signed_off");
    const open = sessions.filter((s) => s.status !== "signed_off").map((s) => s.id);
    const [participants, scores, stored] = await Promise.all([
      listParticipants(ctx.db, ids),
      listScores(ctx.db, open),
      signedOffSummaries(ctx.db, ctx.partnership.id, signedOff),
    ]);
    return {
      due: nextReflectionDue(partnership.reflectionCadence, sessions, today()),
      cadence: partnership.reflectionCadence,
      sessions: sessions.map((s) => ({
        id: s.id,
        heldOn: s.heldOn,
        status: s.status,
        version: s.version,
        participants: participants.filter((p) => p.sessionId === s.id).length,
        index: (
          stored.get(s.id) ??
          summariseScores(
            s.instrumentVersion,
            scores.filter((r) => r.sessionId === s.id),
          )
        ).index,
      })),
    };
  }),

  get: member
    .input(sessionRef)
    .output(sessionDetailOutput)
    .query(async ({ ctx, input }) => {
      const session = await loadSession(ctx.db, ctx.partnership.id, input.sessionId);
      const previous = await previousSession(ctx.db, session);
      const ids = previous ? [session.id, previous.id] : [session.id];
      const [
        participants,
        scores,
        notes,
        goalReviews,
        goals,
        measurements,
        partners,
        agreed,
        toReview,
        signedOffByName,
        history,
        round,
      ] = await Promise.all([
        listParticipants(ctx.db, [session.id]),
        listScores(ctx.db, ids),
        listNotes(ctx.db, session.id),
        listSessionGoalReviews(ctx.db, [session.id]),
        listGoals(ctx.db, ctx.partnership.id),
        listMeasurements(ctx.db, ctx.partnership.id),
        listPartnerOrganisations(ctx.db, ctx.partnership.id),
        listActions(ctx.db, ctx.partnership.id, { sessionIds: [session.id] }),
        actionsToReview(ctx.db, session),
        userName(ctx.db, session.signedOffBy),
        signOffHistory(ctx.db, session.id),
        getRound(ctx.db, session.id),
      ]);
      const instrument = instrumentByVersion(session.instrumentVersion);
      if (!instrument) throw new Error(`unknown instrument version ${session.instrumentVersion}`);
      const summary = summariseScores(
        session.instrumentVersion,
        scores.filter((s) => s.sessionId === session.id),
      );
      // The previous session is shown beside this one only when scored on the same instrument.
      const previousSummary =
        previous && previous.instrumentVersion === session.instrumentVersion
          ? summariseScores(
              previous.instrumentVersion,
              scores.filter((s) => s.sessionId === previous.id),
            )
          : null;
      return {
        ...session,
        signedOffByName,
        history,
        can: ctx.partnership.can,
        instrument,
        participants,
        scores: scores.filter((s) => s.sessionId === session.id),
        round: round ? { open: round.closedAt === null, closedAt: round.closedAt } : null,
        disagreements: disagreements(scores.filter((s) => s.sessionId === session.id)),
        notes,
        summary,
        previous: previous
          ? { id: previous.id, heldOn: previous.heldOn, summary: previousSummary }
          : null,
        goals: goals.map((g) => ({
          id: g.id,
          title: g.title,
          parentId: g.parentId,
          ...evaluateGoal(
            g,
            measurements.filter((m) => m.goalId === g.id),
          ),
          review: goalReviews.find((r) => r.goalId === g.id) ?? null,
        })),
        partners: partners.map((p) => ({ id: p.organisationId, name: p.name, type: p.type })),
        actions: agreed,
        previousActions: toReview,
      };
    }),

  plan: planner
    .input(z.object({ heldOn: dateSchema }))
    .output(sessionRowOutput)
    .mutation(({ ctx, input }) =>
      // One session per day: the partial unique index reflection_sessions_partnership_day_key
      // refuses a second, answered as a field error on the date (db/errors.ts).
      auditedRow(ctx, { action: "create", entity: "reflection_session" }, (tx) =>
        insertSession(tx, {
          partnershipId: ctx.partnership.id,
          heldOn: input.heldOn,
          instrumentVersion: currentInstrument.version,
        }),
      ),
    ),

  update: filler
    .input(sessionHeaderInput.extend({ sessionId: idSchema, version: versionSchema }))
    .output(sessionRowOutput)
    .mutation(({ ctx, input }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "update", entity: "reflection_session" },
        async (tx, before) => {
          const after = await updateSession(tx, {
            partnershipId: ctx.partnership.id,
            id: input.sessionId,
            version: input.version,
            values: {
              heldOn: input.heldOn,
              whatWorks: input.whatWorks,
              whatDoesNot: input.whatDoesNot,
            },
          });
          return { result: after, before, after };
        },
      ),
    ),

  /**
   * A session planned for a later day is held today: it takes today's date (the server's, in
   * the Netherlands), so it can be signed off after the meeting. A session whose day has come
   * is left as it is, so a retried click changes nothing.
   */
  holdToday: filler
    .input(sessionRef.extend({ version: versionSchema }))
    .output(sessionRowOutput)
    .mutation(({ ctx, input }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "update", entity: "reflection_session" },
        async (tx, before) => {
          if (before.heldOn <= today()) return { result: before, repeated: true };
          const after = await updateSession(tx, {
            partnershipId: ctx.partnership.id,
            id: input.sessionId,
            version: input.version,
            values: { heldOn: today() },
          });
          return { result: after, before, after };
        },
      ),
    ),

  delete: planner
    .input(sessionRef.extend({ version: versionSchema }))
    .output(sessionRowOutput)
    .mutation(({ ctx, input }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "delete", entity: "reflection_session" },
        async (tx, before) => {
          const after = await updateSession(tx, {
            partnershipId: ctx.partnership.id,
            id: input.sessionId,
            version: input.version,
            values: { deletedAt: new Date() },
          });
          return { result: after, before, after };
        },
      ),
    ),

  addParticipant: filler
    .input(participantInput.extend({ sessionId: idSchema, clientRequestId: clientRequestIdSchema }))
    .output(participantRowOutput)
    .mutation(({ ctx, input: { clientRequestId, ...input } }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "create", entity: "session_participant" },
        async (tx) => {
          let created = false;
          const row = await once(
            tx,
            { key: clientRequestId, userId: ctx.user.id, entity: "session_participant" },
            async () => {
              created = true;
              await checkPartner(tx, ctx.partnership.id, input.organisationId, "organisationId");
              await checkMember(tx, ctx.partnership.id, input.userId);
              return insertParticipant(tx, { ...input, partnershipId: ctx.partnership.id });
            },
            (id) => getParticipant(tx, input.sessionId, id),
          );
          return { result: row, after: row, entityId: row.id, repeated: !created };
        },
      ),
    ),

  removeParticipant: filler
    .input(sessionRef.extend({ participantId: idSchema, version: versionSchema }))
    .output(participantRowOutput)
    .mutation(({ ctx, input }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "delete", entity: "session_participant" },
        async (tx) => {
          const before = await getParticipant(tx, input.sessionId, input.participantId);
          if (!before) throw notFound();
          const after = await updateParticipant(tx, {
            sessionId: input.sessionId,
            id: input.participantId,
            version: input.version,
            values: { deletedAt: new Date() },
          });
          return { result: after, before, after, entityId: input.participantId };
        },
      ),
    ),

  /** Saves (part of) one participant's scores; the participant's version guards concurrent edits. */
  saveScores: filler
    .input(scoresInput.extend({ sessionId: idSchema }))
    .output(z.object({ participantId: z.uuid(), version: z.number().int() }))
    .mutation(({ ctx, input }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "score", entity: "session_participant" },
        async (tx, session) => {
          const instrument = instrumentByVersion(session.instrumentVersion);
          const known = new Set(instrument?.levels.flatMap((l) => l.factors.map((f) => f.id)));
          if (input.scores.some((s) => !known.has(s.factorId)))
            throw appError("BAD_REQUEST", "errors.unknown_factor", { field: "scores" });
          const participant = await getParticipant(tx, input.sessionId, input.participantId);
          if (!participant) throw notFound();
          // While the round runs, everyone scores privately; the grid takes over when it closes.
          const round = await getRound(tx, input.sessionId);
          if (round && !round.closedAt) throw appError("CONFLICT", "errors.round_open");
          const after = await updateParticipant(tx, {
            sessionId: input.sessionId,
            id: input.participantId,
            version: input.version,
            values: {},
          });
          await upsertScores(tx, {
            sessionId: input.sessionId,
            partnershipId: ctx.partnership.id,
            participantId: input.participantId,
            instrumentVersion: session.instrumentVersion,
            scores: input.scores,
          });
          return {
            result: { participantId: after.id, version: after.version },
            after: { scores: input.scores },
            entityId: input.participantId,
          };
        },
      ),
    ),

  saveNote: filler
    .input(noteInput.extend({ sessionId: idSchema }))
    .output(noteRowOutput)
    .mutation(({ ctx, input }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "note", entity: "reflection_session" },
        async (tx) => {
          const row = await saveNote(tx, { ...input, partnershipId: ctx.partnership.id });
          return { result: row, after: row };
        },
      ),
    ),

  saveGoalReview: filler
    .input(sessionGoalReviewInput.extend({ sessionId: idSchema }))
    .output(sessionGoalReviewRowOutput)
    .mutation(({ ctx, input }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "goal_review", entity: "reflection_session" },
        async (tx) => {
          await checkGoal(tx, ctx.partnership.id, input.goalId);
          const row = await saveSessionGoalReview(tx, {
            ...input,
            partnershipId: ctx.partnership.id,
          });
          return { result: row, after: row };
        },
      ),
    ),

  addAction: filler
    .input(actionInput.extend({ sessionId: idSchema, clientRequestId: clientRequestIdSchema }))
    .output(actionRowOutput)
    .mutation(({ ctx, input: { clientRequestId, ...input } }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "create", entity: "reflection_action" },
        async (tx) => {
          let created = false;
          const row = await once(
            tx,
            { key: clientRequestId, userId: ctx.user.id, entity: "reflection_action" },
            async () => {
              created = true;
              await checkPartner(
                tx,
                ctx.partnership.id,
                input.ownerOrganisationId,
                "ownerOrganisationId",
              );
              return insertAction(tx, { ...input, partnershipId: ctx.partnership.id });
            },
            (id) => getAction(tx, ctx.partnership.id, id),
          );
          return { result: row, after: row, entityId: row.id, repeated: !created };
        },
      ),
    ),

  removeAction: filler
    .input(sessionRef.extend({ actionId: idSchema, version: versionSchema }))
    .output(actionRowOutput)
    .mutation(({ ctx, input }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "delete", entity: "reflection_action" },
        async (tx) => {
          const before = await getAction(tx, ctx.partnership.id, input.actionId);
          if (!before || before.sessionId !== input.sessionId) throw notFound();
          const after = await updateAction(tx, {
            partnershipId: ctx.partnership.id,
            id: input.actionId,
            version: input.version,
            values: { deletedAt: new Date() },
          });
          return { result: after, before, after, entityId: input.actionId };
        },
      ),
    ),

  /**
   * A session reviews the actions of earlier sessions that are still open (or were continued):
   * done, continued, or dropped with a reason.
   */
  reviewAction: filler
    .input(actionReviewInput.and(sessionRef))
    .output(actionRowOutput)
    .mutation(({ ctx, input }) =>
      sessionChange(
        ctx,
        input.sessionId,
        { action: "review", entity: "reflection_action" },
        async (tx, session) => {
          const before = await getAction(tx, ctx.partnership.id, input.actionId);
          const reviewable = await actionsToReview(tx, session);
          if (!before || !reviewable.some((a) => a.id === before.id)) throw notFound();
          const after = await updateAction(tx, {
            partnershipId: ctx.partnership.id,
            id: input.actionId,
            version: input.version,
            values: {
              status: input.status,
              dropReason: input.status === "dropped" ? input.dropReason : "",
              reviewedInSessionId: session.id,
            },
          });
          return { result: after, before, after, entityId: input.actionId };
        },
      ),
    ),

  /** A leader signs the session off: it is locked from then on. */
  signOff: signer
    .input(
      sessionRef.extend({
        version: versionSchema,
        /** The content revision the leader looked at (SessionRow.revision). */
        revision: z.number().int().min(0).max(2_147_483_647),
      }),
    )
    .output(sessionRowOutput)
    .mutation(({ ctx, input }) => signOff(ctx, input)),

  /** Reopening a signed-off session is an explicit, audited act with a reason. */
  reopen: signer
    .input(sessionRef.extend({ version: versionSchema, reason: requiredText(1000) }))
    .output(sessionRowOutput)
    .mutation(({ ctx, input }) => reopen(ctx, input)),
});
