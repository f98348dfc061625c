/** Column habits every table shares: uuid id, timestamps with time zone, row version, soft delete. */
import { integer, timestamp, uuid } from "drizzle-orm/pg-core";

export const id = () => uuid("id").primaryKey().defaultRandom();

export const timestamps = () => ({
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
});

/** Optimistic concurrency: every update names the version it read and bumps it. */
export const version = () => integer("version").notNull().default(1);

/** Soft delete: rows users delete stay restorable until an explicit erasure. */
export const deletedAt = () => timestamp("deleted_at", { withTimezone: true });
