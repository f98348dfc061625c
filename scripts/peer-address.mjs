/**
 * The connection's own address, passed to the app on every request (scripts/server.mjs) under
 * a name of ours, replacing whatever a client sent under it. The rate limits read it (clientIp
 * in server/auth.ts), and only when this server said it sets it (PEER_ADDRESS_FROM_SOCKET).
 */
export const PEER_HEADER = "x-smo-peer-address";

/** Sets the peer header from the socket, over any value the client sent. */
export function withPeerAddress(request) {
  request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
  return request;
}
