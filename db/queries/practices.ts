/** "Wat werkt" entries (db/schema/practices.ts): a partnership's own, and those shared with it. */
import { and, asc, desc, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { CollaborationForm, SchoolType } from "@/domain/vocabulary";
import { partnerships, practices } from "../schema";
import type { DbOrTx } from "../types";
import { updateVersioned } from "./rows";

export type PracticeValues = {
  factorId: string;
  text: string;
  schoolType: SchoolType | null;
  shared: boolean;
  reach: "municipality" | "national";
  showName: boolean;
};

const own = {
  id: practices.id,
  factorId: practices.factorId,
  text: practices.text,
  schoolType: practices.schoolType,
  shared: practices.shared,
  reach: practices.reach,
  showName: practices.showName,
  updatedAt: practices.updatedAt,
  version: practices.version,
};

export function listPractices(db: DbOrTx, partnershipId: string) {
  return db
    .select(own)
    .from(practices)
    .where(and(eq(practices.partnershipId, partnershipId), isNull(practices.deletedAt)))
    .orderBy(asc(practices.factorId), desc(practices.updatedAt));
}

export async function insertPractice(
  db: DbOrTx,
  values: PracticeValues & { partnershipId: string; createdBy: string },
) {
  const [row] = await db.insert(practices).values(values).returning(own);
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function getPractice(db: DbOrTx, partnershipId: string, id: string) {
  const [row] = await db
    .select(own)
    .from(practices)
    .where(
      and(
        eq(practices.id, id),
        eq(practices.partnershipId, partnershipId),
        isNull(practices.deletedAt),
      ),
    );
  return row;
}

/** Changes (or removes) an entry of the partnership at the version read (a conflict otherwise). */
export function updatePractice(
  db: DbOrTx,
  params: {
    partnershipId: string;
    id: string;
    version: number;
    values: Partial<PracticeValues> & { deletedAt?: Date };
  },
) {
  return updateVersioned(db, "practice", practices, {
    scope: and(eq(practices.id, params.id), eq(practices.partnershipId, params.partnershipId)),
    version: params.version,
    values: params.values,
  });
}

/**
 * What other partnerships share for a factor, as `from` may see it: nationwide entries, and
 * those of its own municipality; narrowed by form and school type when asked. The sharing
 * partnership is named (and its form and place told) only where it agreed.
 */
export function sharedPractices(
  db: DbOrTx,
  from: { partnershipId: string; municipalityId: string },
  filter: {
    factorId: string;
    where: "municipality" | "national";
    form?: CollaborationForm;
    schoolType?: SchoolType;
    limit: number;
  },
) {
  const sameMunicipality = eq(partnerships.municipalityId, from.municipalityId);
  return db
    .select({
      id: practices.id,
      factorId: practices.factorId,
      text: practices.text,
      schoolType: practices.schoolType,
      // Without the partnership's consent nothing that could point to it: not its form, not
      // whether it is nearby, and only the month it was written.
      form: sql<CollaborationForm | null>`case when ${practices.showName} then ${partnerships.form} end`,
      partnershipName: sql<
        string | null
      >`case when ${practices.showName} then ${partnerships.name} end`,
      sameMunicipality: sql<
        boolean | null
      >`case when ${practices.showName} then ${sameMunicipality} end`,
      updatedAt: sql<Date>`date_trunc('month', ${practices.updatedAt})`.mapWith(
        (v: string | Date) => new Date(v),
      ),
    })
    .from(practices)
    .innerJoin(partnerships, eq(partnerships.id, practices.partnershipId))
    .where(
      and(
        eq(practices.factorId, filter.factorId),
        eq(practices.shared, true),
        isNull(practices.deletedAt),
        isNull(partnerships.deletedAt),
        ne(practices.partnershipId, from.partnershipId),
        filter.where === "municipality"
          ? sameMunicipality
          : or(eq(practices.reach, "national"), sameMunicipality),
        filter.form ? eq(partnerships.form, filter.form) : undefined,
        // An entry for no particular school type applies to every one.
        filter.schoolType
          ? or(isNull(practices.schoolType), eq(practices.schoolType, filter.schoolType))
          : undefined,
      ),
    )
    .orderBy(desc(practices.updatedAt))
    .limit(filter.limit);
}
