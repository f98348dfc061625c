import "server-only";
import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { serverCaller } from "@/app/_trpc/server";

/** The signed-in user with memberships, or null; once per request. */
export const currentUser = cache(async () => {
  try {
    return await (await serverCaller()).me.get();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") return null;
    throw error;
  }
});
