/**
 * Runs before every page and API request:
 * - a Content-Security-Policy with a fresh nonce (Next.js puts it on its own scripts);
 * - anonymous visitors of any page but the public ones are sent to /login.
 * Access to data is decided again on the server, per procedure; this is only the door.
 */
import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { authSecret } from "@/env";

/** Pages anyone may open: the login, and the personal links (a case's, a scoring round's). */
const publicPages = ["/login", "/stem", "/ronde"];

function contentSecurityPolicy(nonce: string, dev: boolean) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const isPublic = isApi || publicPages.some((p) => pathname === p || pathname.startsWith(`${p}/`));

  if (!isPublic) {
    const token = await getToken({ req: request, secret: authSecret() });
    if (!token) {
      const login = new URL("/login", request.url);
      if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(login);
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Not the import of a partnership's document either: the proxy would hand on only its first
  // 1 MB (proxyClientMaxBodySize), and the route checks who may itself (server/transfer-http.ts).
  matcher: [
    {
      source:
        "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|admin/transfer/import).*)",
    },
  ],
};
