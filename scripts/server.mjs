/**
 * The production server `npm start` runs: Next.js behind a plain Node HTTP server, which writes
 * the address of the connection (the socket's, which no client can choose) into the request as
 * `x-smo-peer-address`, replacing whatever a client sent under that name. The rate limits read
 * the client's address from it (clientIp in server/auth.ts): with no proxy in front it is the
 * client's own; with TRUSTED_PROXY_HOPS proxies, X-Forwarded-For is read from there on.
 */
import http from "node:http";
import next from "next";

export const PEER_HEADER = "x-smo-peer-address";

/** Sets the peer header from the socket, over any value the client sent. */
export function withPeerAddress(request) {
  request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
  return request;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.HOSTNAME || "0.0.0.0";
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((request, response) =>
    handle(withPeerAddress(request), response),
  );
  server.on("error", (error) => {
    console.error(`[start] cannot serve on port ${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => console.info(`[start] ready on port ${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
