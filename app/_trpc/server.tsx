import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDatabase } from "@/db/client";
import { localeCookie, resolveLocale } from "@/i18n/locales";
import { authOptions, sessionIdentity } from "@/server/auth";
import { appRouter, createCaller } from "@/server/root";
import { createContext } from "@/server/trpc";
import { makeQueryClient } from "./query-client";

/** The request's tRPC context, built once per request. */
const requestContext = cache(async () => {
  const [{ db }, session, cookieStore] = await Promise.all([
    getDatabase(),
    getServerSession(authOptions()),
    cookies(),
  ]);
  return createContext({
    db,
    ...sessionIdentity(session),
    locale: resolveLocale(cookieStore.get(localeCookie)?.value),
  });
});

export const getQueryClient = cache(makeQueryClient);

/** Query options for prefetching in server components (same keys as the client's). */
export const trpc = createTRPCOptionsProxy({
  ctx: requestContext,
  router: appRouter,
  queryClient: getQueryClient,
});

/** Calls procedures directly from a server component, as the signed-in user. */
export async function serverCaller() {
  return createCaller(await requestContext());
}

/** Prefetches on the server and waits, so the client renders with the data at once. */
// biome-ignore lint/suspicious/noExplicitAny: accepts the options of any procedure.
export async function prefetch(...queries: ReturnType<TRPCQueryOptions<any>>[]) {
  const queryClient = getQueryClient();
  await Promise.all(queries.map((q) => queryClient.prefetchQuery(q)));
}

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
