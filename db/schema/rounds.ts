/**
 * Individual scoring rounds: before a planned reflection session each participant scores the
 * instrument privately, on their own device (a member signed in; someone without an account —
 * a parent, a young person — through a personal link). The round's scores stay apart from the
 * session's until the round closes, when the meeting starts (server/services/rounds.ts): then
 * they become the session's scores, and nobody saw another's answers while giving their own.
 */
import { sql } from "drizzle-orm";
import {
  check,
  index,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, sameTenant, tenantKey, timestamps, version } from "./columns";
import { partnershipRef } from "./partnerships";
import { users } from "./people";
import { reflectionSessions, sessionParticipants } from "./reflections";

/** One round per session; open until `closedAt`. */
export const scoringRounds = pgTable(
  "scoring_rounds",
  {
    id: id(),
    partnershipId: partnershipRef(),
    sessionId: uuid("session_id").notNull(),
    openedBy: uuid("opened_by").references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    tenantKey("scoring_rounds", t),
    sameTenant(
      "scoring_rounds_session_fk",
      t.sessionId,
      t.partnershipId,
      reflectionSessions,
      "cascade",
    ),
    uniqueIndex("scoring_rounds_session_key").on(t.sessionId),
    index("scoring_rounds_partnership_id_idx").on(t.partnershipId),
    index("scoring_rounds_opened_by_idx").on(t.openedBy),
  ],
);

/**
 * A personal link to the round for a participant without an account: a random token stored as
 * its hash (server/tokens.ts), used once to send the scores, revocable. After use it still
 * opens, until it expires, to show what the partnership heard and will do (issue 12, part 2).
 */
export const roundLinks = pgTable(
  "round_links",
  {
    id: id(),
    partnershipId: partnershipRef(),
    roundId: uuid("round_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    tenantKey("round_links", t),
    sameTenant("round_links_round_fk", t.roundId, t.partnershipId, scoringRounds, "cascade"),
    sameTenant(
      "round_links_participant_fk",
      t.participantId,
      t.partnershipId,
      sessionParticipants,
      "cascade",
    ),
    uniqueIndex("round_links_token_hash_key").on(t.tokenHash),
    index("round_links_round_id_idx").on(t.roundId),
    index("round_links_participant_id_idx").on(t.participantId),
    index("round_links_partnership_id_idx").on(t.partnershipId),
    index("round_links_created_by_idx").on(t.createdBy),
  ],
);

/** That a participant sent their scores in the round (what others may see of it). */
export const roundResponses = pgTable(
  "round_responses",
  {
    id: id(),
    partnershipId: partnershipRef(),
    roundId: uuid("round_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    ...timestamps(),
  },
  (t) => [
    sameTenant("round_responses_round_fk", t.roundId, t.partnershipId, scoringRounds, "cascade"),
    sameTenant(
      "round_responses_participant_fk",
      t.participantId,
      t.partnershipId,
      sessionParticipants,
      "cascade",
    ),
    uniqueIndex("round_responses_round_participant_key").on(t.roundId, t.participantId),
    index("round_responses_participant_id_idx").on(t.participantId),
    index("round_responses_partnership_id_idx").on(t.partnershipId),
  ],
);

/** A participant's private score of one factor in the round; null is "weet niet / n.v.t.". */
export const roundScores = pgTable(
  "round_scores",
  {
    id: id(),
    partnershipId: partnershipRef(),
    roundId: uuid("round_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    factorId: text("factor_id").notNull(),
    score: smallint("score"),
    ...timestamps(),
  },
  (t) => [
    sameTenant("round_scores_round_fk", t.roundId, t.partnershipId, scoringRounds, "cascade"),
    sameTenant(
      "round_scores_participant_fk",
      t.participantId,
      t.partnershipId,
      sessionParticipants,
      "cascade",
    ),
    check("round_scores_score_range", sql`${t.score} is null or ${t.score} between 1 and 5`),
    uniqueIndex("round_scores_round_participant_factor_key").on(
      t.roundId,
      t.participantId,
      t.factorId,
    ),
    index("round_scores_participant_id_idx").on(t.participantId),
    index("round_scores_partnership_id_idx").on(t.partnershipId),
  ],
);

/**
 * "Wij hoorden, wij doen": after a session is signed off, the coordinator's short summary in
 * plain words for the parents and young people who took part — what was discussed, who does
 * what by when. Published, it shows on their round link page (server/routers/rounds.ts).
 */
export const heardSummaries = pgTable(
  "heard_summaries",
  {
    sessionId: uuid("session_id").primaryKey(),
    partnershipId: partnershipRef(),
    text: text("text").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    sameTenant(
      "heard_summaries_session_fk",
      t.sessionId,
      t.partnershipId,
      reflectionSessions,
      "cascade",
    ),
    index("heard_summaries_partnership_id_idx").on(t.partnershipId),
    index("heard_summaries_updated_by_idx").on(t.updatedBy),
  ],
);
