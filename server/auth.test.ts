import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { withPeerAddress } from "@/scripts/server.mjs";
import { clientIp, PEER_HEADER } from "./auth";

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
        expect(clientIp(peer("192.0.2.5", forged))).toBe("192.0.2.5");
    },
  );

  it("behind one proxy, the entry it appended; the client's own entries before it are ignored", () => {
    expect(clientIp(peer("10.0.0.5", "203.0.113.99, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientIp(peer("10.0.0.5", "203.0.113.99, 198.51.100.7, 10.0.0.9"), 2)).toBe(
      "198.51.100.7",
    );
    // A proxy that appended nothing: the connection is the best known.
    expect(clientIp(peer("10.0.0.5"), 1)).toBe("10.0.0.5");
  });

  it("the server writes the connection's address over anything the client sent under its name", () => {
    const request = withPeerAddress({
      headers: { [PEER_HEADER]: "203.0.113.1" },
      socket: { remoteAddress: "::ffff:192.0.2.5" },
    });
    expect(clientIp(request.headers, 0)).toBe("192.0.2.5");
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
    expect(clientIp(xff("x, [2001:DB8::1]:443"), 1)).toBe("2001:db8::1");
    expect(clientIp(xff("x, 2001:db8::1"), 1)).toBe("2001:db8::1");
    expect(clientIp(xff(`x, ${"a".repeat(500)}`), 1)).toHaveLength(64);
  });
});
