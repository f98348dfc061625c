/** Partnerships, their partner organisations and members. Every query is scoped by partnership id. */
import {
  and,
  asc,
  count,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  notInArray,
  sql,
} from "drizzle-orm";
import { OPTIONS_LIMIT, offsetOf, type Page } from "@/domain/paging";
import {
  memberships,
  municipalities,
  organisations,
  partnershipOrganisations,
  partnerships,
  users,
} from "../schema";
import type { DbOrTx } from "../types";
import { likePattern } from "./like";
import { updateVersioned } from "./rows";

type PartnershipRow = typeof partnerships.$inferSelect;
export type PartnershipSettings = Pick<
  PartnershipRow,
  "name" | "form" | "purpose" | "intendedImpact" | "reflectionCadence" | "municipalitySharing"
>;

const listColumns = {
  id: partnerships.id,
  name: partnerships.name,
  form: partnerships.form,
  municipalityId: partnerships.municipalityId,
  municipalityName: municipalities.name,
};
export type PartnershipListItem = {
  [K in keyof typeof listColumns]: (typeof listColumns)[K]["_"]["data"];
};

/** Live partnerships, optionally only those with these ids (a member's), a page at a time. */
export async function listPartnerships(
  db: DbOrTx,
  params: { onlyIds?: string[]; page: number; pageSize: number; search?: string },
): Promise<Page<PartnershipListItem>> {
  if (params.onlyIds && params.onlyIds.length === 0) {
    return { items: [], total: 0, page: params.page, pageSize: params.pageSize };
  }
  const where = and(
    isNull(partnerships.deletedAt),
    params.onlyIds ? inArray(partnerships.id, params.onlyIds) : undefined,
    params.search ? ilike(partnerships.name, likePattern(params.search)) : undefined,
  );
  const [items, [totals]] = await Promise.all([
    db
      .select(listColumns)
      .from(partnerships)
      .innerJoin(municipalities, eq(municipalities.id, partnerships.municipalityId))
      .where(where)
      .orderBy(asc(partnerships.name), asc(partnerships.id))
      .limit(params.pageSize)
      .offset(offsetOf(params.page, params.pageSize)),
    db.select({ total: count() }).from(partnerships).where(where),
  ]);
  return { items, total: totals?.total ?? 0, page: params.page, pageSize: params.pageSize };
}

export async function getPartnership(db: DbOrTx, partnershipId: string) {
  const [row] = await db
    .select({
      partnership: partnerships,
      municipality: {
        id: municipalities.id,
        name: municipalities.name,
        cbsCode: municipalities.cbsCode,
      },
    })
    .from(partnerships)
    .innerJoin(municipalities, eq(municipalities.id, partnerships.municipalityId))
    .where(and(eq(partnerships.id, partnershipId), isNull(partnerships.deletedAt)));
  return row ? { ...row.partnership, municipality: row.municipality } : undefined;
}

/** Row lock on the partnership for the rest of the transaction. */
export async function lockPartnership(db: DbOrTx, partnershipId: string) {
  await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(eq(partnerships.id, partnershipId))
    .for("update");
}

export async function insertPartnership(
  db: DbOrTx,
  values: PartnershipSettings & { municipalityId: string },
) {
  const [row] = await db.insert(partnerships).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

/** What access to a live partnership depends on: its municipality and its sharing choice. */
export async function partnershipStanding(db: DbOrTx, partnershipId: string) {
  const [row] = await db
    .select({
      municipalityId: partnerships.municipalityId,
      municipalitySharing: partnerships.municipalitySharing,
    })
    .from(partnerships)
    .where(and(eq(partnerships.id, partnershipId), isNull(partnerships.deletedAt)));
  return row;
}

export async function updatePartnershipSettings(
  db: DbOrTx,
  params: { partnershipId: string; version: number; values: PartnershipSettings },
) {
  return updateVersioned(db, "partnership", partnerships, {
    scope: eq(partnerships.id, params.partnershipId),
    version: params.version,
    values: params.values,
  });
}

/* ------------------------------------------------------------- partner organisations */

export async function listPartnerOrganisations(
  db: DbOrTx,
  partnershipId: string,
  which: "active" | "removed" = "active",
) {
  return db
    .select({
      id: partnershipOrganisations.id,
      organisationId: organisations.id,
      name: organisations.name,
      type: organisations.type,
      isCore: partnershipOrganisations.isCore,
      ownInterest: partnershipOrganisations.ownInterest,
      version: partnershipOrganisations.version,
      deletedAt: partnershipOrganisations.deletedAt,
    })
    .from(partnershipOrganisations)
    .innerJoin(organisations, eq(organisations.id, partnershipOrganisations.organisationId))
    .where(
      and(
        eq(partnershipOrganisations.partnershipId, partnershipId),
        which === "active"
          ? isNull(partnershipOrganisations.deletedAt)
          : isNotNull(partnershipOrganisations.deletedAt),
      ),
    )
    .orderBy(sql`${partnershipOrganisations.isCore} desc`, asc(organisations.name));
}

/** Organisations that could join: live, and not already an active partner. */
export async function organisationOptions(db: DbOrTx, partnershipId: string, search?: string) {
  const active = db
    .select({ id: partnershipOrganisations.organisationId })
    .from(partnershipOrganisations)
    .where(
      and(
        eq(partnershipOrganisations.partnershipId, partnershipId),
        isNull(partnershipOrganisations.deletedAt),
      ),
    );
  return db
    .select({ id: organisations.id, name: organisations.name, type: organisations.type })
    .from(organisations)
    .where(
      and(
        isNull(organisations.deletedAt),
        notInArray(organisations.id, active),
        search ? ilike(organisations.name, likePattern(search)) : undefined,
      ),
    )
    .orderBy(asc(organisations.name))
    .limit(OPTIONS_LIMIT);
}

export async function getPartnerOrganisation(db: DbOrTx, partnershipId: string, id: string) {
  const [row] = await db
    .select()
    .from(partnershipOrganisations)
    .where(
      and(
        eq(partnershipOrganisations.id, id),
        eq(partnershipOrganisations.partnershipId, partnershipId),
      ),
    );
  return row;
}

export async function insertPartnerOrganisation(
  db: DbOrTx,
  values: { partnershipId: string; organisationId: string; isCore: boolean; ownInterest: string },
) {
  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, values.organisationId), isNull(organisations.deletedAt)));
  if (!organisation) return undefined;
  const [row] = await db.insert(partnershipOrganisations).values(values).returning();
  return row;
}

export async function updatePartnerOrganisation(
  db: DbOrTx,
  params: {
    partnershipId: string;
    id: string;
    version: number;
    values: Partial<{ isCore: boolean; ownInterest: string; deletedAt: Date | null }>;
    /** Restoring looks for a removed row; everything else for an active one. */
    removed?: boolean;
  },
) {
  return updateVersioned(db, "partnerOrganisation", partnershipOrganisations, {
    scope: and(
      eq(partnershipOrganisations.id, params.id),
      eq(partnershipOrganisations.partnershipId, params.partnershipId),
    ),
    version: params.version,
    values: params.values,
    removed: params.removed,
  });
}

/* ------------------------------------------------------------- members */

export async function listMembers(db: DbOrTx, partnershipId: string) {
  return db
    .select({
      id: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      version: memberships.version,
      active: sql<boolean>`${users.deactivatedAt} is null`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.partnershipId, partnershipId), isNull(memberships.deletedAt)))
    .orderBy(asc(memberships.role), asc(users.name));
}

export async function getMembership(db: DbOrTx, partnershipId: string, id: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.id, id),
        eq(memberships.partnershipId, partnershipId),
        isNull(memberships.deletedAt),
      ),
    );
  return row;
}

export async function countCoordinators(db: DbOrTx, partnershipId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(
      and(
        eq(memberships.partnershipId, partnershipId),
        eq(memberships.role, "coordinator"),
        isNull(memberships.deletedAt),
      ),
    );
  return row?.n ?? 0;
}

export async function insertMembership(
  db: DbOrTx,
  values: {
    partnershipId: string;
    userId: string;
    role: (typeof memberships.$inferInsert)["role"];
  },
) {
  const [row] = await db.insert(memberships).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function updateMembership(
  db: DbOrTx,
  params: {
    partnershipId: string;
    id: string;
    version: number;
    values: Partial<
      Pick<typeof memberships.$inferInsert, "role" | "organisationId"> & { deletedAt: Date }
    >;
  },
) {
  return updateVersioned(db, "membership", memberships, {
    scope: and(eq(memberships.id, params.id), eq(memberships.partnershipId, params.partnershipId)),
    version: params.version,
    values: params.values,
  });
}

/** The municipality's live partnerships that share full read access with it, by name. */
export async function sharedPartnerships(db: DbOrTx, municipalityId: string) {
  return db
    .select({ id: partnerships.id, name: partnerships.name })
    .from(partnerships)
    .where(
      and(
        eq(partnerships.municipalityId, municipalityId),
        eq(partnerships.municipalitySharing, "full"),
        isNull(partnerships.deletedAt),
      ),
    )
    .orderBy(asc(partnerships.name));
}

/** Counts of live partnerships per form in one municipality (the analyst's overview). */
export async function partnershipsByForm(db: DbOrTx, municipalityId: string) {
  return db
    .select({ form: partnerships.form, n: count() })
    .from(partnerships)
    .where(and(eq(partnerships.municipalityId, municipalityId), isNull(partnerships.deletedAt)))
    .groupBy(partnerships.form);
}
