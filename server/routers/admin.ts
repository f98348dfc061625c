/** Platform administration: users, organisations, municipalities. Admins only. */

import { z } from "zod";
import { countOutbox, listOutbox } from "@/db/queries/mail";
import { hasSecondFactor } from "@/db/queries/mfa";
import {
  insertOrganisation,
  listMunicipalities,
  listOrganisations,
  municipalityOptions,
  regionOptions,
  scopePlace,
} from "@/db/queries/places";
import { getSignInDomain, listSignInDomains, setSignInDomain } from "@/db/queries/sign-in-domains";
import {
  getUser,
  insertMunicipalityAccess,
  insertRegionAccess,
  insertUser,
  listUsers,
  platformCounts,
  revokeMunicipalityAccess,
  revokeRegionAccess,
  updateUser,
  userAccessOverview,
} from "@/db/queries/users";
import { isCaseCode } from "@/domain/case-code";
import {
  idSchema,
  municipalityInput,
  organisationInput,
  pageInput,
  userCreateInput,
  userUpdateInput,
  versionSchema,
} from "@/domain/schemas";
import { organisationTypes, partnershipRoles } from "@/domain/vocabulary";
import { env } from "@/env";
import { appError, notFound } from "../errors";
import { oidcConfigured } from "../oidc";
import {
  municipalityAccessRowOutput,
  municipalityRowOutput,
  organisationRowOutput,
  pageOf,
  regionAccessRowOutput,
  userOutput,
} from "../outputs";
import { passwordProblem } from "../password-policy";
import { hashPassword } from "../passwords";
import { audited, auditedRow } from "../services/audited";
import { eraseCase, eraseUser } from "../services/erasure";
import {
  assertMunicipality,
  changeMunicipality,
  changeOrganisation,
  createMunicipality,
} from "../services/places";
import { resetSecondFactor } from "../services/second-factor";
import { exportPartnership, importPartnership, partnershipDocument } from "../services/transfer";
import { adminProcedure, createTRPCRouter } from "../trpc";

const listInput = pageInput.extend({ deleted: z.boolean().default(false) });
const versionedId = z.object({ id: idSchema, version: versionSchema });

/** A new password that is easy to guess or built on the account is refused by its field. */
function assertPasswordGoodEnough(password: string, person: { email: string; name: string }) {
  const problem = passwordProblem(password, person);
  if (problem) throw appError("BAD_REQUEST", `validation.${problem}`, { field: "password" });
}

const signInDomainOutput = z.object({
  domain: z.string(),
  createAccounts: z.boolean(),
  updatedAt: z.date(),
  version: z.number().int(),
});

export const adminRouter = createTRPCRouter({
  counts: adminProcedure
    .output(
      z.object({
        users: z.number().int(),
        organisations: z.number().int(),
        municipalities: z.number().int(),
        partnerships: z.number().int(),
      }),
    )
    .query(({ ctx }) => platformCounts(ctx.db)),

  /* -------------------------------------------------------------- users */
  /**
   * Erasure (GDPR art. 17; server/services/erasure.ts): a user's name and e-mail address, or a
   * case with everything of it, gone from every record and the audit log's copies.
   */
  /**
   * E-mail domains whose users get an account at their first organisation sign-in (OIDC); for
   * any other domain that sign-in only finds accounts made beforehand (server/oidc.ts).
   */
  /**
   * The mail outbox: every reminder queued, sent or not. Without SMTP_URL (the embedded demo)
   * nothing is sent, and this is where the mails can be read.
   */
  outbox: adminProcedure
    .input(pageInput)
    .output(
      z.object({
        smtp: z.boolean(),
        total: z.number().int(),
        rows: z.array(
          z.object({
            id: z.uuid(),
            kind: z.string(),
            toEmail: z.string(),
            subject: z.string(),
            body: z.string(),
            createdAt: z.date(),
            sentAt: z.date().nullable(),
            lastError: z.string().nullable(),
          }),
        ),
      }),
    )
    .query(async ({ ctx, input }) => {
      const [rows, total] = await Promise.all([
        listOutbox(ctx.db, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
        countOutbox(ctx.db),
      ]);
      return { smtp: Boolean(env.SMTP_URL), total, rows };
    }),

  signInDomains: createTRPCRouter({
    list: adminProcedure
      .output(
        z.object({
          configured: z.boolean(),
          allowedDomains: z.array(z.string()),
          domains: z.array(signInDomainOutput),
        }),
      )
      .query(async ({ ctx }) => ({
        configured: oidcConfigured(),
        allowedDomains: env.OIDC_ALLOWED_DOMAINS,
        domains: await listSignInDomains(ctx.db),
      })),
    set: adminProcedure
      .input(
        z.object({
          domain: z
            .string()
            .trim()
            .toLowerCase()
            .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "domain"),
          createAccounts: z.boolean(),
        }),
      )
      .output(signInDomainOutput)
      .mutation(({ ctx, input }) =>
        audited(ctx, { action: "sign_in_domain", entity: "sign_in_domain" }, async (tx) => {
          const before = await getSignInDomain(tx, input.domain);
          const after = await setSignInDomain(tx, input);
          return { result: after, before, after, entityId: after.domain };
        }),
      ),
  }),

  /**
   * A partnership moved between installations as one JSON document (server/services/
   * transfer.ts). Large documents are imported through /admin/transfer/import, past the API's
   * 1 MB body limit; the procedure is the same.
   */
  transfer: createTRPCRouter({
    export: adminProcedure
      .meta({ access: "admin", deadlineMs: 120_000 })
      .input(z.object({ partnershipId: idSchema }))
      .output(partnershipDocument)
      .query(({ ctx, input }) => exportPartnership(ctx, input.partnershipId)),
    import: adminProcedure
      .meta({ access: "admin", deadlineMs: 300_000 })
      .input(partnershipDocument)
      .output(
        z.object({
          partnershipId: z.uuid(),
          records: z.number().int(),
          usersMatched: z.number().int(),
          usersCreated: z.number().int(),
          organisationsMatched: z.number().int(),
          organisationsCreated: z.number().int(),
        }),
      )
      .mutation(({ ctx, input }) => importPartnership(ctx, input)),
  }),

  erasure: createTRPCRouter({
    // It goes through every table: more time than an ordinary call, and no 503 meanwhile.
    user: adminProcedure
      .meta({ access: "admin", deadlineMs: 10 * 60_000 })
      .input(z.object({ userId: idSchema }))
      .output(z.object({ erased: z.boolean() }))
      .mutation(({ ctx, input }) => eraseUser(ctx, input.userId)),
    /** By the code a coordinator reads off the case (an admin sees no cases). */
    case: adminProcedure
      .meta({ access: "admin", deadlineMs: 10 * 60_000 })
      .input(
        z.object({
          partnershipId: idSchema,
          code: z.string().trim().toUpperCase().refine(isCaseCode, "invalid_case_code"),
          /** Ticked on the form: "I understand this cannot be undone". */
          confirm: z.literal(true, "confirm_erasure"),
        }),
      )
      .output(z.object({ erased: z.boolean() }))
      .mutation(({ ctx, input }) => eraseCase(ctx, input)),
  }),

  users: createTRPCRouter({
    list: adminProcedure
      .input(pageInput)
      .output(pageOf(userOutput))
      .query(({ ctx, input }) => listUsers(ctx.db, input)),

    get: adminProcedure
      .input(z.object({ id: idSchema }))
      .output(
        userOutput.extend({
          memberships: z.array(
            z.object({ partnershipId: z.uuid(), name: z.string(), role: z.enum(partnershipRoles) }),
          ),
          municipalities: z.array(
            z.object({
              id: z.uuid(),
              municipalityId: z.uuid(),
              name: z.string(),
              version: z.number().int(),
            }),
          ),
          regions: z.array(
            z.object({
              id: z.uuid(),
              regionId: z.uuid(),
              name: z.string(),
              version: z.number().int(),
            }),
          ),
          /** Signs in with a second factor. */
          secondFactor: z.boolean(),
        }),
      )
      .query(async ({ ctx, input }) => {
        const user = await getUser(ctx.db, input.id);
        if (!user) throw notFound();
        const [access, secondFactor] = await Promise.all([
          userAccessOverview(ctx.db, user.id),
          hasSecondFactor(ctx.db, user.id),
        ]);
        return { ...user, ...access, secondFactor };
      }),

    create: adminProcedure
      .input(userCreateInput)
      .output(userOutput)
      .mutation(async ({ ctx, input }) => {
        assertPasswordGoodEnough(input.password, input);
        // Hashing takes a while: before the transaction, which it does not depend on.
        const passwordHash = await hashPassword(input.password);
        return auditedRow(ctx, { action: "create", entity: "user" }, (tx) =>
          insertUser(tx, { ...input, passwordHash }),
        );
      }),

    update: adminProcedure
      .input(userUpdateInput.extend({ id: idSchema, version: versionSchema }))
      .output(userOutput)
      .mutation(async ({ ctx, input }) => {
        // An admin cannot lock themselves out.
        if (input.id === ctx.user.id && (!input.active || !input.isAdmin)) {
          throw appError("FORBIDDEN", "errors.self_lockout", {
            field: input.active ? "isAdmin" : "active",
          });
        }
        if (input.password) {
          const current = await getUser(ctx.db, input.id);
          if (!current) throw notFound();
          assertPasswordGoodEnough(input.password, { email: current.email, name: input.name });
        }
        const passwordHash = input.password ? await hashPassword(input.password) : undefined;
        const action = passwordHash ? "update_with_password" : "update";
        return audited(ctx, { action, entity: "user" }, async (tx) => {
          const before = await getUser(tx, input.id);
          if (!before) throw notFound();
          const after = await updateUser(tx, {
            id: input.id,
            version: input.version,
            values: {
              name: input.name,
              isAdmin: input.isAdmin,
              isNationalAnalyst: input.isNationalAnalyst,
              deactivatedAt: input.active ? null : (before.deactivatedAt ?? new Date()),
              ...(passwordHash ? { passwordHash } : {}),
            },
            // Deactivating ends every session for good: a reactivated account starts afresh.
            endSessions: !input.active && !before.deactivatedAt,
          });
          return { result: after, before, after };
        });
      }),

    /** Removes a user's second factor (a lost phone); their sessions end. Audited. */
    resetSecondFactor: adminProcedure
      .input(z.object({ userId: idSchema }))
      .output(z.object({ userId: z.uuid(), hadSecondFactor: z.boolean() }))
      .mutation(({ ctx, input }) => resetSecondFactor(ctx, input.userId)),

    grantMunicipality: adminProcedure
      .input(z.object({ userId: idSchema, municipalityId: idSchema }))
      .output(municipalityAccessRowOutput)
      .mutation(({ ctx, input }) =>
        auditedRow(ctx, { action: "create", entity: "municipality_access" }, async (tx) => {
          if (!(await getUser(tx, input.userId))) throw notFound();
          await assertMunicipality(tx, input.municipalityId);
          return insertMunicipalityAccess(tx, input);
        }),
      ),

    revokeMunicipality: adminProcedure
      .input(versionedId)
      .output(municipalityAccessRowOutput)
      .mutation(({ ctx, input }) =>
        auditedRow(ctx, { action: "delete", entity: "municipality_access" }, (tx) =>
          revokeMunicipalityAccess(tx, input),
        ),
      ),

    /** A region analyst sees the aggregates of the region and of each of its municipalities. */
    grantRegion: adminProcedure
      .input(z.object({ userId: idSchema, regionId: idSchema }))
      .output(regionAccessRowOutput)
      .mutation(({ ctx, input }) =>
        auditedRow(ctx, { action: "create", entity: "region_access" }, async (tx) => {
          if (!(await getUser(tx, input.userId))) throw notFound();
          if (!(await scopePlace(tx, { kind: "region", id: input.regionId })))
            throw appError("NOT_FOUND", "errors.reference_not_found", { field: "regionId" });
          return insertRegionAccess(tx, input);
        }),
      ),

    revokeRegion: adminProcedure
      .input(versionedId)
      .output(regionAccessRowOutput)
      .mutation(({ ctx, input }) =>
        auditedRow(ctx, { action: "delete", entity: "region_access" }, (tx) =>
          revokeRegionAccess(tx, input),
        ),
      ),
  }),

  /* -------------------------------------------------------------- regions */
  regions: createTRPCRouter({
    options: adminProcedure
      .output(z.array(z.object({ id: z.uuid(), name: z.string() })))
      .query(({ ctx }) => regionOptions(ctx.db)),
  }),

  /* -------------------------------------------------------------- organisations */
  organisations: createTRPCRouter({
    list: adminProcedure
      .input(listInput)
      .output(
        pageOf(
          z.object({
            id: z.uuid(),
            name: z.string(),
            type: z.enum(organisationTypes),
            municipalityId: z.uuid().nullable(),
            municipalityName: z.string().nullable(),
            version: z.number().int(),
            deletedAt: z.date().nullable(),
          }),
        ),
      )
      .query(({ ctx, input }) => listOrganisations(ctx.db, input)),

    create: adminProcedure
      .input(organisationInput)
      .output(organisationRowOutput)
      .mutation(({ ctx, input }) =>
        auditedRow(ctx, { action: "create", entity: "organisation" }, async (tx) => {
          await assertMunicipality(tx, input.municipalityId);
          return insertOrganisation(tx, input);
        }),
      ),

    update: adminProcedure
      .input(organisationInput.extend({ id: idSchema, version: versionSchema }))
      .output(organisationRowOutput)
      .mutation(({ ctx, input: { id, version, ...values } }) =>
        changeOrganisation(ctx, id, version, "update", values),
      ),

    delete: adminProcedure
      .input(versionedId)
      .output(organisationRowOutput)
      .mutation(({ ctx, input }) =>
        changeOrganisation(ctx, input.id, input.version, "delete", { deletedAt: new Date() }),
      ),

    restore: adminProcedure
      .input(versionedId)
      .output(organisationRowOutput)
      .mutation(({ ctx, input }) =>
        changeOrganisation(ctx, input.id, input.version, "restore", { deletedAt: null }),
      ),
  }),

  /* -------------------------------------------------------------- municipalities */
  municipalities: createTRPCRouter({
    list: adminProcedure
      .input(listInput)
      .output(pageOf(municipalityRowOutput))
      .query(({ ctx, input }) => listMunicipalities(ctx.db, input)),

    options: adminProcedure
      .output(z.array(z.object({ id: z.uuid(), name: z.string(), cbsCode: z.string() })))
      .query(({ ctx }) => municipalityOptions(ctx.db)),

    create: adminProcedure
      .input(municipalityInput)
      .output(municipalityRowOutput)
      .mutation(({ ctx, input }) => createMunicipality(ctx, input)),

    update: adminProcedure
      .input(municipalityInput.extend({ id: idSchema, version: versionSchema }))
      .output(municipalityRowOutput)
      .mutation(({ ctx, input }) => {
        const { id, version, ...values } = input;
        return changeMunicipality(ctx, id, version, "update", values);
      }),

    delete: adminProcedure
      .input(versionedId)
      .output(municipalityRowOutput)
      .mutation(({ ctx, input }) =>
        changeMunicipality(ctx, input.id, input.version, "delete", { deletedAt: new Date() }),
      ),

    restore: adminProcedure
      .input(versionedId)
      .output(municipalityRowOutput)
      .mutation(({ ctx, input }) =>
        changeMunicipality(ctx, input.id, input.version, "restore", { deletedAt: null }),
      ),
  }),
});
