import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { MAX_BATCH } from "@/domain/limits";
import { localeFromCookieHeader } from "@/i18n/locales";
import { clientIp } from "@/server/auth";
import { requestContext } from "@/server/context";
import { checkMutationRequest, configuredGuard } from "@/server/http-guard";
import { checkBatchSize, noStore, withBodyLimit } from "@/server/http-limits";
import { appRouter } from "@/server/root";

export const dynamic = "force-dynamic";

async function handler(incoming: Request) {
  const refused = checkMutationRequest(incoming, configuredGuard());
  if (refused) return noStore(Response.json({ error: refused.reason }, { status: refused.status }));
  const tooMany = checkBatchSize(incoming);
  if (tooMany) return tooMany;
  const request = await withBodyLimit(incoming);
  if (request instanceof Response) return request;
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    // tRPC's own cap as well (checkBatchSize answers first, with the same limit).
    maxBatchSize: MAX_BATCH,
    // Only POST carries mutations (tRPC's default); GET is for queries.
    createContext: () =>
      requestContext({
        locale: localeFromCookieHeader(request.headers.get("cookie")),
        ip: clientIp(request.headers),
      }),
  });
  // Answers hold case data: never kept by a browser or a proxy.
  return noStore(response);
}

export { handler as GET, handler as POST };
