/**
 * Changes to a partnership's set-up: its partner organisations and its members, each an audited
 * change with its checks inside the transaction (server/services/audited.ts).
 */
import type { z } from "zod";
import {
  countCoordinators,
  getMembership,
  getPartnerOrganisation,
  insertMembership,
  insertPartnership,
  listPartnerOrganisations,
  lockPartnership,
  updateMembership,
  updatePartnerOrganisation,
} from "@/db/queries/partnerships";
import { getMunicipality } from "@/db/queries/places";
import { getUserByEmail } from "@/db/queries/users";
import type { DbOrTx } from "@/db/types";
import type { partnershipCreateInput, roleSchema } from "@/domain/schemas";
import { appError, notFound } from "../errors";
import { type Actor, audited, auditedRow, type InPartnership } from "./audited";

/** An organisation named in a session or a membership must be one of the partnership's partners. */
export async function checkPartner(
  tx: DbOrTx,
  partnershipId: string,
  organisationId: string | null,
  field: string,
) {
  if (!organisationId) return;
  const partners = await listPartnerOrganisations(tx, partnershipId);
  if (!partners.some((p) => p.organisationId === organisationId))
    throw appError("BAD_REQUEST", "errors.not_a_partner", { field });
}

/** A new partnership in a live municipality. */
export function createPartnership(ctx: Actor, input: z.infer<typeof partnershipCreateInput>) {
  return audited(
    ctx,
    { action: "create", entity: "partnership", figures: ["reporting"] },
    async (tx) => {
      const municipality = await getMunicipality(tx, input.municipalityId);
      if (!municipality || municipality.deletedAt)
        throw appError("NOT_FOUND", "errors.reference_not_found", { field: "municipalityId" });
      const row = await insertPartnership(tx, input);
      // The audit row belongs to the new partnership's own history.
      return { result: row, after: row, partnershipId: row.id };
    },
  );
}

export function changePartnerOrganisation(
  ctx: InPartnership,
  id: string,
  version: number,
  action: "update" | "delete" | "restore",
  values: Partial<{ isCore: boolean; ownInterest: string; deletedAt: Date | null }>,
) {
  return audited(ctx, { action, entity: "partnership_organisation" }, async (tx) => {
    const before = await getPartnerOrganisation(tx, ctx.partnership.id, id);
    if (!before) throw notFound();
    const after = await updatePartnerOrganisation(tx, {
      partnershipId: ctx.partnership.id,
      id,
      version,
      values,
      removed: action === "restore",
    });
    return { result: after, before, after };
  });
}

/** A platform user becomes a member; only active accounts can be added. */
export function addMember(
  ctx: InPartnership,
  input: { email: string; role: z.infer<typeof roleSchema> },
) {
  return auditedRow(ctx, { action: "create", entity: "membership" }, async (tx) => {
    const user = await getUserByEmail(tx, input.email);
    if (!user || user.deactivatedAt)
      throw appError("NOT_FOUND", "errors.user_not_found", { field: "email" });
    return insertMembership(tx, {
      partnershipId: ctx.partnership.id,
      userId: user.id,
      role: input.role,
    });
  });
}

/**
 * Role changes and removals; a partnership always keeps at least one coordinator, so that
 * someone can manage it. Membership changes are serialised per partnership, so two concurrent
 * removals cannot both leave "another" coordinator behind.
 */
export function changeMembership(
  ctx: InPartnership,
  id: string,
  version: number,
  action: "update" | "delete",
  values: Partial<{
    role: z.infer<typeof roleSchema>;
    organisationId: string | null;
    deletedAt: Date;
  }>,
) {
  return audited(ctx, { action, entity: "membership" }, async (tx) => {
    await lockPartnership(tx, ctx.partnership.id);
    const before = await getMembership(tx, ctx.partnership.id, id);
    if (!before) throw notFound();
    // A new organisation must be a partner; one kept as it was may since have stopped being one
    // (the form shows it as such), and a role change does not make the member lose it.
    if (values.organisationId !== undefined && values.organisationId !== before.organisationId)
      await checkPartner(tx, ctx.partnership.id, values.organisationId, "organisationId");
    const after = await updateMembership(tx, {
      partnershipId: ctx.partnership.id,
      id,
      version,
      values,
    });
    const losesCoordinator =
      before.role === "coordinator" && (action === "delete" || values.role !== "coordinator");
    if (losesCoordinator && (await countCoordinators(tx, ctx.partnership.id)) === 0)
      throw appError("CONFLICT", "errors.last_coordinator", { field: "role" });
    return { result: after, before, after };
  });
}
