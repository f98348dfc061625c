import { authedProcedure, createTRPCRouter } from "../trpc";

export const meRouter = createTRPCRouter({
  /** The signed-in user and where they work: drives the home redirect and the navigation. */
  get: authedProcedure.query(({ ctx }) => {
    const { id, email, name, isAdmin, memberships, municipalities } = ctx.user;
    return { id, email, name, isAdmin, memberships, municipalities };
  }),
});
