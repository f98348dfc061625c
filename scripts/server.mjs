/**
 * The production server `npm start` runs: Next.js behind a plain Node HTTP server that
 * - passes the connection's own address to the app (scripts/peer-address.mjs), which the rate
 *   limits need and `next start` does not give route handlers;
 * - refuses a body declared over 1 MB before Next.js reads any of it (413; the API's own limit,
 *   server/http-limits.ts, also holds bodies sent without a length), 200 MB for the import of a
 *   partnership's document;
 * - stops on SIGTERM/SIGINT by finishing the requests under way, for at most 10 seconds.
 * PORT (default 3000) and LISTEN_HOST (default: every interface) say where it listens.
 */
import http from "node:http";
import next from "next";
import { withPeerAddress } from "./peer-address.mjs";

process.env.NODE_ENV ??= "production";
// Read by env.ts: the peer header is this server's, not a client's.
process.env.PEER_ADDRESS_FROM_SOCKET = "1";
/** The API's limit (domain/limits.ts, which plain Node cannot import); a test keeps them equal. */
const MAX_BODY_BYTES = 1_048_576;
/** The one route that takes more: a partnership's document (server/transfer-http.ts). */
const MAX_TRANSFER_BYTES = 200 * 1_048_576;
const TRANSFER_PATH = "/admin/transfer/import";

const port = Number(process.env.PORT || 3000);
const app = next({ dev: false, dir: process.cwd(), port });
await app.prepare();
const handle = app.getRequestHandler();
const server = http.createServer((request, response) => {
  const path = new URL(request.url ?? "/", "http://server").pathname;
  const max = path === TRANSFER_PATH ? MAX_TRANSFER_BYTES : MAX_BODY_BYTES;
  if (Number(request.headers["content-length"] ?? 0) > max) {
    // Answered at once; the rest of the body is read and dropped (never kept), so that the
    // client, still sending, gets the answer instead of a reset connection. Not "connection:
    // close": closing while the client still writes makes it fail with EPIPE before it reads
    // the answer; the connection ends once the body is through.
    request.resume();
    response.writeHead(413, { "content-type": "application/json", "cache-control": "no-store" });
    response.end(JSON.stringify({ error: "body too large" }));
    return;
  }
  return handle(withPeerAddress(request), response);
});
server.on("error", (error) => {
  console.error(`[start] cannot serve on port ${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, process.env.LISTEN_HOST || undefined, () =>
  console.info(`[start] ready on port ${port}`),
);
const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
