import { z } from "zod";
import { partnershipRoles } from "@/domain/vocabulary";
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
});
