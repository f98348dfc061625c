"use client";

import { type InvalidateQueryFilters, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";

type TRPC = ReturnType<typeof useTRPC>;

/**
 * What to fetch again after a change: `select` names the routers (or procedures) whose
 * queries the change touched, by their `pathFilter()`, e.g.
 * `useInvalidate((trpc) => [trpc.reflections.pathFilter(), trpc.dashboards.pathFilter()])`.
 * The returned function is a mutation's `onSuccess`; it settles when the queries are marked
 * stale and the active ones fetched again.
 */
export function useInvalidate(
  select: (trpc: TRPC) => InvalidateQueryFilters | InvalidateQueryFilters[],
): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([select(trpc)].flat().map((f) => queryClient.invalidateQueries(f)));
  };
}
