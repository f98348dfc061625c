/**
 * Mutations are accepted only as POST with a JSON body from our own origin. Together with
 * SameSite cookies this closes cross-site request forgery: a form on another site can neither
 * send JSON nor forge the Origin header.
 */
export type GuardFailure = { status: 403 | 405 | 415; reason: string };

export function checkMutationRequest(request: Request): GuardFailure | null {
  if (request.method === "GET" || request.method === "HEAD") return null;
  if (request.method !== "POST") return { status: 405, reason: "method not allowed" };
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/json")) {
    return { status: 415, reason: "content-type must be application/json" };
  }
  const origin = request.headers.get("origin");
  if (!origin) return { status: 403, reason: "origin header missing" };
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return { status: 403, reason: "origin header invalid" };
  }
  if (!host || originHost !== host) return { status: 403, reason: "cross-origin request" };
  return null;
}
