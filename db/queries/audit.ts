import { and, count, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Page } from "@/domain/paging";
import { auditLog, cases, partnerships, users } from "../schema";
import type { DbOrTx } from "../types";

export type AuditEntry = {
  actorUserId: string | null;
  action: string;
  entity: string;
  entityId: string;
  partnershipId?: string | null;
  before?: unknown;
  after?: unknown;
  /** The client's address, where there is one. */
  ip?: string | null;
};

/** Appends to the audit log; call it inside the mutation's transaction. */
export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    ...entry,
    before: entry.before === undefined ? null : withoutSecrets(entry.before),
    after: entry.after === undefined ? null : withoutSecrets(entry.after),
  });
}

/** Password hashes never enter the audit log. */
function withoutSecrets(row: unknown): unknown {
  if (!row || typeof row !== "object") return row;
  const { passwordHash, ...rest } = row as Record<string, unknown>;
  return passwordHash === undefined ? rest : { ...rest, passwordHash: "[redacted]" };
}

/** What the audit trail can be narrowed to. */
export type AuditFilter = {
  /** One partnership's trail; none for the whole platform's. */
  partnershipId?: string;
  actorUserId?: string;
  entity?: string;
  action?: string;
  /** Calendar days in the Netherlands, both included. */
  from?: string;
  to?: string;
};

const TIME_ZONE = "Europe/Amsterdam";

function auditWhere(filter: AuditFilter) {
  return and(
    filter.partnershipId ? eq(auditLog.partnershipId, filter.partnershipId) : undefined,
    filter.actorUserId ? eq(auditLog.actorUserId, filter.actorUserId) : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.from
      ? gte(auditLog.at, sql`(${filter.from}::date)::timestamp at time zone ${TIME_ZONE}`)
      : undefined,
    filter.to
      ? lt(auditLog.at, sql`(${filter.to}::date + 1)::timestamp at time zone ${TIME_ZONE}`)
      : undefined,
  );
}

/**
 * The audit trail, newest first, a page at a time: who (their name), what (act and record,
 * with the case's code for a case), when and from where.
 */
export async function listAudit(
  db: DbOrTx,
  filter: AuditFilter,
  page: { page: number; pageSize: number },
): Promise<Page<AuditRow>> {
  const where = auditWhere(filter);
  const [items, [counted]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorUserId: auditLog.actorUserId,
        actorName: users.name,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        caseCode: cases.code,
        partnershipId: auditLog.partnershipId,
        partnershipName: partnerships.name,
        ip: auditLog.ip,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(
        cases,
        and(eq(auditLog.entity, "case"), eq(sql`${cases.id}::text`, auditLog.entityId)),
      )
      .leftJoin(partnerships, eq(partnerships.id, auditLog.partnershipId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: counted?.n ?? 0, ...page };
}

export type AuditRow = {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  caseCode: string | null;
  partnershipId: string | null;
  partnershipName: string | null;
  ip: string | null;
};

/** The people, kinds of record and acts a trail holds: what its filters offer. */
export async function auditChoices(db: DbOrTx, partnershipId: string | undefined) {
  const scope = partnershipId ? eq(auditLog.partnershipId, partnershipId) : undefined;
  const [people, entities, actions] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(auditLog)
      .innerJoin(users, eq(users.id, auditLog.actorUserId))
      .where(scope)
      .orderBy(users.name),
    db
      .selectDistinct({ entity: auditLog.entity })
      .from(auditLog)
      .where(scope)
      .orderBy(auditLog.entity),
    db
      .selectDistinct({ action: auditLog.action })
      .from(auditLog)
      .where(scope)
      .orderBy(auditLog.action),
  ]);
  return {
    people,
    entities: entities.map((e) => e.entity),
    actions: actions.map((a) => a.action),
  };
}
