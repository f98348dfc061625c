/**
 * Goals: a tree per partnership, impact goal (einddoel, no parent) → intermediate goals
 * (tussendoelen), each with an indicator, baseline, target, measurements and leader reviews.
 */
import { relations } from "drizzle-orm";
import {
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { effectKinds, goalDirections, goalVerdicts } from "@/domain/vocabulary";
import { deletedAt, id, sameTenant, tenantKey, timestamps, version } from "./columns";
import { partnershipRef, partnerships } from "./partnerships";
import { users } from "./people";
import { organisations } from "./places";

export const goalDirection = pgEnum("goal_direction", goalDirections);
export const effectKind = pgEnum("effect_kind", effectKinds);
export const goalVerdict = pgEnum("goal_verdict", goalVerdicts);

export const goals = pgTable(
  "goals",
  {
    id: id(),
    partnershipId: partnershipRef(),
    /** Null for an impact goal; else the goal this intermediate goal serves. */
    parentId: uuid("parent_id"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    indicator: text("indicator").notNull(),
    unit: text("unit").notNull().default(""),
    direction: goalDirection("direction").notNull(),
    baselineValue: doublePrecision("baseline_value").notNull(),
    baselineDate: date("baseline_date", { mode: "string" }).notNull(),
    targetValue: doublePrecision("target_value").notNull(),
    targetDate: date("target_date", { mode: "string" }).notNull(),
    /** Measurements outside this range ask for confirmation. */
    plausibleMin: doublePrecision("plausible_min"),
    plausibleMax: doublePrecision("plausible_max"),
    effectKind: effectKind("effect_kind").notNull(),
    position: integer("position").notNull().default(0),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    tenantKey("goals", t),
    sameTenant("goals_parent_fk", t.parentId, t.partnershipId, t, "restrict"),

    index("goals_partnership_id_idx").on(t.partnershipId),
    index("goals_parent_id_idx").on(t.parentId),
  ],
);

/** The role of each partner organisation in reaching a goal. */
export const goalPartnerRoles = pgTable(
  "goal_partner_roles",
  {
    id: id(),
    goalId: uuid("goal_id").notNull(),
    partnershipId: partnershipRef(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    role: text("role").notNull(),
    ...timestamps(),
  },
  (t) => [
    sameTenant("goal_partner_roles_goal_fk", t.goalId, t.partnershipId, goals, "cascade"),

    uniqueIndex("goal_partner_roles_goal_org_key").on(t.goalId, t.organisationId),
    index("goal_partner_roles_partnership_id_idx").on(t.partnershipId),
    index("goal_partner_roles_organisation_id_idx").on(t.organisationId),
  ],
);

export const goalMeasurements = pgTable(
  "goal_measurements",
  {
    id: id(),
    goalId: uuid("goal_id").notNull(),
    partnershipId: partnershipRef(),
    value: doublePrecision("value").notNull(),
    measuredOn: date("measured_on", { mode: "string" }).notNull(),
    note: text("note").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    sameTenant("goal_measurements_goal_fk", t.goalId, t.partnershipId, goals, "cascade"),

    index("goal_measurements_goal_measured_idx").on(t.goalId, t.measuredOn),
    index("goal_measurements_partnership_id_idx").on(t.partnershipId),
    index("goal_measurements_recorded_by_idx").on(t.recordedBy),
  ],
);

/** A leader's review of a goal: verdict and comment, kept with its date. */
export const goalReviews = pgTable(
  "goal_reviews",
  {
    id: id(),
    goalId: uuid("goal_id").notNull(),
    partnershipId: partnershipRef(),
    reviewerId: uuid("reviewer_id").references(() => users.id, { onDelete: "set null" }),
    verdict: goalVerdict("verdict").notNull(),
    comment: text("comment").notNull().default(""),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    sameTenant("goal_reviews_goal_fk", t.goalId, t.partnershipId, goals, "cascade"),

    index("goal_reviews_goal_reviewed_idx").on(t.goalId, t.reviewedAt),
    index("goal_reviews_partnership_id_idx").on(t.partnershipId),
    index("goal_reviews_reviewer_id_idx").on(t.reviewerId),
  ],
);

export const goalsRelations = relations(goals, ({ one, many }) => ({
  partnership: one(partnerships, { fields: [goals.partnershipId], references: [partnerships.id] }),
  parent: one(goals, { fields: [goals.parentId], references: [goals.id], relationName: "tree" }),
  children: many(goals, { relationName: "tree" }),
  measurements: many(goalMeasurements),
  reviews: many(goalReviews),
  roles: many(goalPartnerRoles),
}));
export const goalMeasurementsRelations = relations(goalMeasurements, ({ one }) => ({
  goal: one(goals, { fields: [goalMeasurements.goalId], references: [goals.id] }),
}));
export const goalReviewsRelations = relations(goalReviews, ({ one }) => ({
  goal: one(goals, { fields: [goalReviews.goalId], references: [goals.id] }),
}));
export const goalPartnerRolesRelations = relations(goalPartnerRoles, ({ one }) => ({
  goal: one(goals, { fields: [goalPartnerRoles.goalId], references: [goals.id] }),
  organisation: one(organisations, {
    fields: [goalPartnerRoles.organisationId],
    references: [organisations.id],
  }),
}));
