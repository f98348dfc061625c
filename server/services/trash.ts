/**
 * Bringing a removed record back (deletes are soft; docs/DOMAIN.md "Nothing is lost"): what it
 * hangs on must be there, and open, before it returns — checked in the restore's transaction.
 */
import { getCase } from "@/db/queries/cases";
import { getGoal } from "@/db/queries/goals";
import { getSession, lockSession } from "@/db/queries/reflections";
import {
  dropMovedLinkAnswers,
  getRemoved,
  restoreRemoved,
  type TrashKind,
  trashEntities,
} from "@/db/queries/trash";
import type { Tx } from "@/db/types";
import { appError, notFound } from "../errors";
import { audited, type InPartnership } from "./audited";
import type { FiguresPart } from "./figures";

async function assertRestorable(
  tx: Tx,
  partnershipId: string,
  kind: TrashKind,
  row: Record<string, unknown>,
) {
  if (kind === "measurement") {
    if (!(await getGoal(tx, partnershipId, String(row.goalId), { lock: "share" })))
      throw appError("CONFLICT", "errors.restore_parent_first");
  } else if (kind === "participant" || kind === "action") {
    await lockSession(tx, String(row.sessionId));
    const session = await getSession(tx, partnershipId, String(row.sessionId));
    if (!session) throw appError("CONFLICT", "errors.restore_parent_first");
    if (session.signedOffAt) throw appError("CONFLICT", "errors.session_locked");
  } else if (kind === "caseGoal" || kind === "checkIn") {
    const owner = await getCase(tx, partnershipId, String(row.caseId), { lock: "share" });
    if (!owner) throw notFound();
    if (owner.closedOn) throw appError("CONFLICT", "errors.case_closed");
  }
  // A session comes back unless its day is taken meanwhile: the partial unique index
  // reflection_sessions_partnership_day_key answers that (db/errors.ts).
}

/** What a restored record moves in the partnership's figures (server/services/figures.ts). */
const restoredFigures: Record<TrashKind, FiguresPart[]> = {
  measurement: ["goals"],
  session: ["collaboration", "reporting"],
  participant: [],
  action: [],
  caseGoal: ["cases"],
  checkIn: ["cases"],
  member: [],
};

export function restore(
  ctx: InPartnership,
  input: { kind: TrashKind; id: string; version: number },
) {
  const partnershipId = ctx.partnership.id;
  const figures = restoredFigures[input.kind];
  return audited(
    ctx,
    { action: "restore", entity: trashEntities[input.kind], figures },
    async (tx) => {
      const row = await getRemoved(tx, partnershipId, input.kind, input.id);
      if (!row) throw notFound();
      await assertRestorable(tx, partnershipId, input.kind, row);
      const after = await restoreRemoved(tx, { ...input, partnershipId });
      if (input.kind === "checkIn") await dropMovedLinkAnswers(tx, input.id);
      return {
        result: { kind: input.kind, id: input.id, version: after.version as number },
        before: row,
        after,
        entityId: input.id,
      };
    },
  );
}
