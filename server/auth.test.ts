import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { clientIp } from "./auth";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIp", () => {
  it.skipIf(process.env.TRUSTED_PROXY_HOPS)(
    "defaults to one trusted hop: the entry the load balancer appended",
    () => {
      expect(env.TRUSTED_PROXY_HOPS).toBe(1);
      expect(clientIp(xff("203.0.113.99, 198.51.100.7"))).toBe("198.51.100.7");
    },
  );

  it("ignores whatever the client writes to the left of the trusted entries", () => {
    for (const spoofed of ["203.0.113.1", "10.0.0.1, 10.0.0.2", "garbage", ", ,"]) {
      expect(clientIp(xff(`${spoofed}, 198.51.100.7`), 1)).toBe("198.51.100.7");
      expect(clientIp(xff(`${spoofed}, 198.51.100.7, 10.0.0.5`), 2)).toBe("198.51.100.7");
    }
  });

  it("uses the only entry (next start's socket address when the client sent none)", () => {
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
