import NextAuth from "next-auth";
import { authOptions } from "@/server/auth";

export const dynamic = "force-dynamic";

// Options are built per request: nothing (not even the secret) is read at build time.
type RouteContext = { params: Promise<{ nextauth: string[] }> };
async function handler(request: Request, context: RouteContext) {
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
