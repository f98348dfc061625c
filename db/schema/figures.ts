/**
 * Figures for municipalities, regions and the nation, in two tiers (docs/ARCHITECTURE.md
 * "Figures across partnerships"):
 *
 * 1. Per partnership and calendar quarter: what one partnership contributes to any aggregate
 *    (its collaboration scores, its reporting, its goal statuses, its case counts and sums).
 *    Recomputed from the raw rows in the same transaction as every change that moves them
 *    (db/queries/figures.ts), so they are never behind.
 * 2. Per scope (municipality, region, nation): the published figures, with small numbers
 *    suppressed over the whole set (server/disclosure/), recomputed from tier 1 by a job; the
 *    time they were computed is shown beside them.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { partnershipRef } from "./partnerships";

/** The latest signed-off session of the quarter on the current instrument, summed up. */
export const figuresCollaboration = pgTable(
  "figures_collaboration",
  {
    partnershipId: partnershipRef(),
    quarterStart: date("quarter_start", { mode: "string" }).notNull(),
    sessionId: uuid("session_id").notNull(),
    instrumentVersion: integer("instrument_version").notNull(),
    /** Participants who gave at least one score. */
    scorers: integer("scorers").notNull(),
    collaborationIndex: real("collaboration_index"),
    /** Per level, in the instrument's order; null for a level without an answered score. */
    levels: real("levels").array().notNull(),
    /** Per factor, in the instrument's order: the mean, and the means of three sectors. */
    factors: real("factors").array().notNull(),
    education: real("education").array().notNull(),
    youthCare: real("youth_care").array().notNull(),
    families: real("families").array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.quarterStart] }),
    index("figures_collaboration_quarter_idx").on(t.quarterStart),
  ],
);

/** Reflections expected by the cadence while the partnership existed, held, and on time. */
export const figuresReporting = pgTable(
  "figures_reporting",
  {
    partnershipId: partnershipRef(),
    quarterStart: date("quarter_start", { mode: "string" }).notNull(),
    expected: real("expected").notNull(),
    /** Signed-off sessions held in the quarter. */
    held: integer("held").notNull(),
    /** Held and on time, each at most what was expected (so no rate exceeds 100 %). */
    heldCapped: real("held_capped").notNull(),
    onTimeCapped: real("on_time_capped").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.quarterStart] }),
    index("figures_reporting_quarter_idx").on(t.quarterStart),
  ],
);

/** Goals by status at the end of the quarter (or today, for the current one). */
export const figuresGoals = pgTable(
  "figures_goals",
  {
    partnershipId: partnershipRef(),
    quarterStart: date("quarter_start", { mode: "string" }).notNull(),
    achieved: integer("achieved").notNull(),
    onTrack: integer("on_track").notNull(),
    atRisk: integer("at_risk").notNull(),
    offTrack: integer("off_track").notNull(),
    noData: integer("no_data").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.quarterStart] }),
    index("figures_goals_quarter_idx").on(t.quarterStart),
  ],
);

/**
 * Case counts and sums per quarter, for all cases (`dim` "all") and per school type and per
 * age band — counts and sums only, so that any scope adds them up; the GAS T-scores as a
 * sorted list, for medians. Nothing here names a case.
 */
export const figuresCases = pgTable(
  "figures_cases",
  {
    partnershipId: partnershipRef(),
    quarterStart: date("quarter_start", { mode: "string" }).notNull(),
    dim: text("dim").notNull(),
    dimValue: text("dim_value").notNull(),
    active: integer("active").notNull(),
    /** Cases whose latest check-in of the quarter with a GAS score has one; their T-scores. */
    gasCases: integer("gas_cases").notNull(),
    gasT: real("gas_t").array().notNull(),
    jointPlan: integer("joint_plan").notNull(),
    checkIns: integer("check_ins").notNull(),
    voiceCheckIns: integer("voice_check_ins").notNull(),
    /** Changes of professional, and the days the active cases were open in the quarter. */
    changes: integer("changes").notNull(),
    caseDays: integer("case_days").notNull(),
    referrals: integer("referrals").notNull(),
    tooQuick: integer("too_quick").notNull(),
    /** Cases closed in the quarter and their outcome set. */
    closed: integer("closed").notNull(),
    dropouts: integer("dropouts").notNull(),
    continuesKnown: integer("continues_known").notNull(),
    continuesYes: integer("continues_yes").notNull(),
    realisedKnown: integer("realised_known").notNull(),
    realisedYes: integer("realised_yes").notNull(),
    realisedPartly: integer("realised_partly").notNull(),
    satisfactionParentN: integer("satisfaction_parent_n").notNull(),
    satisfactionParentSum: integer("satisfaction_parent_sum").notNull(),
    satisfactionYoungN: integer("satisfaction_young_n").notNull(),
    satisfactionYoungSum: integer("satisfaction_young_sum").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.quarterStart, t.dim, t.dimValue] }),
    index("figures_cases_quarter_idx").on(t.quarterStart, t.dim),
  ],
);

/** Tier 2: a scope's published section (what may leave, suppression applied), as sent. */
export const figuresPublished = pgTable(
  "figures_published",
  {
    /** "municipality", "region" or "nation". */
    scopeKind: text("scope_kind").notNull(),
    /** The municipality's or region's id; "nl" for the nation. */
    scopeId: text("scope_id").notNull(),
    section: text("section").notNull(),
    payload: jsonb("payload").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scopeKind, t.scopeId, t.section] })],
);

/** Moves on with every change to tier 1; the job compares it with what it last published. */
export const figuresChanges = pgSequence("figures_changes");

/** When the published figures were computed, from which change, over which quarters. */
export const figuresState = pgTable("figures_state", {
  id: smallint("id").primaryKey().default(1),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  /** The value of figures_changes the computation started from. */
  computedChange: bigint("computed_change", { mode: "number" }).notNull(),
  /** The first quarter of the window the tier-1 figures cover. */
  windowStart: date("window_start", { mode: "string" }).notNull(),
  computedOn: date("computed_on", { mode: "string" }).notNull().default(sql`current_date`),
  /** While an instance computes, until when it holds the job (so another does not start). */
  leaseUntil: timestamp("lease_until", { withTimezone: true }),
});
