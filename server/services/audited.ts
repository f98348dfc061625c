/**
 * An audited change, the one way the server changes data: one transaction holds the checks the
 * change depends on, the write, and its row in the append-only audit log (who, what, which
 * record, before and after). A check made before the transaction could be overtaken by another
 * request between the check and the write; inside it, with the rows it reads locked where that
 * matters, it cannot.
 */
import { writeAudit } from "@/db/queries/audit";
import type { Db, Tx } from "@/db/types";
import { type FiguresPart, refreshFigures } from "./figures";

/**
 * Who changes: the session's user, in a partnership or on the platform — or nobody signed in
 * (a parent through their personal link, whose audit rows name no actor).
 */
export type Actor = {
  db: Db;
  user: { id: string } | null;
  partnership?: { id: string };
  /** The client's address (the request context's), recorded with every act. */
  ip?: string;
};

/** A signed-in actor, in a partnership. */
export type InPartnership = Actor & { user: { id: string }; partnership: { id: string } };

/** What a change reports back: its result, and what the audit row keeps of it. */
export type Change<T> = {
  result: T;
  before?: unknown;
  after?: unknown;
  /** The record the audit row is about, when it is not the result's own id. */
  entityId?: string;
  /** The partnership whose history the row belongs to, when the actor is not in one (a create). */
  partnershipId?: string;
  /** A retried create answered with the first one's record: nothing changed, nothing audited. */
  repeated?: boolean;
};

/**
 * What a change is, for its audit row (`action` on `entity`), and which of the partnership's
 * figures it moves (server/services/figures.ts): those are recomputed before it commits.
 */
export type ChangeKind = { action: string; entity: string; figures?: readonly FiguresPart[] };

/** Runs `change` in a transaction and writes its audit row there. */
export function audited<T>(
  ctx: Actor,
  what: ChangeKind,
  change: (tx: Tx) => Promise<Change<T>>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const done = await change(tx);
    if (done.repeated) return done.result;
    const partnershipId = done.partnershipId ?? ctx.partnership?.id;
    if (what.figures?.length && partnershipId)
      await refreshFigures(tx, [partnershipId], what.figures);
    await writeAudit(tx, {
      actorUserId: ctx.user?.id ?? null,
      ip: addressOf(ctx),
      action: what.action,
      entity: what.entity,
      entityId: done.entityId ?? idOf(done.result),
      partnershipId: done.partnershipId ?? ctx.partnership?.id ?? null,
      before: done.before,
      after: done.after,
    });
    return done.result;
  });
}

/** A plain audited write whose result is also what the audit row keeps. */
export function auditedRow<T extends { id: string }>(
  ctx: Actor,
  what: ChangeKind,
  change: (tx: Tx) => Promise<T>,
): Promise<T> {
  return audited(ctx, what, async (tx) => {
    const row = await change(tx);
    return { result: row, after: row };
  });
}

function idOf(result: unknown): string {
  const id = (result as { id?: unknown } | null)?.id;
  if (typeof id !== "string") throw new Error("audited change without an entity id");
  return id;
}

/** The client's address for the audit row; none for acts outside a request (the seed, a job). */
function addressOf(ctx: Actor): string | null {
  return ctx.ip && ctx.ip !== "unknown" ? ctx.ip : null;
}

/**
 * A read worth recording (a case's details, a list that names cases, a parent opening their
 * link): who read what, when — written at once, outside any transaction.
 */
export function auditRead(
  ctx: Actor,
  entry: { action: string; entity: string; entityId: string; after?: unknown },
) {
  return writeAudit(ctx.db, {
    actorUserId: ctx.user?.id ?? null,
    partnershipId: ctx.partnership?.id ?? null,
    ip: addressOf(ctx),
    ...entry,
  });
}
