/** Municipalities and organisations: the parties that take part in partnerships. */
import { relations, sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisationTypes } from "@/domain/vocabulary";
import { deletedAt, id, timestamps, version } from "./columns";

/**
 * Youth-care regions (jeugdregio's, 42 in the Netherlands): the municipalities that commission
 * youth care together. A region is known by its name; it comes into being with the first
 * municipality that names it (server/services/places.ts).
 */
export const regions = pgTable(
  "regions",
  {
    id: id(),
    name: text("name").notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("regions_name_key").on(sql`lower(${t.name})`)],
);

export const municipalities = pgTable(
  "municipalities",
  {
    id: id(),
    /** CBS code, e.g. GM0363 (Amsterdam). */
    cbsCode: text("cbs_code").notNull(),
    name: text("name").notNull(),
    /** Youth-care region (jeugdregio) the municipality belongs to, by name as entered. */
    youthRegion: text("youth_region").notNull(),
    /** The same region as a record: the scope of region analysts and region dashboards. */
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "restrict" }),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex("municipalities_cbs_code_key").on(t.cbsCode),
    index("municipalities_youth_region_idx").on(t.youthRegion),
    index("municipalities_region_id_idx").on(t.regionId),
  ],
);

export const organisationType = pgEnum("organisation_type", organisationTypes);

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    name: text("name").notNull(),
    type: organisationType("type").notNull(),
    /** Where the organisation is based; optional for regional organisations. */
    municipalityId: uuid("municipality_id").references(() => municipalities.id, {
      onDelete: "restrict",
    }),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index("organisations_municipality_id_idx").on(t.municipalityId),
    // A retried create does not make a second organisation of the same name.
    uniqueIndex("organisations_name_key")
      .on(sql`lower(${t.name})`)
      .where(sql`${t.deletedAt} is null`),
  ],
);

export const municipalitiesRelations = relations(municipalities, ({ many }) => ({
  organisations: many(organisations),
}));

export const organisationsRelations = relations(organisations, ({ one }) => ({
  municipality: one(municipalities, {
    fields: [organisations.municipalityId],
    references: [municipalities.id],
  }),
}));
