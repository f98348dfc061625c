/** Types of scripts/peer-address.mjs, for the tests that use it. */
export declare const PEER_HEADER: "x-smo-peer-address";
export declare function withPeerAddress<
  R extends {
    headers: Record<string, string | string[] | undefined>;
    socket?: { remoteAddress?: string };
  },
>(request: R): R;
