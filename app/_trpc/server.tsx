import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { cookies } from "next/headers";
import { cache } from "react";
import { localeCookie, resolveLocale } from "@/i18n/locales";
import { requestContext as contextFor } from "@/server/context";
import { appRouter, createCaller } from "@/server/root";
import { makeQueryClient } from "./query-client";

/** The request's tRPC context, built once per request. */
const requestContext = cache(async () =>
  contextFor({ locale: resolveLocale((await cookies()).get(localeCookie)?.value) }),
);

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
