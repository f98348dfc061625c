/** Partnerships: list, overview, settings, partner organisations and members. */
import { z } from "zod";
import { writeAudit } from "@/db/queries/audit";
import {
  countCoordinators,
  getMembership,
  getPartnerOrganisation,
  getPartnership,
  insertMembership,
  insertPartnerOrganisation,
  insertPartnership,
  listMembers,
  listPartnerOrganisations,
  listPartnerships,
  lockPartnership,
  organisationOptions,
  updateMembership,
  updatePartnerOrganisation,
  updatePartnershipSettings,
} from "@/db/queries/partnerships";
import { getMunicipality } from "@/db/queries/places";
import { getUserByEmail, type SessionUser } from "@/db/queries/users";
import type { Db } from "@/db/types";
import {
  emailSchema,
  idSchema,
  pageInput,
  partnerOrganisationInput,
  partnershipCreateInput,
  partnershipSettingsInput,
  roleSchema,
  searchText,
  versionSchema,
} from "@/domain/schemas";
import { appError, notFound } from "../errors";
import {
  adminProcedure,
  authedProcedure,
  createTRPCRouter,
  type PartnershipAccess,
  partnershipProcedure,
} from "../trpc";

const manage = partnershipProcedure("managePartnership");

export const partnershipsRouter = createTRPCRouter({
  /** The caller's partnerships; an admin sees every partnership. */
  list: authedProcedure.input(pageInput).query(({ ctx, input }) =>
    listPartnerships(ctx.db, {
      ...input,
      onlyIds: ctx.user.isAdmin ? undefined : ctx.user.memberships.map((m) => m.partnershipId),
    }),
  ),

  get: partnershipProcedure("readPartnership").query(async ({ ctx }) => {
    const partnership = await getPartnership(ctx.db, ctx.partnership.id);
    if (!partnership) throw notFound();
    const organisations = await listPartnerOrganisations(ctx.db, partnership.id);
    return {
      ...partnership,
      organisations,
      myRole: ctx.partnership.role,
      can: ctx.partnership.can,
    };
  }),

  create: adminProcedure.input(partnershipCreateInput).mutation(async ({ ctx, input }) => {
    const municipality = await getMunicipality(ctx.db, input.municipalityId);
    if (!municipality || municipality.deletedAt) {
      throw appError("NOT_FOUND", "errors.reference_not_found", { field: "municipalityId" });
    }
    return ctx.db.transaction(async (tx) => {
      const row = await insertPartnership(tx, input);
      await writeAudit(tx, {
        actorUserId: ctx.user.id,
        action: "create",
        entity: "partnership",
        entityId: row.id,
        partnershipId: row.id,
        after: row,
      });
      return row;
    });
  }),

  update: manage
    .input(partnershipSettingsInput.extend({ version: versionSchema }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = await getPartnership(tx, ctx.partnership.id);
        if (!before) throw notFound();
        const { partnershipId, version, ...values } = input;
        const after = await updatePartnershipSettings(tx, { partnershipId, version, values });
        await writeAudit(tx, {
          actorUserId: ctx.user.id,
          action: "update",
          entity: "partnership",
          entityId: partnershipId,
          partnershipId,
          before,
          after,
        });
        return after;
      }),
    ),

  /* ------------------------------------------------------------ partner organisations */

  removedOrganisations: manage.query(({ ctx }) =>
    listPartnerOrganisations(ctx.db, ctx.partnership.id, "removed"),
  ),

  organisationOptions: manage
    .input(z.object({ search: searchText }))
    .query(({ ctx, input }) => organisationOptions(ctx.db, ctx.partnership.id, input.search)),

  addOrganisation: manage
    .input(partnerOrganisationInput.extend({ organisationId: idSchema }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const row = await insertPartnerOrganisation(tx, {
          partnershipId: ctx.partnership.id,
          organisationId: input.organisationId,
          isCore: input.isCore,
          ownInterest: input.ownInterest,
        });
        if (!row)
          throw appError("NOT_FOUND", "errors.reference_not_found", { field: "organisationId" });
        await writeAudit(tx, {
          actorUserId: ctx.user.id,
          action: "create",
          entity: "partnership_organisation",
          entityId: row.id,
          partnershipId: ctx.partnership.id,
          after: row,
        });
        return row;
      }),
    ),

  updateOrganisation: manage
    .input(partnerOrganisationInput.extend({ id: idSchema, version: versionSchema }))
    .mutation(({ ctx, input }) =>
      changePartnerOrganisation(ctx, input.id, input.version, "update", {
        isCore: input.isCore,
        ownInterest: input.ownInterest,
      }),
    ),

  removeOrganisation: manage
    .input(z.object({ id: idSchema, version: versionSchema }))
    .mutation(({ ctx, input }) =>
      changePartnerOrganisation(ctx, input.id, input.version, "delete", { deletedAt: new Date() }),
    ),

  restoreOrganisation: manage
    .input(z.object({ id: idSchema, version: versionSchema }))
    .mutation(({ ctx, input }) =>
      changePartnerOrganisation(ctx, input.id, input.version, "restore", { deletedAt: null }),
    ),

  /* ------------------------------------------------------------ members */

  members: partnershipProcedure("readPeople").query(({ ctx }) =>
    listMembers(ctx.db, ctx.partnership.id),
  ),

  addMember: manage
    .input(z.object({ email: emailSchema, role: roleSchema }))
    .mutation(async ({ ctx, input }) => {
      const user = await getUserByEmail(ctx.db, input.email);
      if (!user || user.deactivatedAt) {
        throw appError("NOT_FOUND", "errors.user_not_found", { field: "email" });
      }
      return ctx.db.transaction(async (tx) => {
        const row = await insertMembership(tx, {
          partnershipId: ctx.partnership.id,
          userId: user.id,
          role: input.role,
        });
        await writeAudit(tx, {
          actorUserId: ctx.user.id,
          action: "create",
          entity: "membership",
          entityId: row.id,
          partnershipId: ctx.partnership.id,
          after: row,
        });
        return row;
      });
    }),

  changeMemberRole: manage
    .input(z.object({ id: idSchema, version: versionSchema, role: roleSchema }))
    .mutation(({ ctx, input }) =>
      changeMembership(ctx, input.id, input.version, "update", { role: input.role }),
    ),

  removeMember: manage
    .input(z.object({ id: idSchema, version: versionSchema }))
    .mutation(({ ctx, input }) =>
      changeMembership(ctx, input.id, input.version, "delete", { deletedAt: new Date() }),
    ),
});

type ManageCtx = { db: Db; user: SessionUser; partnership: PartnershipAccess };

async function changePartnerOrganisation(
  ctx: ManageCtx,
  id: string,
  version: number,
  action: "update" | "delete" | "restore",
  values: Partial<{ isCore: boolean; ownInterest: string; deletedAt: Date | null }>,
) {
  return ctx.db.transaction(async (tx) => {
    const before = await getPartnerOrganisation(tx, ctx.partnership.id, id);
    if (!before) throw notFound();
    const after = await updatePartnerOrganisation(tx, {
      partnershipId: ctx.partnership.id,
      id,
      version,
      values,
      removed: action === "restore",
    });
    await writeAudit(tx, {
      actorUserId: ctx.user.id,
      action,
      entity: "partnership_organisation",
      entityId: id,
      partnershipId: ctx.partnership.id,
      before,
      after,
    });
    return after;
  });
}

/**
 * Role changes and removals; a partnership always keeps at least one coordinator, so that
 * someone can manage it (checked inside the transaction that makes the change).
 */
async function changeMembership(
  ctx: ManageCtx,
  id: string,
  version: number,
  action: "update" | "delete",
  values: Partial<{ role: z.infer<typeof roleSchema>; deletedAt: Date }>,
) {
  return ctx.db.transaction(async (tx) => {
    // Serialise membership changes per partnership, so two concurrent removals cannot
    // both leave "another" coordinator behind.
    await lockPartnership(tx, ctx.partnership.id);
    const before = await getMembership(tx, ctx.partnership.id, id);
    if (!before) throw notFound();
    const after = await updateMembership(tx, {
      partnershipId: ctx.partnership.id,
      id,
      version,
      values,
    });
    const losesCoordinator =
      before.role === "coordinator" && (action === "delete" || values.role !== "coordinator");
    if (losesCoordinator && (await countCoordinators(tx, ctx.partnership.id)) === 0) {
      throw appError("CONFLICT", "errors.last_coordinator", { field: "role" });
    }
    await writeAudit(tx, {
      actorUserId: ctx.user.id,
      action,
      entity: "membership",
      entityId: id,
      partnershipId: ctx.partnership.id,
      before,
      after,
    });
    return after;
  });
}
