import { auditLog } from "../schema";
import type { DbOrTx } from "../types";

export type AuditEntry = {
  actorUserId: string | null;
  action: string;
  entity: string;
  entityId: string;
  partnershipId?: string | null;
  before?: unknown;
  after?: unknown;
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
