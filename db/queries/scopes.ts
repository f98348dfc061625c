/**
 * What a scope (a municipality, a region, the nation) is and holds, read live: its name and
 * place, the scopes one level down, and its partnerships by form and by sharing choice. The
 * figures themselves come from tier 2 (db/queries/figures.ts publishedSection).
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../types";
import { rowsOf } from "./rows";

export type ScopeRef = { kind: "municipality" | "region" | "nation"; id: string };

/** The partnerships in a scope, as an SQL condition on `p` (partnerships) joined with `m`. */
const inScope = (scope: ScopeRef) =>
  scope.kind === "nation"
    ? sql`true`
    : scope.kind === "region"
      ? sql`m.region_id = ${scope.id}::uuid`
      : sql`p.municipality_id = ${scope.id}::uuid`;

/** A scope's name, and the municipality's code and region, for headings and breadcrumbs. */
export async function scopeHeader(db: DbOrTx, scope: ScopeRef) {
  if (scope.kind === "nation") return { name: null, cbsCode: null, region: null };
  if (scope.kind === "region") {
    const [row] = rowsOf<{ name: string }>(
      await db.execute(sql`select name from regions where id = ${scope.id}::uuid`),
    );
    return { name: row?.name ?? null, cbsCode: null, region: null };
  }
  const [row] = rowsOf<{ name: string; cbs_code: string; region_id: string; region: string }>(
    await db.execute(sql`
      select m.name, m.cbs_code, m.region_id, r.name as region
      from municipalities m join regions r on r.id = m.region_id where m.id = ${scope.id}::uuid`),
  );
  return {
    name: row?.name ?? null,
    cbsCode: row?.cbs_code ?? null,
    region: row ? { id: row.region_id, name: row.region } : null,
  };
}

/** One level down: the nation's regions, a region's municipalities (with their partnerships). */
export async function scopeChildren(db: DbOrTx, scope: ScopeRef) {
  if (scope.kind === "municipality") return [];
  const rows =
    scope.kind === "nation"
      ? await db.execute(sql`
          select r.id, r.name, count(p.id)::int as partnerships
          from regions r
          left join municipalities m on m.region_id = r.id and m.deleted_at is null
          left join partnerships p on p.municipality_id = m.id and p.deleted_at is null
          group by r.id, r.name order by r.name`)
      : await db.execute(sql`
          select m.id, m.name, count(p.id)::int as partnerships
          from municipalities m
          left join partnerships p on p.municipality_id = m.id and p.deleted_at is null
          where m.region_id = ${scope.id}::uuid and m.deleted_at is null
          group by m.id, m.name order by m.name`);
  return rowsOf<{ id: string; name: string; partnerships: number }>(rows);
}

/** Live partnerships in the scope by form and by sharing choice. */
export async function partnershipCounts(db: DbOrTx, scope: ScopeRef) {
  return rowsOf<{ form: string; sharing: string; n: number }>(
    await db.execute(sql`
      select p.form::text as form, p.municipality_sharing::text as sharing, count(*)::int as n
      from partnerships p join municipalities m on m.id = p.municipality_id
      where p.deleted_at is null and ${inScope(scope)}
      group by p.form, p.municipality_sharing`),
  );
}

/** The partnerships in the scope that share full read access: their names, and their reporting. */
export async function sharedPartnershipsIn(db: DbOrTx, scope: ScopeRef, windowStart: string) {
  return rowsOf<{
    id: string;
    name: string;
    municipality: string;
    municipality_id: string;
    reporting: { quarterStart: string; expected: number; held: number; onTime: number }[] | null;
  }>(
    await db.execute(sql`
      select p.id, p.name, m.name as municipality, p.municipality_id,
        (select json_agg(json_build_object('quarterStart', f.quarter_start::text,
            'expected', f.expected, 'held', f.held_capped, 'onTime', f.on_time_capped)
            order by f.quarter_start)
         from figures_reporting f
         where f.partnership_id = p.id and f.quarter_start >= ${windowStart}::date) as reporting
      from partnerships p join municipalities m on m.id = p.municipality_id
      where p.deleted_at is null and p.municipality_sharing = 'full' and ${inScope(scope)}
      order by p.name`),
  );
}
