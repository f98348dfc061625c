import { and, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import { versioned } from "../errors";
import type { DbOrTx } from "../types";

/**
 * `db.execute` returns an array of rows with postgres.js and `{ rows }` with PGlite:
 * this gives the rows either way.
 */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** A table with the shared column habits (db/schema/columns.ts): id, version, soft delete. */
type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; deletedAt: PgColumn };

/**
 * The one versioned update of a row: `values` are written and the version moves on only when
 * the row is in `scope` (its id and tenant), still live (or still removed, for a restore) and
 * at `version`. A stale version is a VersionConflictError, a missing row a RecordNotFoundError.
 */
export function updateVersioned<T extends VersionedTable>(
  db: DbOrTx,
  entity: string,
  table: T,
  params: {
    scope: SQL | undefined;
    version: number;
    values: PgUpdateSetSource<T>;
    /** Restoring looks for a removed row; everything else for a live one. */
    removed?: boolean;
  },
): Promise<T["$inferSelect"]> {
  const row = and(
    params.scope,
    params.removed ? isNotNull(table.deletedAt) : isNull(table.deletedAt),
  );
  return versioned(
    entity,
    db
      .update(table)
      .set({ ...params.values, version: sql`${table.version} + 1` } as PgUpdateSetSource<T>)
      .where(and(row, eq(table.version, params.version)))
      .returning() as Promise<T["$inferSelect"][]>,
    async () =>
      (
        await db
          .select({ id: table.id })
          .from(table as PgTable)
          .where(row)
      ).length > 0,
  );
}
