/**
 * Reflection sessions: a cycle of looking back, scoring the uniform instrument (domain/instrument.ts)
 * per participant, agreeing and acting. A leader's sign-off locks a session.
 */
import { relations, sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ScoreSummary } from "@/domain/score-summary";
import { actionStatuses, goalAssessments, sectors, sessionStatuses } from "@/domain/vocabulary";
import { deletedAt, id, sameTenant, tenantKey, timestamps, version } from "./columns";
import { goals } from "./goals";
import { partnershipRef } from "./partnerships";
import { users } from "./people";
import { organisations } from "./places";

export const sessionStatus = pgEnum("session_status", sessionStatuses);
export const sector = pgEnum("sector", sectors);
export const goalAssessment = pgEnum("goal_assessment", goalAssessments);
export const actionStatus = pgEnum("action_status", actionStatuses);

export const reflectionSessions = pgTable(
  "reflection_sessions",
  {
    id: id(),
    partnershipId: partnershipRef(),
    /** The date the session takes (or took) place. */
    heldOn: date("held_on", { mode: "string" }).notNull(),
    instrumentVersion: integer("instrument_version").notNull(),
    status: sessionStatus("status").notNull().default("planned"),
    whatWorks: text("what_works").notNull().default(""),
    whatDoesNot: text("what_does_not").notNull().default(""),
    signedOffBy: uuid("signed_off_by").references(() => users.id, { onDelete: "set null" }),
    signedOffAt: timestamp("signed_off_at", { withTimezone: true }),
    /**
     * Moves on with every change to what the session holds (scores, notes, participants, goal
     * reviews, actions, the header): a sign-off names the revision the leader looked at, so
     * nobody signs off content they have not seen. Separate from `version`, which guards the
     * header form only (so scoring in a meeting does not make that form conflict).
     */
    revision: integer("revision").notNull().default(0),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    tenantKey("reflection_sessions", t),

    index("reflection_sessions_partnership_held_idx").on(t.partnershipId, t.heldOn),
    // One session per day per partnership: participants would otherwise score in two places.
    uniqueIndex("reflection_sessions_partnership_day_key")
      .on(t.partnershipId, t.heldOn)
      .where(sql`${t.deletedAt} is null`),
    index("reflection_sessions_signed_off_by_idx").on(t.signedOffBy),
  ],
);

/**
 * A signed-off session's scores summarised (domain/score-summary.ts). A signed-off session does
 * not change, so its dashboard reads this row instead of every score. Written at sign-off and
 * removed at reopening (server/services/reflections.ts); a session signed off without one (loaded
 * in bulk, or before this table) gets it at its first read.
 */
export const sessionSummaries = pgTable(
  "session_summaries",
  {
    sessionId: uuid("session_id").primaryKey(),
    partnershipId: partnershipRef(),
    summary: jsonb("summary").$type<ScoreSummary>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    sameTenant(
      "session_summaries_session_fk",
      t.sessionId,
      t.partnershipId,
      reflectionSessions,
      "cascade",
    ),
    index("session_summaries_partnership_id_idx").on(t.partnershipId),
  ],
);

/** Who took part: a person (with or without an account) from an organisation and sector. */
export const sessionParticipants = pgTable(
  "session_participants",
  {
    id: id(),
    sessionId: uuid("session_id").notNull(),
    partnershipId: partnershipRef(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** As shown in the session (a name, or a role such as "ouder"). */
    name: text("name").notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    sector: sector("sector").notNull(),
    ...timestamps(),
    /** Moves on with every save of this participant's scores (optimistic concurrency). */
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    tenantKey("session_participants", t),
    sameTenant(
      "session_participants_session_fk",
      t.sessionId,
      t.partnershipId,
      reflectionSessions,
      "cascade",
    ),

    index("session_participants_session_id_idx").on(t.sessionId),
    index("session_participants_partnership_id_idx").on(t.partnershipId),
    index("session_participants_user_id_idx").on(t.userId),
    index("session_participants_organisation_id_idx").on(t.organisationId),
  ],
);

/** One participant's score of one factor; null is "weet niet / n.v.t.". */
export const factorScores = pgTable(
  "factor_scores",
  {
    id: id(),
    sessionId: uuid("session_id").notNull(),
    partnershipId: partnershipRef(),
    participantId: uuid("participant_id").notNull(),
    instrumentVersion: integer("instrument_version").notNull(),
    factorId: text("factor_id").notNull(),
    score: smallint("score"),
    ...timestamps(),
  },
  (t) => [
    sameTenant(
      "factor_scores_session_fk",
      t.sessionId,
      t.partnershipId,
      reflectionSessions,
      "cascade",
    ),
    sameTenant(
      "factor_scores_participant_fk",
      t.participantId,
      t.partnershipId,
      sessionParticipants,
      "cascade",
    ),

    // Scores are 1..5 or null ("weet niet / n.v.t."): the database refuses anything else too.
    check("factor_scores_score_range", sql`${t.score} is null or ${t.score} between 1 and 5`),
    uniqueIndex("factor_scores_participant_factor_key").on(t.participantId, t.factorId),
    index("factor_scores_session_id_idx").on(t.sessionId),
    index("factor_scores_partnership_id_idx").on(t.partnershipId),
  ],
);

/** The shared note of the session on one factor. */
export const factorNotes = pgTable(
  "factor_notes",
  {
    id: id(),
    sessionId: uuid("session_id").notNull(),
    partnershipId: partnershipRef(),
    factorId: text("factor_id").notNull(),
    note: text("note").notNull().default(""),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    sameTenant(
      "factor_notes_session_fk",
      t.sessionId,
      t.partnershipId,
      reflectionSessions,
      "cascade",
    ),

    uniqueIndex("factor_notes_session_factor_key").on(t.sessionId, t.factorId),
    index("factor_notes_partnership_id_idx").on(t.partnershipId),
  ],
);

/** The session's review of a goal: is it on track, and what is the story behind the curve. */
export const sessionGoalReviews = pgTable(
  "session_goal_reviews",
  {
    id: id(),
    sessionId: uuid("session_id").notNull(),
    partnershipId: partnershipRef(),
    goalId: uuid("goal_id").notNull(),
    assessment: goalAssessment("assessment").notNull(),
    story: text("story").notNull().default(""),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    sameTenant(
      "session_goal_reviews_session_fk",
      t.sessionId,
      t.partnershipId,
      reflectionSessions,
      "cascade",
    ),
    sameTenant("session_goal_reviews_goal_fk", t.goalId, t.partnershipId, goals, "cascade"),

    uniqueIndex("session_goal_reviews_session_goal_key").on(t.sessionId, t.goalId),
    index("session_goal_reviews_partnership_id_idx").on(t.partnershipId),
    index("session_goal_reviews_goal_id_idx").on(t.goalId),
  ],
);

/** An agreed action; the next session reviews it (done, continued, or dropped with a reason). */
export const reflectionActions = pgTable(
  "reflection_actions",
  {
    id: id(),
    partnershipId: partnershipRef(),
    sessionId: uuid("session_id").notNull(),
    description: text("description").notNull(),
    ownerOrganisationId: uuid("owner_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: actionStatus("status").notNull().default("open"),
    dropReason: text("drop_reason").notNull().default(""),
    /** The session that reviewed this action. */
    reviewedInSessionId: uuid("reviewed_in_session_id").references(() => reflectionSessions.id, {
      onDelete: "set null",
    }),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    sameTenant(
      "reflection_actions_session_fk",
      t.sessionId,
      t.partnershipId,
      reflectionSessions,
      "cascade",
    ),

    index("reflection_actions_partnership_status_idx").on(t.partnershipId, t.status),
    index("reflection_actions_session_id_idx").on(t.sessionId),
    index("reflection_actions_owner_idx").on(t.ownerOrganisationId),
    index("reflection_actions_reviewed_in_idx").on(t.reviewedInSessionId),
  ],
);

export const reflectionSessionsRelations = relations(reflectionSessions, ({ many }) => ({
  participants: many(sessionParticipants),
  scores: many(factorScores),
  actions: many(reflectionActions),
}));
export const sessionParticipantsRelations = relations(sessionParticipants, ({ one }) => ({
  session: one(reflectionSessions, {
    fields: [sessionParticipants.sessionId],
    references: [reflectionSessions.id],
  }),
}));
export const factorScoresRelations = relations(factorScores, ({ one }) => ({
  session: one(reflectionSessions, {
    fields: [factorScores.sessionId],
    references: [reflectionSessions.id],
  }),
  participant: one(sessionParticipants, {
    fields: [factorScores.participantId],
    references: [sessionParticipants.id],
  }),
}));
export const reflectionActionsRelations = relations(reflectionActions, ({ one }) => ({
  session: one(reflectionSessions, {
    fields: [reflectionActions.sessionId],
    references: [reflectionSessions.id],
  }),
}));
