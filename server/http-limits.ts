/**
 * Limits on what one HTTP request to the API may ask of the server, applied in the route
 * handlers before anything is parsed (app/api/trpc/[trpc]/route.ts, app/api/auth/[...nextauth]):
 * a body of at most 1 MB (413 beyond it), at most `MAX_BATCH` procedures in one tRPC batch
 * (400 beyond it), and `Cache-Control: no-store` on every answer, which may hold case data.
 */
import { NextRequest } from "next/server";
import { MAX_BATCH, MAX_BODY_BYTES } from "@/domain/limits";

const refusal = (status: 400 | 413, error: string) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

/**
 * The request with its body read, up to `max` bytes; or a 413 answer, as soon as the declared
 * length or the bytes read so far pass the limit (the rest is not read).
 */
export async function withBodyLimit(
  request: Request,
  max = MAX_BODY_BYTES,
): Promise<NextRequest | Response> {
  if (request.method === "GET" || request.method === "HEAD" || request.body === null)
    return request instanceof NextRequest ? request : new NextRequest(request);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) return refusal(413, "body too large");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return refusal(413, "body too large");
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return new NextRequest(request.url, { method: request.method, headers: request.headers, body });
}

/** A 400 answer when the tRPC URL names more than `MAX_BATCH` procedures, else null. */
export function checkBatchSize(request: Request, endpoint = "/api/trpc"): Response | null {
  const { pathname } = new URL(request.url);
  // Decoded as tRPC decodes it: "%2C" separates calls too.
  let names: string;
  try {
    names = decodeURIComponent(pathname.slice(endpoint.length + 1));
  } catch {
    return refusal(400, "invalid path");
  }
  const paths = names.split(",");
  return paths.length > MAX_BATCH
    ? refusal(400, `at most ${MAX_BATCH} calls in one request`)
    : null;
}

/** The same answer, not to be stored by a browser or a proxy. */
export function noStore(response: Response): Response {
  try {
    response.headers.set("cache-control", "no-store");
    return response;
  } catch {
    // Headers of some responses are immutable: copy the response.
    const copy = new Response(response.body, response);
    copy.headers.set("cache-control", "no-store");
    return copy;
  }
}
