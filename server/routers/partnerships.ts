/** Partnerships: list, overview, settings, partner organisations and members. */
import { z } from "zod";
import { listInvitations } from "@/db/queries/invitations";
import {
  getPartnership,
  insertPartnerOrganisation,
  listMembers,
  listPartnerOrganisations,
  listPartnerships,
  organisationOptions,
  updatePartnershipSettings,
} from "@/db/queries/partnerships";
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
import { organisationTypes } from "@/domain/vocabulary";
import { appError, notFound } from "../errors";
import {
  memberOutput,
  membershipRowOutput,
  partnerOrganisationOutput,
  partnerOrganisationRowOutput,
  partnershipDetailOutput,
  partnershipListOutput,
  partnershipRowOutput,
} from "../outputs";
import { audited, auditedRow } from "../services/audited";
import { invite, withdrawInvitation } from "../services/invitations";
import {
  addMember,
  changeMembership,
  changePartnerOrganisation,
  createPartnership,
} from "../services/partnerships";
import { adminProcedure, authedProcedure, createTRPCRouter, partnershipProcedure } from "../trpc";

/** An open invitation as its partnership's coordinators see it: an address, not an account. */
const invitationOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  createdAt: z.date(),
  version: z.number().int(),
});

const manage = partnershipProcedure("managePartnership");
const versionedId = z.object({ id: idSchema, version: versionSchema });

export const partnershipsRouter = createTRPCRouter({
  /** The caller's partnerships; an admin sees every partnership. */
  list: authedProcedure
    .input(pageInput)
    .output(partnershipListOutput)
    .query(({ ctx, input }) =>
      listPartnerships(ctx.db, {
        ...input,
        onlyIds: ctx.user.isAdmin ? undefined : ctx.user.memberships.map((m) => m.partnershipId),
      }),
    ),

  /** The overview, with what the caller can do here (`can`, from domain/permissions.ts). */
  get: partnershipProcedure("readPartnership")
    .output(partnershipDetailOutput)
    .query(async ({ ctx }) => {
      const [partnership, organisations] = await Promise.all([
        getPartnership(ctx.db, ctx.partnership.id),
        listPartnerOrganisations(ctx.db, ctx.partnership.id),
      ]);
      if (!partnership) throw notFound();
      return {
        ...partnership,
        organisations,
        myRole: ctx.partnership.role,
        can: ctx.partnership.can,
      };
    }),

  create: adminProcedure
    .input(partnershipCreateInput)
    .output(partnershipRowOutput)
    .mutation(({ ctx, input }) => createPartnership(ctx, input)),

  update: manage
    .input(partnershipSettingsInput.extend({ version: versionSchema }))
    .output(partnershipRowOutput)
    .mutation(({ ctx, input: { partnershipId, version, ...values } }) =>
      audited(
        ctx,
        { action: "update", entity: "partnership", figures: ["reporting"] },
        async (tx) => {
          const before = await getPartnership(tx, partnershipId);
          if (!before) throw notFound();
          const after = await updatePartnershipSettings(tx, { partnershipId, version, values });
          return { result: after, before, after };
        },
      ),
    ),

  /* ------------------------------------------------------------ partner organisations */

  removedOrganisations: manage
    .output(z.array(partnerOrganisationOutput))
    .query(({ ctx }) => listPartnerOrganisations(ctx.db, ctx.partnership.id, "removed")),

  organisationOptions: manage
    .input(z.object({ search: searchText }))
    .output(z.array(z.object({ id: z.uuid(), name: z.string(), type: z.enum(organisationTypes) })))
    .query(({ ctx, input }) => organisationOptions(ctx.db, ctx.partnership.id, input.search)),

  addOrganisation: manage
    .input(partnerOrganisationInput.extend({ organisationId: idSchema }))
    .output(partnerOrganisationRowOutput)
    .mutation(({ ctx, input }) =>
      auditedRow(ctx, { action: "create", entity: "partnership_organisation" }, async (tx) => {
        const row = await insertPartnerOrganisation(tx, {
          partnershipId: ctx.partnership.id,
          organisationId: input.organisationId,
          isCore: input.isCore,
          ownInterest: input.ownInterest,
        });
        if (!row)
          throw appError("NOT_FOUND", "errors.reference_not_found", { field: "organisationId" });
        return row;
      }),
    ),

  updateOrganisation: manage
    .input(partnerOrganisationInput.extend({ id: idSchema, version: versionSchema }))
    .output(partnerOrganisationRowOutput)
    .mutation(({ ctx, input }) =>
      changePartnerOrganisation(ctx, input.id, input.version, "update", {
        isCore: input.isCore,
        ownInterest: input.ownInterest,
      }),
    ),

  removeOrganisation: manage
    .input(versionedId)
    .output(partnerOrganisationRowOutput)
    .mutation(({ ctx, input }) =>
      changePartnerOrganisation(ctx, input.id, input.version, "delete", { deletedAt: new Date() }),
    ),

  restoreOrganisation: manage
    .input(versionedId)
    .output(partnerOrganisationRowOutput)
    .mutation(({ ctx, input }) =>
      changePartnerOrganisation(ctx, input.id, input.version, "restore", { deletedAt: null }),
    ),

  /* ------------------------------------------------------------ members */

  members: partnershipProcedure("readPeople")
    .output(z.array(memberOutput))
    .query(({ ctx }) => listMembers(ctx.db, ctx.partnership.id)),

  /** An admin places an existing account at once; coordinators invite (below). */
  addMember: partnershipProcedure("placeMembers")
    .input(z.object({ email: emailSchema, role: roleSchema }))
    .output(membershipRowOutput)
    .mutation(({ ctx, input }) => addMember(ctx, input)),

  /**
   * Invites an address in a role. The same answer whether or not an account with the address
   * exists; the invitee accepts on their home page (server/services/invitations.ts).
   */
  invite: manage
    .input(z.object({ email: emailSchema, role: roleSchema }))
    .output(invitationOutput)
    .mutation(({ ctx, input }) => invite(ctx, input)),

  invitations: manage
    .output(z.array(invitationOutput))
    .query(({ ctx }) => listInvitations(ctx.db, ctx.partnership.id)),

  withdrawInvitation: manage
    .input(versionedId)
    .output(invitationOutput)
    .mutation(({ ctx, input }) => withdrawInvitation(ctx, input.id, input.version)),

  /** A member's role, and the partner organisation they work for (null: not set). */
  changeMember: manage
    .input(versionedId.extend({ role: roleSchema, organisationId: idSchema.nullable() }))
    .output(membershipRowOutput)
    .mutation(({ ctx, input }) =>
      changeMembership(ctx, input.id, input.version, "update", {
        role: input.role,
        organisationId: input.organisationId,
      }),
    ),

  removeMember: manage
    .input(versionedId)
    .output(membershipRowOutput)
    .mutation(({ ctx, input }) =>
      changeMembership(ctx, input.id, input.version, "delete", { deletedAt: new Date() }),
    ),
});
