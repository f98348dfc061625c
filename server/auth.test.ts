import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { withPeerAddress } from "@/scripts/peer-address.mjs";
import { clientIp, PEER_HEADER, renewToken } from "./auth";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIp", () => {
  const peer = (address: string, forwarded?: string) =>
    new Headers({
      [PEER_HEADER]: address,
      ...(forwarded === undefined ? {} : { "x-forwarded-for": forwarded }),
    });

  it.skipIf(process.env.TRUSTED_PROXY_HOPS)(
    "out of the box trusts no forwarding header: the connection's own address",
    () => {
      expect(env.TRUSTED_PROXY_HOPS).toBe(0);
      for (const forged of ["203.0.113.99", "203.0.113.99, 198.51.100.1", ""])
        expect(clientIp(peer("192.0.2.5", forged), undefined, true)).toBe("192.0.2.5");
    },
  );

  it("behind one proxy, the entry it appended; the client's own entries before it are ignored", () => {
    expect(clientIp(peer("10.0.0.5", "203.0.113.99, 198.51.100.7"), 1, true)).toBe("198.51.100.7");
    expect(clientIp(peer("10.0.0.5", "203.0.113.99, 198.51.100.7, 10.0.0.9"), 2, true)).toBe(
      "198.51.100.7",
    );
    // A proxy that appended nothing: the connection is the best known.
    expect(clientIp(peer("10.0.0.5"), 1, true)).toBe("10.0.0.5");
  });

  it("under a bare next start (no scripts/server.mjs) a client's own peer header is not read", () => {
    expect(clientIp(peer("203.0.113.7"), 0, false)).toBe("unknown");
    expect(clientIp(peer("203.0.113.7", "198.51.100.7"), 1, false)).toBe("198.51.100.7");
  });

  it("the server writes the connection's address over anything the client sent under its name", () => {
    const request = withPeerAddress({
      headers: { [PEER_HEADER]: "203.0.113.1" },
      socket: { remoteAddress: "::ffff:192.0.2.5" },
    });
    expect(clientIp(request.headers, 0, true)).toBe("192.0.2.5");
  });

  it("ignores whatever the client writes to the left of the trusted entries", () => {
    for (const spoofed of ["203.0.113.1", "10.0.0.1, 10.0.0.2", "garbage", ", ,"]) {
      expect(clientIp(xff(`${spoofed}, 198.51.100.7`), 1)).toBe("198.51.100.7");
      expect(clientIp(xff(`${spoofed}, 198.51.100.7, 10.0.0.5`), 2)).toBe("198.51.100.7");
    }
  });

  it("without the connection's address (plain next start), the entry as many places from the right as there are proxies", () => {
    expect(clientIp(xff("198.51.100.7"), 1)).toBe("198.51.100.7");
  });

  it("falls back to the leftmost entry when there are fewer entries than trusted hops", () => {
    expect(clientIp(xff("198.51.100.7, 10.0.0.5"), 3)).toBe("198.51.100.7");
  });

  it("is one shared 'unknown' without a header, or when no proxy is trusted", () => {
    expect(clientIp(new Headers(), 1)).toBe("unknown");
    expect(clientIp(xff(" , "), 1)).toBe("unknown");
    expect(clientIp({ "x-real-ip": "198.51.100.7" }, 1)).toBe("unknown");
    expect(clientIp(xff("203.0.113.99, 198.51.100.7"), 0)).toBe("unknown");
  });

  it("reads plain header records, joining repeated header lines in order", () => {
    expect(clientIp({ "x-forwarded-for": "203.0.113.99, 198.51.100.7" }, 1)).toBe("198.51.100.7");
    expect(clientIp({ "x-forwarded-for": ["203.0.113.99", "198.51.100.7"] }, 1)).toBe(
      "198.51.100.7",
    );
    expect(clientIp({ "x-forwarded-for": undefined }, 1)).toBe("unknown");
  });

  it("keys one client the same way whatever port or IPv4 mapping the proxy writes", () => {
    expect(clientIp(xff("x, 198.51.100.7:51234"), 1)).toBe("198.51.100.7");
    expect(clientIp(xff("x, ::ffff:198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientIp(xff("x, [2001:DB8::1]:443"), 1)).toBe("2001:db8:0:0::/64");
    expect(clientIp(xff("x, 2001:db8::1"), 1)).toBe("2001:db8:0:0::/64");
    expect(clientIp(xff(`x, ${"a".repeat(500)}`), 1)).toHaveLength(64);
  });

  it("keys IPv6 clients by their /64 network, which one connection gets whole", () => {
    for (const address of [
      "2001:db8:1:2::1",
      "2001:db8:1:2:ffff:ffff:ffff:ffff",
      "2001:0db8:0001:0002::abcd",
    ])
      expect(clientIp(xff(`x, ${address}`), 1), address).toBe("2001:db8:1:2::/64");
    expect(clientIp(xff("x, 2001:db8:1:3::1"), 1)).toBe("2001:db8:1:3::/64");
  });
});

describe("renewToken", () => {
  const now = 1_800_000_000;
  it("gives a new sign-in its own session id, kept through renewals", () => {
    const token = renewToken({}, { id: "u1" }, now);
    expect(token).toMatchObject({ sub: "u1", signedInAt: now });
    const sid = token.sid;
    expect(typeof sid).toBe("string");
    expect(renewToken({ ...token }, undefined, now + 3600).sid).toBe(sid);
  });

  it("gives every sign-in a new session id, also over a session still open in that browser", () => {
    const first = renewToken({}, { id: "u1" }, now);
    const again = renewToken({ ...first }, { id: "u1" }, now + 60);
    expect(again.sid).not.toBe(first.sid);
    expect(again.signedInAt).toBe(now + 60);
    // A second factor the provider vouched for belongs to that sign-in only.
    const viaProvider = renewToken({}, { id: "u1", providerMfa: true } as { id: string }, now);
    expect(viaProvider.providerMfa).toBe(true);
    expect(renewToken({ ...viaProvider }, { id: "u1" }, now + 60).providerMfa).toBe(false);
  });

  it("gives a token from before session ids one, so it can be ended", () => {
    expect(typeof renewToken({ sub: "u1" }, undefined, now).sid).toBe("string");
  });

  it("ends a session past its absolute lifetime of 12 hours, however often it was renewed", () => {
    const token = renewToken({}, { id: "u1" }, now);
    expect(renewToken({ ...token }, undefined, now + 11 * 3600).sub).toBe("u1");
    expect(renewToken({ ...token }, undefined, now + 13 * 3600)).toEqual({});
  });
});
