/**
 * "Wat werkt bij ons": what a partnership found works for one success factor, in a few lines
 * (guarded against personal identifiers and names). Kept for itself; shared with others only
 * when it opts in per entry ("Wat werkt elders", server/services/practices.ts), and then named
 * only when it agreed to that too.
 */
import { sql } from "drizzle-orm";
import { boolean, check, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { schoolType } from "./cases";
import { deletedAt, id, timestamps, version } from "./columns";
import { partnershipRef } from "./partnerships";
import { users } from "./people";

export const practiceReaches = ["municipality", "national"] as const;
export const practiceReach = pgEnum("practice_reach", practiceReaches);

export const practices = pgTable(
  "practices",
  {
    id: id(),
    partnershipId: partnershipRef(),
    factorId: text("factor_id").notNull(),
    text: text("text").notNull(),
    /** The school type it applies to, if one (for finding it). */
    schoolType: schoolType("school_type"),
    /** Shared with other partnerships: in its municipality, or nationwide. */
    shared: boolean("shared").notNull().default(false),
    reach: practiceReach("reach").notNull().default("national"),
    /** Others see which partnership it comes from only when this is on. */
    showName: boolean("show_name").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
    version: version(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index("practices_partnership_idx").on(t.partnershipId),
    index("practices_factor_shared_idx").on(t.factorId, t.shared),
    check("practices_factor_id", sql`${t.factorId} ~ '^[A-Z][0-9]{1,2}$'`),
  ],
);
