import { z } from "zod";
import { listInvitationsFor } from "@/db/queries/invitations";
import { failuresBeforeLastLogin } from "@/db/queries/logins";
import { listOptOuts, setOptOut } from "@/db/queries/mail";
import { rememberLocale } from "@/db/queries/users";
import { idSchema, versionSchema } from "@/domain/schemas";
import { partnershipRoles } from "@/domain/vocabulary";
import { locales } from "@/i18n/locales";
import { mailKinds } from "../mail/kinds";
import { answerInvitation } from "../services/invitations";
import {
  beginSecondFactor,
  confirmSecondFactor,
  disableSecondFactor,
  renewRecoveryCodes,
  secondFactorStatus,
} from "../services/second-factor";
import { authedProcedure, createTRPCRouter, signedInProcedure } from "../trpc";

const meOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  memberships: z.array(
    z.object({
      partnershipId: z.uuid(),
      role: z.enum(partnershipRoles),
      partnershipName: z.string(),
      municipalityId: z.uuid(),
    }),
  ),
  municipalities: z.array(z.object({ municipalityId: z.uuid(), name: z.string() })),
  regions: z.array(z.object({ regionId: z.uuid(), name: z.string() })),
  isNationalAnalyst: z.boolean(),
  secondFactor: z.object({
    enabled: z.boolean(),
    /** Required for this user (an admin or analyst, MFA_REQUIRED). */
    required: z.boolean(),
    /** Required and not set up yet: nothing else works until it is. */
    pending: z.boolean(),
  }),
});

const codeInput = z.object({ otp: z.string().trim().min(6, "second_factor_code").max(40) });
const recoveryCodesOutput = z.object({ recoveryCodes: z.array(z.string()) });

export const meRouter = createTRPCRouter({
  /** The signed-in user and where they work: drives the home redirect and the navigation. */
  get: signedInProcedure.output(meOutput).query(({ ctx }) => {
    const { id, email, name, isAdmin, memberships, municipalities, regions, isNationalAnalyst } =
      ctx.user;
    const secondFactor = {
      enabled: ctx.user.secondFactor,
      required: ctx.secondFactorRequired,
      pending: ctx.secondFactorPending,
    };
    return {
      id,
      email,
      name,
      isAdmin,
      memberships,
      municipalities,
      regions,
      isNationalAnalyst,
      secondFactor,
    };
  }),

  /**
   * The second factor (TOTP): set up with a QR code and a typed code, recovery codes shown once,
   * turned off only where it is not required. These work while it is still to be set up.
   */
  secondFactor: createTRPCRouter({
    status: signedInProcedure
      .output(
        z.object({
          enabled: z.boolean(),
          enabledAt: z.date().nullable(),
          recoveryCodesLeft: z.number().int(),
          required: z.boolean(),
        }),
      )
      .query(async ({ ctx }) => ({
        ...(await secondFactorStatus(ctx)),
        required: ctx.secondFactorRequired,
      })),
    /** Where one is set up already (a new phone): with a current code or a recovery code. */
    begin: signedInProcedure
      .input(z.object({ otp: z.string().trim().max(40).optional() }).optional())
      .output(z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }))
      .mutation(({ ctx, input }) => beginSecondFactor(ctx, input?.otp)),
    confirm: signedInProcedure
      .input(codeInput)
      .output(recoveryCodesOutput)
      .mutation(({ ctx, input }) => confirmSecondFactor(ctx, input.otp)),
    renewRecoveryCodes: signedInProcedure
      .input(codeInput)
      .output(recoveryCodesOutput)
      .mutation(({ ctx, input }) => renewRecoveryCodes(ctx, input.otp)),
    disable: signedInProcedure
      .input(codeInput)
      .output(z.object({ enabled: z.boolean() }))
      .mutation(({ ctx, input }) =>
        disableSecondFactor({ ...ctx, required: ctx.secondFactorRequired }, input.otp),
      ),
  }),

  /**
   * Told once, on signing in: how often a wrong password was tried on this account since the
   * owner's previous sign-in, and when last (someone else may have been guessing it).
   */
  signInNotice: signedInProcedure
    .output(z.object({ failures: z.number().int().min(0), lastAt: z.date().nullable() }))
    .query(({ ctx }) => failuresBeforeLastLogin(ctx.db, ctx.user.email)),

  /** Invitations to partnerships waiting for this user's answer (their e-mail address). */
  invitations: authedProcedure
    .output(
      z.array(
        z.object({
          id: z.uuid(),
          partnershipId: z.uuid(),
          partnershipName: z.string(),
          role: z.enum(partnershipRoles),
          invitedByName: z.string().nullable(),
          createdAt: z.date(),
          version: z.number().int(),
        }),
      ),
    )
    .query(({ ctx }) => listInvitationsFor(ctx.db, ctx.user.email.toLowerCase())),

  /** Accepts or declines one of them; accepting makes the user a member in the invited role. */
  answerInvitation: authedProcedure
    .input(
      z.object({
        id: idSchema,
        version: versionSchema,
        answer: z.enum(["accepted", "declined"], "choose_option"),
      }),
    )
    .output(z.object({ partnershipId: z.uuid(), answer: z.enum(["accepted", "declined"]) }))
    .mutation(({ ctx, input }) => answerInvitation(ctx, input)),

  /** Which kinds of mail the user receives, and in which language (their last choice in the app). */
  mail: createTRPCRouter({
    kinds: authedProcedure
      .output(z.object({ kinds: z.array(z.object({ kind: z.enum(mailKinds), on: z.boolean() })) }))
      .query(async ({ ctx }) => {
        const off = new Set(await listOptOuts(ctx.db, ctx.user.id));
        return { kinds: mailKinds.map((kind) => ({ kind, on: !off.has(kind) })) };
      }),
    /** The language the user chose in the app: the language of their mail from now on. */
    language: signedInProcedure
      .input(z.object({ locale: z.enum(locales, "choose_option") }))
      .output(z.object({ locale: z.enum(locales) }))
      .mutation(async ({ ctx, input }) => {
        await rememberLocale(ctx.db, ctx.user.id, input.locale);
        return input;
      }),
    choose: authedProcedure
      .input(z.object({ kind: z.enum(mailKinds, "choose_option"), on: z.boolean() }))
      .output(z.object({ kind: z.enum(mailKinds), on: z.boolean() }))
      .mutation(async ({ ctx, input }) => {
        await setOptOut(ctx.db, ctx.user.id, input.kind, !input.on);
        return input;
      }),
  }),
});
