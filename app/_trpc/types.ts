/**
 * What the procedures take and give, as the client sees them: a form that fills part of a
 * procedure's input picks its fields from here (or from the schema in domain/schemas.ts).
 */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
