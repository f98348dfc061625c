/**
 * One partnership's records as rows, out of a database and into another (server/services/
 * transfer.ts makes a document of them). Generic over the tables: every table whose rows belong
 * to a partnership carries `partnership_id` (db/schema/columns.ts, the tenant keys), so they
 * are read and written as Postgres turns them into JSON and back (to_jsonb,
 * jsonb_populate_recordset): every column, in its own type, without a list kept here that a
 * new column could miss. The figures tables are not records but derived: recomputed on import.
 */
import { sql } from "drizzle-orm";
import { users } from "../schema";
import type { DbOrTx } from "../types";
import { rowsOf } from "./rows";

/**
 * The tables of a partnership's records, parents before children (the order rows are written
 * in). tests/integration/transfer.test.ts checks that it holds every table with a
 * partnership_id but the figures, and that no table comes before one it refers to.
 */
export const PARTNERSHIP_TABLES = [
  "partnership_organisations",
  "memberships",
  "invitations",
  "goals",
  "goal_partner_roles",
  "goal_measurements",
  "goal_reviews",
  "reflection_sessions",
  "session_participants",
  "factor_scores",
  "factor_notes",
  "reflection_actions",
  "session_goal_reviews",
  "session_summaries",
  "scoring_rounds",
  "round_links",
  "round_responses",
  "round_scores",
  "heard_summaries",
  "cases",
  "case_assignments",
  "case_goals",
  "check_ins",
  "check_in_ratings",
  "check_in_gas_scores",
  "check_in_referrals",
  "voice_links",
  "voice_responses",
  "practices",
  "audit_log",
] as const;
export type PartnershipTable = (typeof PARTNERSHIP_TABLES)[number];

/** Derived per-partnership tables: not exported, recomputed after an import. */
export const FIGURES_TABLES = [
  "figures_cases",
  "figures_collaboration",
  "figures_goals",
  "figures_reporting",
] as const;

export type Row = Record<string, unknown>;

/** The columns a table's rows carry, as foreign keys from the partnership's tables to `target`. */
export async function columnsReferencing(
  db: DbOrTx,
  target: "users" | "organisations",
): Promise<{ table: string; column: string }[]> {
  const rows = rowsOf<{ table: string; column: string }>(
    await db.execute(sql`
      select c.conrelid::regclass::text as table, a.attname as column
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = ${target}::regclass
        and c.conrelid::regclass::text in (${sql.join(
          PARTNERSHIP_TABLES.map((t) => sql`${t}`),
          sql`, `,
        )})
      order by 1, 2`),
  );
  // The audit log names its actor without a foreign key (it outlives accounts).
  return target === "users" ? [...rows, { table: "audit_log", column: "actor_user_id" }] : rows;
}

/** A table's rows of one partnership, as JSON objects keyed by column name, in a stable order. */
export async function partnershipRows(
  db: DbOrTx,
  table: PartnershipTable,
  partnershipId: string,
): Promise<Row[]> {
  // The audit log's own numbering is the installation's: not carried over.
  const row = table === "audit_log" ? sql`to_jsonb(t) - 'id'` : sql`to_jsonb(t)`;
  // By content: the same rows give the same order on any installation (not all tables have an id).
  const order = table === "audit_log" ? sql`t.at, t.id` : sql`to_jsonb(t)::text`;
  const [result] = rowsOf<{ rows: Row[] }>(
    await db.execute(sql`
      select coalesce(jsonb_agg(${row} order by ${order}), '[]'::jsonb) as rows
      from ${sql.identifier(table)} t where t.partnership_id = ${partnershipId}`),
  );
  return result?.rows ?? [];
}

/** Rows of any table by id, as JSON objects (the partnership, its organisations). */
export async function rowsById(db: DbOrTx, table: string, ids: readonly string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  const [result] = rowsOf<{ rows: Row[] }>(
    await db.execute(sql`
      select coalesce(jsonb_agg(to_jsonb(t) order by t.id), '[]'::jsonb) as rows
      from ${sql.identifier(table)} t
      where t.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`),
  );
  return result?.rows ?? [];
}

/**
 * The columns rows are written with: all but those this database numbers itself (identity
 * columns, and sequence defaults like the audit log's id).
 */
async function writableColumns(db: DbOrTx, table: string): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}
        and is_identity = 'NO' and is_generated = 'NEVER'
        and coalesce(column_default, '') not like 'nextval(%'
      order by ordinal_position`),
  );
  return rows.map((r) => r.name);
}

/** Writes rows into a table, each column in its own type, in batches. */
export async function insertRows(db: DbOrTx, table: string, rows: readonly Row[]) {
  if (rows.length === 0) return;
  const columns = sql.join(
    (await writableColumns(db, table)).map((c) => sql.identifier(c)),
    sql`, `,
  );
  for (let at = 0; at < rows.length; at += 1000) {
    const batch = JSON.stringify(rows.slice(at, at + 1000));
    await db.execute(sql`
      insert into ${sql.identifier(table)} (${columns})
      select ${columns} from jsonb_populate_recordset(null::${sql.identifier(table)}, ${batch}::jsonb)`);
  }
}

/** How many migrations this database has had: the schema version of what it exports. */
export async function schemaVersion(db: DbOrTx): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
  );
  return Number(row?.n ?? 0);
}

/** A live municipality's id by its CBS code. */
export async function municipalityIdByCode(db: DbOrTx, code: string): Promise<string | null> {
  const [row] = rowsOf<{ id: string }>(
    await db.execute(
      sql`select id::text as id from municipalities where cbs_code = ${code} and deleted_at is null`,
    ),
  );
  return row?.id ?? null;
}

/**
 * The live organisation with this name (in any case of letters): names are unique among live
 * organisations on an installation, so one of that name is the same organisation.
 */
export async function organisationIdByName(
  db: DbOrTx,
  organisation: { name: string },
): Promise<string | null> {
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`
      select id::text as id from organisations
      where lower(name) = lower(${organisation.name}) and deleted_at is null`),
  );
  return row?.id ?? null;
}

/** An account for someone in an imported partnership's records: deactivated, no known password. */
export async function insertDeactivatedUser(
  db: DbOrTx,
  values: { id: string; email: string; name: string; passwordHash: string },
) {
  await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase(), deactivatedAt: new Date() });
}

/**
 * The references between the partnership's own tables (foreign keys, a tenant key's own
 * column): an import checks that each points at a record of the document itself.
 */
export async function internalReferences(
  db: DbOrTx,
): Promise<{ table: string; column: string; target: string; targetColumn: string }[]> {
  const tables = sql.join(
    PARTNERSHIP_TABLES.map((t) => sql`${t}`),
    sql`, `,
  );
  return rowsOf(
    await db.execute(sql`
      select c.conrelid::regclass::text as table, a.attname as column,
             c.confrelid::regclass::text as target, fa.attname as "targetColumn"
      from pg_constraint c
      cross join lateral unnest(c.conkey, c.confkey) as k(col, fcol)
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.col
      join pg_attribute fa on fa.attrelid = c.confrelid and fa.attnum = k.fcol
      where c.contype = 'f' and a.attname <> 'partnership_id'
        and c.conrelid::regclass::text in (${tables})
        and c.confrelid::regclass::text in (${tables})
      order by 1, 2`),
  );
}
