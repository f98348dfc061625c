"use client";

import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import superjson from "superjson";
import { MAX_BATCH } from "@/domain/limits";
import type { AppRouter } from "@/server/root";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Browsers send a keepalive request on even when the page is closed: at most 64 KB of body. */
const KEEPALIVE_BYTES = 60_000;
/**
 * Requests survive the page they were sent from (a save sent while the tab closes still
 * arrives), when their body is small enough for keepalive.
 */
const keepaliveFetch: typeof fetch = (input, init) =>
  fetch(input, {
    ...init,
    keepalive: typeof init?.body === "string" && init.body.length < KEEPALIVE_BYTES,
  });

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      // The server answers a batch of more than MAX_BATCH calls with 400 (domain/limits.ts).
      links: [
        httpBatchLink({
          url: "/api/trpc",
          transformer: superjson,
          maxItems: MAX_BATCH,
          fetch: keepaliveFetch,
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** Field errors and the message of a failed call, as the server formatted them. */
/**
 * What went wrong with a call, for the person: the server's message (in their language) and its
 * field errors; or, when no answer came at all (the server or the connection is down, or a
 * proxy answered in its stead), `noAnswer`, with `network` as the message when it is given.
 */
export function describeError(
  error: unknown,
  network?: string,
): {
  message: string;
  fieldErrors: Record<string, string>;
  noAnswer: boolean;
} {
  if (error instanceof TRPCClientError && error.data) {
    const data = error.data as { fieldErrors?: Record<string, string> | null };
    return { message: error.message, fieldErrors: data.fieldErrors ?? {}, noAnswer: false };
  }
  const raw = error instanceof Error ? error.message : String(error);
  return { message: network ?? raw, fieldErrors: {}, noAnswer: true };
}
