/**
 * Moving a partnership between installations: all its records as one JSON document with a
 * format version and the database schema it came from, and that document written into another
 * installation in one transaction (all or nothing).
 *
 * What belongs to the partnership is copied as it is, ids included (uuids are unique across
 * installations). What it only refers to is matched on the other side: its municipality by
 * CBS code (it must be there), its organisations by id, else by name and type, else made; the
 * people in its records by e-mail address, else made as deactivated accounts without a
 * password, for an admin to activate (their records keep their names). Figures are recomputed.
 * The audit log's rows come along (renumbered); the export and the import are audited too.
 */

import { randomBytes } from "node:crypto";
import { z } from "zod";
import { addAuditMonthsBetween } from "@/db/queries/retention";
import {
  columnsReferencing,
  insertDeactivatedUser,
  insertRows,
  internalReferences,
  municipalityIdByCode,
  organisationIdByName,
  PARTNERSHIP_TABLES,
  type PartnershipTable,
  partnershipRows,
  type Row,
  rowsById,
  schemaVersion,
} from "@/db/queries/transfer";
import { getUserByEmail } from "@/db/queries/users";
import type { Tx } from "@/db/types";
import { appError } from "../errors";
import { hashPassword } from "../passwords";
import { type Actor, audited, auditRead } from "./audited";
import { refreshFigures } from "./figures";

export const TRANSFER_FORMAT = "samenwerkingsmonitor/partnership";
export const TRANSFER_FORMAT_VERSION = 1;

const row = z.record(z.string(), z.unknown());
const withId = row.and(z.object({ id: z.uuid() }));

/** The document, as the import reads it (the export writes exactly this). */
export const partnershipDocument = z.object({
  format: z.literal(TRANSFER_FORMAT, "transfer_format"),
  formatVersion: z.literal(TRANSFER_FORMAT_VERSION, "transfer_format"),
  /** How many migrations the exporting database had had (db/queries/transfer.ts schemaVersion). */
  databaseSchema: z.number().int().positive(),
  exportedAt: z.string(),
  partnership: withId.and(z.object({ municipality_id: z.uuid(), name: z.string() })),
  /** The partnership's municipality and its organisations', matched by CBS code on import. */
  municipalities: z.array(z.object({ id: z.uuid(), cbs_code: z.string(), name: z.string() })),
  organisations: z.array(withId.and(z.object({ name: z.string(), type: z.string() }))),
  users: z.array(z.object({ id: z.uuid(), email: z.string(), name: z.string() })),
  records: z.object(
    Object.fromEntries(PARTNERSHIP_TABLES.map((t) => [t, z.array(row)])) as Record<
      PartnershipTable,
      z.ZodArray<typeof row>
    >,
  ),
});
export type PartnershipDocument = z.infer<typeof partnershipDocument>;

/** The values of `column` in `rows`, without nulls and doubles. */
function valuesOf(rows: readonly Row[], column: string): string[] {
  return [...new Set(rows.map((r) => r[column]).filter((v): v is string => typeof v === "string"))];
}

/** One partnership's document. Reading it is audited (it holds everything, cases included). */
export async function exportPartnership(
  ctx: Actor,
  partnershipId: string,
): Promise<PartnershipDocument> {
  const document = await ctx.db.transaction(
    async (tx) => {
      const [partnership] = await rowsById(tx, "partnerships", [partnershipId]);
      if (!partnership) throw appError("NOT_FOUND", "errors.not_found");
      const records = {} as Record<PartnershipTable, Row[]>;
      for (const table of PARTNERSHIP_TABLES)
        records[table] = await partnershipRows(tx, table, partnershipId);
      const referenced = async (target: "users" | "organisations") =>
        (await columnsReferencing(tx, target)).flatMap(({ table, column }) =>
          valuesOf(records[table as PartnershipTable] ?? [], column),
        );
      const userIds = [...new Set(await referenced("users"))];
      const organisationIds = [...new Set(await referenced("organisations"))];
      const users = (await rowsById(tx, "users", userIds)).map((u) => ({
        id: String(u.id),
        email: String(u.email),
        name: String(u.name),
      }));
      const organisations = await rowsById(tx, "organisations", organisationIds);
      const municipalities = await rowsById(tx, "municipalities", [
        ...new Set([
          String(partnership.municipality_id),
          ...valuesOf(organisations, "municipality_id"),
        ]),
      ]);
      return partnershipDocument.parse({
        format: TRANSFER_FORMAT,
        formatVersion: TRANSFER_FORMAT_VERSION,
        databaseSchema: await schemaVersion(tx),
        exportedAt: new Date().toISOString(),
        partnership,
        municipalities: municipalities.map(({ id, cbs_code, name }) => ({ id, cbs_code, name })),
        organisations,
        users,
        records,
      });
    },
    // One consistent snapshot of all tables.
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  await auditRead(
    { ...ctx, partnership: { id: partnershipId } },
    { action: "export", entity: "partnership", entityId: partnershipId },
  );
  return document;
}

export type ImportResult = {
  partnershipId: string;
  records: number;
  usersMatched: number;
  usersCreated: number;
  organisationsMatched: number;
  organisationsCreated: number;
};

/** Writes a document into this installation, or refuses it whole with the reason. */
export async function importPartnership(
  ctx: Actor,
  document: PartnershipDocument,
): Promise<ImportResult> {
  const partnershipId = document.partnership.id;
  // Every record must be the partnership's own: a document cannot write into another one.
  for (const table of PARTNERSHIP_TABLES)
    if (document.records[table].some((r) => r.partnership_id !== partnershipId))
      throw appError("BAD_REQUEST", "errors.transfer_foreign_record", { params: { table } });
  // Its history is about its own records, and not from after the export: no rows about
  // accounts (which an erasure reads its words from) nor erasures, nothing dated later.
  if (
    document.records.audit_log.some(
      (r) =>
        r.entity === "user" ||
        r.entity === "erasure" ||
        typeof r.at !== "string" ||
        !(Date.parse(r.at) <= Date.parse(document.exportedAt)),
    )
  )
    throw appError("BAD_REQUEST", "errors.transfer_invalid", { params: { table: "audit_log" } });
  // Hashing is slow: before the transaction, one unusable password for every account made.
  const noPassword = await hashPassword(randomBytes(32).toString("base64url"));
  return audited(
    { ...ctx, partnership: undefined },
    { action: "import", entity: "partnership" },
    async (tx) => {
      if ((await schemaVersion(tx)) !== document.databaseSchema)
        throw appError("BAD_REQUEST", "errors.transfer_schema", {
          params: { theirs: document.databaseSchema, ours: await schemaVersion(tx) },
        });
      if ((await rowsById(tx, "partnerships", [partnershipId])).length > 0)
        throw appError("CONFLICT", "errors.transfer_exists");
      const places = new Map<string, string | null>();
      for (const m of document.municipalities)
        places.set(m.id, await municipalityIdByCode(tx, m.cbs_code));
      const own = document.municipalities.find(
        (m) => m.id === document.partnership.municipality_id,
      );
      const municipalityId = places.get(document.partnership.municipality_id);
      if (!municipalityId)
        throw appError("BAD_REQUEST", "errors.transfer_municipality", {
          params: { code: own?.cbs_code ?? "?", name: own?.name ?? "?" },
        });
      await assertOwnReferences(tx, document);
      const people = await matchUsers(tx, document.users, noPassword).catch((error: unknown) => {
        throw invalidRows("users", error);
      });
      const organisations = await matchOrganisations(tx, document.organisations, places).catch(
        (error: unknown) => {
          throw invalidRows("organisations", error);
        },
      );
      const mapColumns = async (target: "users" | "organisations", map: Map<string, string>) => {
        for (const { table, column } of await columnsReferencing(tx, target))
          for (const r of document.records[table as PartnershipTable] ?? [])
            if (typeof r[column] === "string") r[column] = map.get(r[column]) ?? r[column];
      };
      await mapColumns("users", people.ids);
      await mapColumns("organisations", organisations.ids);
      await insertRows(tx, "partnerships", [
        { ...document.partnership, municipality_id: municipalityId },
      ]).catch((error: unknown) => {
        throw invalidRows("partnerships", error);
      });
      // The months of its history, so that they can be archived like the rest (migration 0020).
      const times = document.records.audit_log.map((r) => Date.parse(String(r.at)));
      if (times.length > 0)
        await addAuditMonthsBetween(tx, new Date(Math.min(...times)), new Date());
      let records = 0;
      for (const table of PARTNERSHIP_TABLES) {
        const rows =
          table === "goals" ? parentsFirst(document.records.goals) : document.records[table];
        await insertRows(tx, table, rows).catch((error: unknown) => {
          throw invalidRows(table, error);
        });
        records += rows.length;
      }
      await refreshFigures(tx, [partnershipId]);
      const result: ImportResult = {
        partnershipId,
        records,
        usersMatched: people.matched,
        usersCreated: people.created,
        organisationsMatched: organisations.matched,
        organisationsCreated: organisations.created,
      };
      return {
        result,
        entityId: partnershipId,
        partnershipId,
        after: { ...result, exportedAt: document.exportedAt },
      };
    },
  );
}

/**
 * Every reference between the document's records points at a record of the document (or at
 * nothing): a record cannot hang under another partnership's session or check-in.
 */
async function assertOwnReferences(tx: Tx, document: PartnershipDocument) {
  for (const ref of await internalReferences(tx)) {
    const ids = new Set(
      (document.records[ref.target as PartnershipTable] ?? []).map((r) => r[ref.targetColumn]),
    );
    const rows = document.records[ref.table as PartnershipTable] ?? [];
    if (
      rows.some(
        (r) => r[ref.column] !== null && r[ref.column] !== undefined && !ids.has(r[ref.column]),
      )
    )
      throw appError("BAD_REQUEST", "errors.transfer_foreign_record", {
        params: { table: ref.table },
      });
  }
}

/** The document's people on this installation: by e-mail address, else made (deactivated). */
async function matchUsers(tx: Tx, users: PartnershipDocument["users"], passwordHash: string) {
  const ids = new Map<string, string>();
  let matched = 0;
  let created = 0;
  for (const u of users) {
    const existing = await getUserByEmail(tx, u.email);
    if (existing) {
      ids.set(u.id, existing.id);
      matched++;
      continue;
    }
    const idFree = (await rowsById(tx, "users", [u.id])).length === 0;
    const id = idFree ? u.id : crypto.randomUUID();
    await insertDeactivatedUser(tx, { id, email: u.email, name: u.name, passwordHash });
    ids.set(u.id, id);
    created++;
  }
  return { ids, matched, created };
}

/** The document's organisations here: the same id, else the same name and type, else made. */
async function matchOrganisations(
  tx: Tx,
  organisations: PartnershipDocument["organisations"],
  /** The document's municipality ids → this installation's (null: not here). */
  places: Map<string, string | null>,
) {
  const ids = new Map<string, string>();
  let matched = 0;
  let created = 0;
  for (const o of organisations) {
    if ((await rowsById(tx, "organisations", [o.id])).length > 0) {
      ids.set(o.id, o.id);
      matched++;
      continue;
    }
    const found = await organisationIdByName(tx, o);
    if (found) {
      ids.set(o.id, found);
      matched++;
      continue;
    }
    const municipality = typeof o.municipality_id === "string" ? o.municipality_id : null;
    await insertRows(tx, "organisations", [
      { ...o, municipality_id: municipality ? (places.get(municipality) ?? null) : null },
    ]);
    ids.set(o.id, o.id);
    created++;
  }
  return { ids, matched, created };
}

/** Goals in an order where each parent comes before its children (a tree of any depth). */
function parentsFirst(goals: readonly Row[]): Row[] {
  const done = new Set<unknown>();
  const ordered: Row[] = [];
  let left = [...goals];
  while (left.length > 0) {
    const ready = left.filter((g) => g.parent_id === null || done.has(g.parent_id));
    // A parent that is not in the document: written last, and refused by its foreign key.
    const next = ready.length > 0 ? ready : left;
    for (const g of next) {
      ordered.push(g);
      done.add(g.id);
    }
    left = left.filter((g) => !next.includes(g));
  }
  return ordered;
}

/** A write the database refused (a wrong type, a missing value, a broken reference). */
function invalidRows(table: string, error: unknown) {
  const cause = (error as { cause?: { message?: string } })?.cause?.message;
  const message = error instanceof Error ? error.message : String(error);
  console.warn(`[transfer] ${table} refused: ${cause ?? message}`);
  return appError("BAD_REQUEST", "errors.transfer_invalid", { params: { table } });
}
