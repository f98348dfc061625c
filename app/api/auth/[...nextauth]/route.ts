import NextAuth from "next-auth";
import { authOptions } from "@/server/auth";
import { noStore, withBodyLimit } from "@/server/http-limits";

export const dynamic = "force-dynamic";

// Options are built per request: nothing (not even the secret) is read at build time.
type RouteContext = { params: Promise<{ nextauth: string[] }> };
async function handler(incoming: Request, context: RouteContext) {
  const request = await withBodyLimit(incoming);
  if (request instanceof Response) return request;
  return noStore(await NextAuth(request as never, context as never, authOptions()));
}

export { handler as GET, handler as POST };
