import { z } from "zod";
import { listInvitationsFor } from "@/db/queries/invitations";
import { failuresBeforeLastLogin } from "@/db/queries/logins";
import { idSchema, versionSchema } from "@/domain/schemas";
import { partnershipRoles } from "@/domain/vocabulary";
import { answerInvitation } from "../services/invitations";
import { authedProcedure, createTRPCRouter } from "../trpc";

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
});

export const meRouter = createTRPCRouter({
  /** The signed-in user and where they work: drives the home redirect and the navigation. */
  get: authedProcedure.output(meOutput).query(({ ctx }) => {
    const { id, email, name, isAdmin, memberships, municipalities, regions, isNationalAnalyst } =
      ctx.user;
    return { id, email, name, isAdmin, memberships, municipalities, regions, isNationalAnalyst };
  }),

  /**
   * Told once, on signing in: how often a wrong password was tried on this account since the
   * owner's previous sign-in, and when last (someone else may have been guessing it).
   */
  signInNotice: authedProcedure
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
});
