/** Platform administration: users, organisations, municipalities. Admins only. */
import { z } from "zod";
import { writeAudit } from "@/db/queries/audit";
import {
  countLivePartnershipsIn,
  getMunicipality,
  getOrganisation,
  insertMunicipality,
  insertOrganisation,
  listMunicipalities,
  listOrganisations,
  municipalityOptions,
  updateMunicipality,
  updateOrganisation,
} from "@/db/queries/places";
import type { SessionUser } from "@/db/queries/users";
import {
  getUser,
  insertMunicipalityAccess,
  insertUser,
  listUsers,
  platformCounts,
  revokeMunicipalityAccess,
  updateUser,
  userAccessOverview,
} from "@/db/queries/users";
import type { Db } from "@/db/types";
import {
  idSchema,
  municipalityInput,
  organisationInput,
  pageInput,
  userCreateInput,
  userUpdateInput,
  versionSchema,
} from "@/domain/schemas";
import { appError, notFound } from "../errors";
import { hashPassword } from "../passwords";
import { adminProcedure, createTRPCRouter } from "../trpc";

const listInput = pageInput.extend({ deleted: z.boolean().default(false) });
const versionedId = z.object({ id: idSchema, version: versionSchema });

export const adminRouter = createTRPCRouter({
  counts: adminProcedure.query(({ ctx }) => platformCounts(ctx.db)),

  /* -------------------------------------------------------------- users */
  users: createTRPCRouter({
    list: adminProcedure.input(pageInput).query(({ ctx, input }) => listUsers(ctx.db, input)),

    get: adminProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
      const user = await getUser(ctx.db, input.id);
      if (!user) throw notFound();
      return { ...user, ...(await userAccessOverview(ctx.db, user.id)) };
    }),

    create: adminProcedure.input(userCreateInput).mutation(async ({ ctx, input }) => {
      const passwordHash = await hashPassword(input.password);
      return ctx.db.transaction(async (tx) => {
        const row = await insertUser(tx, { ...input, passwordHash });
        await writeAudit(tx, {
          actorUserId: ctx.user.id,
          action: "create",
          entity: "user",
          entityId: row.id,
          after: row,
        });
        return row;
      });
    }),

    update: adminProcedure
      .input(userUpdateInput.extend({ id: idSchema, version: versionSchema }))
      .mutation(async ({ ctx, input }) => {
        // An admin cannot lock themselves out.
        if (input.id === ctx.user.id && (!input.active || !input.isAdmin)) {
          throw appError("FORBIDDEN", "errors.self_lockout", {
            field: input.active ? "isAdmin" : "active",
          });
        }
        const passwordHash = input.password ? await hashPassword(input.password) : undefined;
        return ctx.db.transaction(async (tx) => {
          const before = await getUser(tx, input.id);
          if (!before) throw notFound();
          const after = await updateUser(tx, {
            id: input.id,
            version: input.version,
            values: {
              name: input.name,
              isAdmin: input.isAdmin,
              deactivatedAt: input.active ? null : (before.deactivatedAt ?? new Date()),
              ...(passwordHash ? { passwordHash } : {}),
            },
          });
          await writeAudit(tx, {
            actorUserId: ctx.user.id,
            action: passwordHash ? "update_with_password" : "update",
            entity: "user",
            entityId: input.id,
            before,
            after,
          });
          return after;
        });
      }),

    grantMunicipality: adminProcedure
      .input(z.object({ userId: idSchema, municipalityId: idSchema }))
      .mutation(async ({ ctx, input }) => {
        const [user, municipality] = await Promise.all([
          getUser(ctx.db, input.userId),
          getMunicipality(ctx.db, input.municipalityId),
        ]);
        if (!user) throw notFound();
        if (!municipality || municipality.deletedAt) {
          throw appError("NOT_FOUND", "errors.reference_not_found", { field: "municipalityId" });
        }
        return ctx.db.transaction(async (tx) => {
          const row = await insertMunicipalityAccess(tx, input);
          await writeAudit(tx, {
            actorUserId: ctx.user.id,
            action: "create",
            entity: "municipality_access",
            entityId: row.id,
            after: row,
          });
          return row;
        });
      }),

    revokeMunicipality: adminProcedure.input(versionedId).mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const after = await revokeMunicipalityAccess(tx, input);
        await writeAudit(tx, {
          actorUserId: ctx.user.id,
          action: "delete",
          entity: "municipality_access",
          entityId: input.id,
          after,
        });
        return after;
      }),
    ),
  }),

  /* -------------------------------------------------------------- organisations */
  organisations: createTRPCRouter({
    list: adminProcedure
      .input(listInput)
      .query(({ ctx, input }) => listOrganisations(ctx.db, input)),

    create: adminProcedure.input(organisationInput).mutation(async ({ ctx, input }) => {
      await assertMunicipalityExists(ctx.db, input.municipalityId);
      return ctx.db.transaction(async (tx) => {
        const row = await insertOrganisation(tx, input);
        await writeAudit(tx, {
          actorUserId: ctx.user.id,
          action: "create",
          entity: "organisation",
          entityId: row.id,
          after: row,
        });
        return row;
      });
    }),

    update: adminProcedure
      .input(organisationInput.extend({ id: idSchema, version: versionSchema }))
      .mutation(async ({ ctx, input }) => {
        await assertMunicipalityExists(ctx.db, input.municipalityId);
        const { id, version, ...values } = input;
        return changeOrganisation(ctx, id, version, "update", values);
      }),

    delete: adminProcedure
      .input(versionedId)
      .mutation(({ ctx, input }) =>
        changeOrganisation(ctx, input.id, input.version, "delete", { deletedAt: new Date() }),
      ),

    restore: adminProcedure
      .input(versionedId)
      .mutation(({ ctx, input }) =>
        changeOrganisation(ctx, input.id, input.version, "restore", { deletedAt: null }),
      ),
  }),

  /* -------------------------------------------------------------- municipalities */
  municipalities: createTRPCRouter({
    list: adminProcedure
      .input(listInput)
      .query(({ ctx, input }) => listMunicipalities(ctx.db, input)),

    options: adminProcedure.query(({ ctx }) => municipalityOptions(ctx.db)),

    create: adminProcedure.input(municipalityInput).mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const row = await insertMunicipality(tx, input);
        await writeAudit(tx, {
          actorUserId: ctx.user.id,
          action: "create",
          entity: "municipality",
          entityId: row.id,
          after: row,
        });
        return row;
      }),
    ),

    update: adminProcedure
      .input(municipalityInput.extend({ id: idSchema, version: versionSchema }))
      .mutation(({ ctx, input }) => {
        const { id, version, ...values } = input;
        return changeMunicipality(ctx, id, version, "update", values);
      }),

    delete: adminProcedure.input(versionedId).mutation(async ({ ctx, input }) => {
      if ((await countLivePartnershipsIn(ctx.db, input.id)) > 0) {
        throw appError("CONFLICT", "errors.municipality_in_use");
      }
      return changeMunicipality(ctx, input.id, input.version, "delete", { deletedAt: new Date() });
    }),

    restore: adminProcedure
      .input(versionedId)
      .mutation(({ ctx, input }) =>
        changeMunicipality(ctx, input.id, input.version, "restore", { deletedAt: null }),
      ),
  }),
});

type AdminCtx = { db: Db; user: SessionUser };

async function assertMunicipalityExists(db: Db, municipalityId: string | null) {
  if (!municipalityId) return;
  const municipality = await getMunicipality(db, municipalityId);
  if (!municipality || municipality.deletedAt) {
    throw appError("NOT_FOUND", "errors.reference_not_found", { field: "municipalityId" });
  }
}

function changeOrganisation(
  ctx: AdminCtx,
  id: string,
  version: number,
  action: "update" | "delete" | "restore",
  values: Parameters<typeof updateOrganisation>[1]["values"],
) {
  return ctx.db.transaction(async (tx) => {
    const before = await getOrganisation(tx, id);
    if (!before) throw notFound();
    const after = await updateOrganisation(tx, {
      id,
      version,
      values,
      removed: action === "restore",
    });
    await writeAudit(tx, {
      actorUserId: ctx.user.id,
      action,
      entity: "organisation",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

function changeMunicipality(
  ctx: AdminCtx,
  id: string,
  version: number,
  action: "update" | "delete" | "restore",
  values: Parameters<typeof updateMunicipality>[1]["values"],
) {
  return ctx.db.transaction(async (tx) => {
    const before = await getMunicipality(tx, id);
    if (!before) throw notFound();
    const after = await updateMunicipality(tx, {
      id,
      version,
      values,
      removed: action === "restore",
    });
    await writeAudit(tx, {
      actorUserId: ctx.user.id,
      action,
      entity: "municipality",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
