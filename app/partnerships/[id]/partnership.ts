import "server-only";
import { cache } from "react";
import { loadOr404 } from "@/app/_components/guard";
import { serverCaller } from "@/app/_trpc/server";

/** The partnership of the URL for the signed-in user (404 if they may not see it); once per request. */
export const loadPartnership = cache(async (id: string) =>
  loadOr404(async () => (await serverCaller()).partnerships.get({ partnershipId: id })),
);
