/** Column habits every table shares: uuid id, timestamps with time zone, row version, soft delete. */
import {
  type AnyPgColumn,
  foreignKey,
  integer,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

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

/** Soft delete: rows users delete stay restorable (the removed list, server/routers/trash.ts). */
export const deletedAt = () => timestamp("deleted_at", { withTimezone: true });

/**
 * Tenant keys. A row that belongs to a parent row and also carries the partnership (a case's
 * check-in, a session's scores) points at the parent by (parent id, partnership id), so no
 * writer can put it under a parent of another partnership: the database refuses. The parent
 * makes (id, partnership_id) unique for that.
 */
type Tenanted = { id: AnyPgColumn; partnershipId: AnyPgColumn };

/** (id, partnership_id) unique: the target of the tenant keys pointing at this table. */
export const tenantKey = (table: string, t: Tenanted) =>
  unique(`${table}_id_partnership_key`).on(t.id, t.partnershipId);

/** The parent of this row, in the same partnership. */
export const sameTenant = (
  name: string,
  column: AnyPgColumn,
  partnershipId: AnyPgColumn,
  parent: Tenanted,
  onDelete: "cascade" | "restrict",
) =>
  foreignKey({
    name,
    columns: [column, partnershipId],
    foreignColumns: [parent.id, parent.partnershipId],
  }).onDelete(onDelete);
