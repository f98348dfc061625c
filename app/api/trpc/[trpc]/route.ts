import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { localeFromCookieHeader } from "@/i18n/locales";
import { clientIp } from "@/server/auth";
import { requestContext } from "@/server/context";
import { checkMutationRequest } from "@/server/http-guard";
import { appRouter } from "@/server/root";

export const dynamic = "force-dynamic";

async function handler(request: Request) {
  const refused = checkMutationRequest(request);
  if (refused) return Response.json({ error: refused.reason }, { status: refused.status });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    // Only POST carries mutations (tRPC's default); GET is for queries.
    createContext: () =>
      requestContext({
        locale: localeFromCookieHeader(request.headers.get("cookie")),
        ip: clientIp(request.headers),
      }),
  });
}

export { handler as GET, handler as POST };
