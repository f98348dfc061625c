/** Types of scripts/server.mjs, for the tests that use its request helper. */
export declare const PEER_HEADER: "x-smo-peer-address";
export declare function withPeerAddress<
  R extends {
    headers: Record<string, string | string[] | undefined>;
    socket?: { remoteAddress?: string };
  },
>(request: R): R;
