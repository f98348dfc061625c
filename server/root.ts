import { adminRouter } from "./routers/admin";
import { meRouter } from "./routers/me";
import { municipalitiesRouter } from "./routers/municipalities";
import { partnershipsRouter } from "./routers/partnerships";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  me: meRouter,
  partnerships: partnershipsRouter,
  municipalities: municipalitiesRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures directly (server components, tests) with a context of your making. */
export const createCaller = createCallerFactory(appRouter);
