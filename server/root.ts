import { adminRouter } from "./routers/admin";
import { auditRouter } from "./routers/audit";
import { casesRouter } from "./routers/cases";
import { dashboardsRouter } from "./routers/dashboards";
import { goalsRouter } from "./routers/goals";
import { meRouter } from "./routers/me";
import { partnershipsRouter } from "./routers/partnerships";
import { practicesRouter } from "./routers/practices";
import { reflectionsRouter } from "./routers/reflections";
import { roundLinkRouter, roundsRouter } from "./routers/rounds";
import { scopesRouter } from "./routers/scopes";
import { trashRouter } from "./routers/trash";
import { voiceRouter } from "./routers/voice";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  me: meRouter,
  partnerships: partnershipsRouter,
  goals: goalsRouter,
  reflections: reflectionsRouter,
  practices: practicesRouter,
  dashboards: dashboardsRouter,
  cases: casesRouter,
  voice: voiceRouter,
  rounds: roundsRouter,
  roundLink: roundLinkRouter,
  trash: trashRouter,
  scopes: scopesRouter,
  admin: adminRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures directly (server components, tests) with a context of your making. */
export const createCaller = createCallerFactory(appRouter);
