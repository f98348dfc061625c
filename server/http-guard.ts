/**
 * Mutations are accepted only as POST with a JSON body from our own origin. Together with
 * SameSite cookies this closes cross-site request forgery: a form on another site can neither
 * send JSON nor forge the Origin header.
 *
 * "Our own origin" is the configured public URL (NEXTAUTH_URL), scheme, host and port all
 * compared. Without one, the request's own: its Host and scheme, and the forwarded host and
 * scheme only when proxies are trusted (TRUSTED_PROXY_HOPS), since a client without a proxy in
 * front may send any X-Forwarded-Host it likes.
 */
import { env } from "@/env";

export type GuardFailure = { status: 403 | 405 | 415; reason: string };

export type GuardOptions = {
  /** The public origin, from NEXTAUTH_URL. */
  publicOrigin?: string;
  /** Whether a proxy in front writes X-Forwarded-Host and X-Forwarded-Proto. */
  trustProxy?: boolean;
};

export function checkMutationRequest(
  request: Request,
  options: GuardOptions = {},
): GuardFailure | null {
  if (request.method === "GET" || request.method === "HEAD") return null;
  if (request.method !== "POST") return { status: 405, reason: "method not allowed" };
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/json")) {
    return { status: 415, reason: "content-type must be application/json" };
  }
  const origin = request.headers.get("origin");
  if (!origin) return { status: 403, reason: "origin header missing" };
  let sent: string;
  try {
    sent = new URL(origin).origin;
  } catch {
    return { status: 403, reason: "origin header invalid" };
  }
  const expected = options.publicOrigin ?? ownOrigin(request, options.trustProxy ?? false);
  if (!expected || sent !== expected) return { status: 403, reason: "cross-origin request" };
  return null;
}

/** The origin the request itself names, when no public URL is configured. */
function ownOrigin(request: Request, trustProxy: boolean): string | null {
  const forwardedHost = trustProxy ? request.headers.get("x-forwarded-host") : null;
  const host = forwardedHost ?? request.headers.get("host");
  if (!host) return null;
  const forwardedProto = trustProxy ? request.headers.get("x-forwarded-proto") : null;
  const scheme = forwardedProto ?? new URL(request.url).protocol.replace(":", "");
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

/** The guard as this installation is configured (NEXTAUTH_URL, TRUSTED_PROXY_HOPS). */
export function configuredGuard(): GuardOptions {
  return {
    publicOrigin:
      env.NEXTAUTH_URL && !env.NEXTAUTH_URL_DEFAULTED
        ? new URL(env.NEXTAUTH_URL).origin
        : undefined,
    trustProxy: env.TRUSTED_PROXY_HOPS > 0,
  };
}
