/** Municipalities and organisations, managed by platform admins. */
import { and, asc, count, eq, ilike, isNotNull, isNull, or, sql } from "drizzle-orm";
import { offsetOf, type Page } from "@/domain/paging";
import { municipalities, organisations, partnerships, regions } from "../schema";
import type { DbOrTx } from "../types";
import { likePattern } from "./like";
import { updateVersioned } from "./rows";

type Municipality = typeof municipalities.$inferSelect;
type Organisation = typeof organisations.$inferSelect;
export type ListParams = { page: number; pageSize: number; search?: string; deleted?: boolean };

export async function listMunicipalities(
  db: DbOrTx,
  params: ListParams,
): Promise<Page<Municipality>> {
  const where = and(
    params.deleted ? isNotNull(municipalities.deletedAt) : isNull(municipalities.deletedAt),
    params.search
      ? or(
          ilike(municipalities.name, likePattern(params.search)),
          ilike(municipalities.cbsCode, likePattern(params.search)),
          ilike(municipalities.youthRegion, likePattern(params.search)),
        )
      : undefined,
  );
  const [items, [totals]] = await Promise.all([
    db
      .select()
      .from(municipalities)
      .where(where)
      .orderBy(asc(municipalities.name))
      .limit(params.pageSize)
      .offset(offsetOf(params.page, params.pageSize)),
    db.select({ total: count() }).from(municipalities).where(where),
  ]);
  return { items, total: totals?.total ?? 0, page: params.page, pageSize: params.pageSize };
}

/** Every youth-care region, for a select. */
export async function regionOptions(db: DbOrTx) {
  return db.select({ id: regions.id, name: regions.name }).from(regions).orderBy(asc(regions.name));
}

/** All live municipalities, for a select (342 nationally: small enough for one list). */
export async function municipalityOptions(db: DbOrTx) {
  return db
    .select({ id: municipalities.id, name: municipalities.name, cbsCode: municipalities.cbsCode })
    .from(municipalities)
    .where(isNull(municipalities.deletedAt))
    .orderBy(asc(municipalities.name));
}

export async function getMunicipality(db: DbOrTx, id: string) {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.id, id));
  return row;
}

/** The region of this name (case-insensitive), made if it is new. */
export async function regionIdFor(db: DbOrTx, name: string): Promise<string> {
  await db.insert(regions).values({ name }).onConflictDoNothing();
  const [row] = await db
    .select({ id: regions.id })
    .from(regions)
    .where(sql`lower(${regions.name}) = lower(${name})`);
  if (!row) throw new Error("region not found after insert");
  return row.id;
}

export async function insertMunicipality(
  db: DbOrTx,
  values: Pick<Municipality, "cbsCode" | "name" | "youthRegion" | "regionId">,
) {
  const [row] = await db.insert(municipalities).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updateMunicipality(
  db: DbOrTx,
  params: {
    id: string;
    version: number;
    values: Partial<
      Pick<Municipality, "cbsCode" | "name" | "youthRegion" | "regionId" | "deletedAt">
    >;
    removed?: boolean;
  },
) {
  return updateVersioned(db, "municipality", municipalities, {
    scope: eq(municipalities.id, params.id),
    version: params.version,
    values: params.values,
    removed: params.removed,
  });
}

export async function countLivePartnershipsIn(db: DbOrTx, municipalityId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(partnerships)
    .where(and(eq(partnerships.municipalityId, municipalityId), isNull(partnerships.deletedAt)));
  return row?.n ?? 0;
}

export async function listOrganisations(db: DbOrTx, params: ListParams) {
  const where = and(
    params.deleted ? isNotNull(organisations.deletedAt) : isNull(organisations.deletedAt),
    params.search ? ilike(organisations.name, likePattern(params.search)) : undefined,
  );
  const [items, [totals]] = await Promise.all([
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        type: organisations.type,
        municipalityId: organisations.municipalityId,
        municipalityName: municipalities.name,
        version: organisations.version,
        deletedAt: organisations.deletedAt,
      })
      .from(organisations)
      .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
      .where(where)
      .orderBy(asc(organisations.name))
      .limit(params.pageSize)
      .offset(offsetOf(params.page, params.pageSize)),
    db.select({ total: count() }).from(organisations).where(where),
  ]);
  return { items, total: totals?.total ?? 0, page: params.page, pageSize: params.pageSize };
}

export async function getOrganisation(db: DbOrTx, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function insertOrganisation(
  db: DbOrTx,
  values: Pick<Organisation, "name" | "type" | "municipalityId">,
) {
  const [row] = await db.insert(organisations).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updateOrganisation(
  db: DbOrTx,
  params: {
    id: string;
    version: number;
    values: Partial<Pick<Organisation, "name" | "type" | "municipalityId" | "deletedAt">>;
    removed?: boolean;
  },
) {
  return updateVersioned(db, "organisation", organisations, {
    scope: eq(organisations.id, params.id),
    version: params.version,
    values: params.values,
    removed: params.removed,
  });
}

/** Whether a municipality or region exists (and is live), and a municipality's region. */
export async function scopePlace(
  db: DbOrTx,
  scope: { kind: "municipality" | "region"; id: string },
): Promise<{ live: boolean; regionId?: string } | undefined> {
  if (scope.kind === "region") {
    const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, scope.id));
    return row ? { live: true } : undefined;
  }
  const [row] = await db
    .select({ regionId: municipalities.regionId, deletedAt: municipalities.deletedAt })
    .from(municipalities)
    .where(eq(municipalities.id, scope.id));
  return row ? { live: row.deletedAt === null, regionId: row.regionId } : undefined;
}
