/**
 * Case monitoring (casuïstiek), pseudonymous: a generated code, an age band and a school type —
 * never a name, birth date, address or BSN (free text is guarded by domain/identifiers.ts).
 * Check-ins over time carry the views of school, youth care, parent and young person.
 */
import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  ageBands,
  caseEndings,
  casePerspectives,
  goalRealisations,
  problemDomains,
  referralJudgements,
  referralKinds,
  schoolTypes,
  voicePerspectives,
} from "@/domain/vocabulary";
import { deletedAt, id, sameTenant, tenantKey, timestamps, version } from "./columns";
import { partnershipRef } from "./partnerships";
import { users } from "./people";

export const ageBand = pgEnum("age_band", ageBands);
export const schoolType = pgEnum("school_type", schoolTypes);
export const problemDomain = pgEnum("problem_domain", problemDomains);
export const casePerspective = pgEnum("case_perspective", casePerspectives);
export const voicePerspective = pgEnum("voice_perspective", voicePerspectives);
export const referralJudgement = pgEnum("referral_judgement", referralJudgements);
export const referralKind = pgEnum("referral_kind", referralKinds);
export const caseEnding = pgEnum("case_ending", caseEndings);
export const goalRealisation = pgEnum("goal_realisation", goalRealisations);

export const cases = pgTable(
  "cases",
  {
    id: id(),
    partnershipId: partnershipRef(),
    /** Generated, unambiguous (domain/case-code.ts); unique within the partnership. */
    code: text("code").notNull(),
    /** The coordinator's own reference, checked like free text. */
    internalReference: text("internal_reference").notNull().default(""),
    ageBand: ageBand("age_band").notNull(),
    schoolType: schoolType("school_type").notNull(),
    problemDomains: problemDomain("problem_domains").array().notNull().default(sql`'{}'`),
    openedOn: date("opened_on", { mode: "string" }).notNull(),
    closedOn: date("closed_on", { mode: "string" }),
    jointPlan: boolean("joint_plan").notNull().default(false),
    jointPlanSince: date("joint_plan_since", { mode: "string" }),
    /** Outcome set on closing. */
    ending: caseEnding("ending"),
    continuesWithoutHelp: boolean("continues_without_help"),
    goalsRealised: goalRealisation("goals_realised"),
    satisfactionParent: smallint("satisfaction_parent"),
    satisfactionYoungPerson: smallint("satisfaction_young_person"),
    /**
     * How often the case has a check-in, in weeks; the assigned professionals get a reminder
     * when the next one is due (server/mail/reminders.ts). Null: no rhythm, no reminder.
     */
    checkInEveryWeeks: smallint("check_in_every_weeks"),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    tenantKey("cases", t),

    uniqueIndex("cases_partnership_code_key").on(t.partnershipId, t.code),
    index("cases_partnership_opened_idx").on(t.partnershipId, t.openedOn),
    check(
      "cases_check_in_every_weeks_range",
      sql`${t.checkInEveryWeeks} is null or ${t.checkInEveryWeeks} between 1 and 52`,
    ),
    check(
      "cases_satisfaction_range",
      sql`(${t.satisfactionParent} is null or ${t.satisfactionParent} between 1 and 5) and (${t.satisfactionYoungPerson} is null or ${t.satisfactionYoungPerson} between 1 and 5)`,
    ),
  ],
);

/** The professionals assigned to a case: they (and coordinators) may see its details. */
export const caseAssignments = pgTable(
  "case_assignments",
  {
    id: id(),
    caseId: uuid("case_id").notNull(),
    partnershipId: partnershipRef(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ...timestamps(),
    deletedAt: deletedAt(),
  },
  (t) => [
    sameTenant("case_assignments_case_fk", t.caseId, t.partnershipId, cases, "cascade"),

    uniqueIndex("case_assignments_active_key")
      .on(t.caseId, t.userId)
      .where(sql`${t.deletedAt} is null`),
    index("case_assignments_user_id_idx").on(t.userId),
    index("case_assignments_partnership_id_idx").on(t.partnershipId),
  ],
);

/** A case goal scored with Goal Attainment Scaling: five levels −2..+2 described in words. */
export const caseGoals = pgTable(
  "case_goals",
  {
    id: id(),
    caseId: uuid("case_id").notNull(),
    partnershipId: partnershipRef(),
    description: text("description").notNull(),
    levelMinus2: text("level_minus2").notNull(),
    levelMinus1: text("level_minus1").notNull(),
    level0: text("level_0").notNull(),
    levelPlus1: text("level_plus1").notNull(),
    levelPlus2: text("level_plus2").notNull(),
    weight: smallint("weight").notNull().default(1),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    tenantKey("case_goals", t),
    sameTenant("case_goals_case_fk", t.caseId, t.partnershipId, cases, "cascade"),

    index("case_goals_case_id_idx").on(t.caseId),
    index("case_goals_partnership_id_idx").on(t.partnershipId),
    check("case_goals_weight_range", sql`${t.weight} between 1 and 10`),
  ],
);

export const checkIns = pgTable(
  "check_ins",
  {
    id: id(),
    caseId: uuid("case_id").notNull(),
    partnershipId: partnershipRef(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    /** Turnover: how often the professional changed since the last check-in. */
    professionalChanges: smallint("professional_changes").notNull().default(0),
    /** Sent by the form; a retried submission finds the first one instead of adding another. */
    clientRequestId: uuid("client_request_id").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    tenantKey("check_ins", t),
    sameTenant("check_ins_case_fk", t.caseId, t.partnershipId, cases, "cascade"),

    uniqueIndex("check_ins_client_request_key").on(t.clientRequestId),
    index("check_ins_case_held_idx").on(t.caseId, t.heldOn),
    index("check_ins_partnership_held_idx").on(t.partnershipId, t.heldOn),
    index("check_ins_created_by_idx").on(t.createdBy),
  ],
);

/** One perspective's two ratings (1–5) in a check-in. */
export const checkInRatings = pgTable(
  "check_in_ratings",
  {
    id: id(),
    checkInId: uuid("check_in_id").notNull(),
    caseId: uuid("case_id").notNull(),
    partnershipId: partnershipRef(),
    perspective: casePerspective("perspective").notNull(),
    /** "How does the collaboration around this child work?" */
    collaboration: smallint("collaboration").notNull(),
    /** "How is the child doing?" */
    wellbeing: smallint("wellbeing").notNull(),
    comment: text("comment").notNull().default(""),
    /** Given by the parent or young person themselves, through their personal link. */
    viaLink: boolean("via_link").notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    sameTenant("check_in_ratings_check_in_fk", t.checkInId, t.partnershipId, checkIns, "cascade"),
    sameTenant("check_in_ratings_case_fk", t.caseId, t.partnershipId, cases, "cascade"),

    uniqueIndex("check_in_ratings_perspective_key").on(t.checkInId, t.perspective),
    index("check_in_ratings_case_id_idx").on(t.caseId),
    index("check_in_ratings_partnership_id_idx").on(t.partnershipId),
    check(
      "check_in_ratings_range",
      sql`${t.collaboration} between 1 and 5 and ${t.wellbeing} between 1 and 5`,
    ),
  ],
);

export const checkInReferrals = pgTable(
  "check_in_referrals",
  {
    id: id(),
    checkInId: uuid("check_in_id").notNull(),
    caseId: uuid("case_id").notNull(),
    partnershipId: partnershipRef(),
    kind: referralKind("kind").notNull(),
    judgement: referralJudgement("judgement").notNull(),
    ...timestamps(),
  },
  (t) => [
    sameTenant("check_in_referrals_check_in_fk", t.checkInId, t.partnershipId, checkIns, "cascade"),
    sameTenant("check_in_referrals_case_fk", t.caseId, t.partnershipId, cases, "cascade"),

    index("check_in_referrals_check_in_id_idx").on(t.checkInId),
    index("check_in_referrals_case_id_idx").on(t.caseId),
    index("check_in_referrals_partnership_id_idx").on(t.partnershipId),
  ],
);

export const checkInGasScores = pgTable(
  "check_in_gas_scores",
  {
    id: id(),
    checkInId: uuid("check_in_id").notNull(),
    caseGoalId: uuid("case_goal_id").notNull(),
    partnershipId: partnershipRef(),
    score: smallint("score").notNull(),
    ...timestamps(),
  },
  (t) => [
    sameTenant(
      "check_in_gas_scores_check_in_fk",
      t.checkInId,
      t.partnershipId,
      checkIns,
      "cascade",
    ),
    sameTenant(
      "check_in_gas_scores_case_goal_fk",
      t.caseGoalId,
      t.partnershipId,
      caseGoals,
      "cascade",
    ),

    uniqueIndex("check_in_gas_scores_goal_key").on(t.checkInId, t.caseGoalId),
    index("check_in_gas_scores_case_goal_id_idx").on(t.caseGoalId),
    index("check_in_gas_scores_partnership_id_idx").on(t.partnershipId),
    check("check_in_gas_scores_range", sql`${t.score} between -2 and 2`),
  ],
);

/**
 * A personal link for a parent or young person to give their own view, without an account.
 * Only a hash of the token is stored; it expires, works once, and can be revoked.
 */
export const voiceLinks = pgTable(
  "voice_links",
  {
    id: id(),
    caseId: uuid("case_id").notNull(),
    partnershipId: partnershipRef(),
    perspective: voicePerspective("perspective").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    tenantKey("voice_links", t),
    sameTenant("voice_links_case_fk", t.caseId, t.partnershipId, cases, "cascade"),

    uniqueIndex("voice_links_token_hash_key").on(t.tokenHash),
    index("voice_links_case_id_idx").on(t.caseId),
    index("voice_links_partnership_id_idx").on(t.partnershipId),
    index("voice_links_created_by_idx").on(t.createdBy),
  ],
);

/** The answer given through a link; it joins the case's next check-in. */
export const voiceResponses = pgTable(
  "voice_responses",
  {
    id: id(),
    linkId: uuid("link_id").notNull(),
    caseId: uuid("case_id").notNull(),
    partnershipId: partnershipRef(),
    perspective: voicePerspective("perspective").notNull(),
    collaboration: smallint("collaboration").notNull(),
    wellbeing: smallint("wellbeing").notNull(),
    comment: text("comment").notNull().default(""),
    /** The check-in this answer was taken into; null while waiting for the next one. */
    checkInId: uuid("check_in_id").references(() => checkIns.id, { onDelete: "set null" }),
    /** What the professional writes back on this answer; shown at the person's next link. */
    reply: text("reply"),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    repliedBy: uuid("replied_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    sameTenant("voice_responses_link_fk", t.linkId, t.partnershipId, voiceLinks, "cascade"),
    sameTenant("voice_responses_case_fk", t.caseId, t.partnershipId, cases, "cascade"),

    // One answer per link: a double tap or a retry stores nothing twice.
    uniqueIndex("voice_responses_link_key").on(t.linkId),
    index("voice_responses_case_id_idx").on(t.caseId),
    index("voice_responses_partnership_id_idx").on(t.partnershipId),
    index("voice_responses_check_in_id_idx").on(t.checkInId),
    check(
      "voice_responses_range",
      sql`${t.collaboration} between 1 and 5 and ${t.wellbeing} between 1 and 5`,
    ),
  ],
);

/** Uses of personal links (and failed attempts), per IP address, for rate limiting. */
export const voiceAttempts = pgTable(
  "voice_attempts",
  {
    id: id(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
  },
  (t) => [
    index("voice_attempts_ip_at_idx").on(t.ip, t.at),
    // The ceiling over all addresses counts the last minute's failures.
    index("voice_attempts_at_idx").on(t.at),
  ],
);

export const casesRelations = relations(cases, ({ many }) => ({
  assignments: many(caseAssignments),
  goals: many(caseGoals),
  checkIns: many(checkIns),
}));
