import { defaultShouldDehydrateQuery, isServer, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // A failed prefetch on the server is not retried: the page answers at once and the
      // browser asks again (with one retry) when it renders.
      queries: { staleTime: 30_000, retry: isServer ? false : 1 },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
