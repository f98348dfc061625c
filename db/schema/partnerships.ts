/** Partnerships (samenwerkingsverbanden) and the organisations that take part in them. */
import { relations, sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { collaborationForms, municipalitySharings, reflectionCadences } from "@/domain/vocabulary";
import { deletedAt, id, timestamps, version } from "./columns";
import { municipalities, organisations } from "./places";

export const collaborationForm = pgEnum("collaboration_form", collaborationForms);

export const reflectionCadence = pgEnum("reflection_cadence", reflectionCadences);

export const municipalitySharing = pgEnum("municipality_sharing", municipalitySharings);

export const partnerships = pgTable(
  "partnerships",
  {
    id: id(),
    name: text("name").notNull(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "restrict" }),
    form: collaborationForm("form").notNull(),
    /** Why this collaboration exists: collaboration is a means, not an end. */
    purpose: text("purpose").notNull().default(""),
    /** The public impact the partnership aims for (start from the end goal). */
    intendedImpact: text("intended_impact").notNull().default(""),
    reflectionCadence: reflectionCadence("reflection_cadence").notNull().default("quarterly"),
    municipalitySharing: municipalitySharing("municipality_sharing")
      .notNull()
      .default("aggregates"),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index("partnerships_municipality_id_idx").on(t.municipalityId),
    uniqueIndex("partnerships_municipality_name_key")
      .on(t.municipalityId, sql`lower(${t.name})`)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** The tenant column of every table that belongs to one partnership (deleted with it). */
export const partnershipRef = () =>
  uuid("partnership_id")
    .notNull()
    .references(() => partnerships.id, { onDelete: "cascade" });

export const partnershipOrganisations = pgTable(
  "partnership_organisations",
  {
    id: id(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** Core partners are named early so the partnership does not rest on one enthusiast (P5). */
    isCore: boolean("is_core").notNull().default(false),
    /** The organisation's own interest in the collaboration (docs/DOMAIN.md "Partnerships"). */
    ownInterest: text("own_interest").notNull().default(""),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index("partnership_organisations_partnership_id_idx").on(t.partnershipId),
    index("partnership_organisations_organisation_id_idx").on(t.organisationId),
    uniqueIndex("partnership_organisations_active_key")
      .on(t.partnershipId, t.organisationId)
      .where(sql`${t.deletedAt} is null`),
  ],
);

export const partnershipsRelations = relations(partnerships, ({ one, many }) => ({
  municipality: one(municipalities, {
    fields: [partnerships.municipalityId],
    references: [municipalities.id],
  }),
  organisations: many(partnershipOrganisations),
}));

export const partnershipOrganisationsRelations = relations(partnershipOrganisations, ({ one }) => ({
  partnership: one(partnerships, {
    fields: [partnershipOrganisations.partnershipId],
    references: [partnerships.id],
  }),
  organisation: one(organisations, {
    fields: [partnershipOrganisations.organisationId],
    references: [organisations.id],
  }),
}));
