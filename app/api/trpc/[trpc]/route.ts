import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getServerSession } from "next-auth";
import { getDatabase } from "@/db/client";
import { localeFromCookieHeader } from "@/i18n/locales";
import { authOptions, clientIp, sessionIdentity } from "@/server/auth";
import { checkMutationRequest } from "@/server/http-guard";
import { appRouter } from "@/server/root";
import { createContext } from "@/server/trpc";

export const dynamic = "force-dynamic";

async function handler(request: Request) {
  const refused = checkMutationRequest(request);
  if (refused) return Response.json({ error: refused.reason }, { status: refused.status });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    // Only POST carries mutations (tRPC's default); GET is for queries.
    createContext: async () => {
      const [{ db }, session] = await Promise.all([getDatabase(), getServerSession(authOptions())]);
      return createContext({
        db,
        ...sessionIdentity(session),
        locale: localeFromCookieHeader(request.headers.get("cookie")),
        ip: clientIp(request.headers),
      });
    },
  });
}

export { handler as GET, handler as POST };
