import { describe, expect, it } from "vitest";
import { checkMutationRequest } from "./http-guard";

const post = (headers: Record<string, string>, method = "POST") =>
  new Request("http://localhost:3000/api/trpc/x", {
    method,
    headers,
    body: method === "GET" ? undefined : "{}",
  });

describe("checkMutationRequest", () => {
  const good = {
    "content-type": "application/json",
    origin: "http://localhost:3000",
    host: "localhost:3000",
  };

  it("lets a same-origin JSON POST through", () => {
    expect(checkMutationRequest(post(good))).toBeNull();
  });
  it("leaves reads alone", () => {
    expect(checkMutationRequest(new Request("http://localhost:3000/api/trpc/x"))).toBeNull();
  });
  it("refuses a form post", () => {
    expect(
      checkMutationRequest(post({ ...good, "content-type": "application/x-www-form-urlencoded" }))
        ?.status,
    ).toBe(415);
  });
  it("refuses another origin, a missing origin and a garbled one", () => {
    expect(checkMutationRequest(post({ ...good, origin: "https://evil.example" }))?.status).toBe(
      403,
    );
    const { origin: _, ...noOrigin } = good;
    expect(checkMutationRequest(post(noOrigin))?.status).toBe(403);
    expect(checkMutationRequest(post({ ...good, origin: "not a url" }))?.status).toBe(403);
  });
  it("compares the whole origin with the public URL: scheme, host and port", () => {
    const publicOrigin = "https://monitor.example.nl";
    const from = (origin: string, extra: Record<string, string> = {}) =>
      checkMutationRequest(post({ ...good, origin, ...extra }), { publicOrigin });
    expect(from("https://monitor.example.nl")).toBeNull();
    expect(from("http://monitor.example.nl")?.status).toBe(403);
    expect(from("https://monitor.example.nl:8443")?.status).toBe(403);
    // A forged forwarded host changes nothing once the public URL is known.
    expect(from("https://evil.example", { "x-forwarded-host": "evil.example" })?.status).toBe(403);
  });

  it("without a public URL reads the forwarded host and scheme only behind a trusted proxy", () => {
    const forged = {
      ...good,
      origin: "https://evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    };
    // No proxy in front: the client wrote those headers itself.
    expect(checkMutationRequest(post(forged))?.status).toBe(403);
    const behindProxy = {
      ...good,
      origin: "https://monitor.example.nl",
      "x-forwarded-host": "monitor.example.nl",
      "x-forwarded-proto": "https",
    };
    expect(checkMutationRequest(post(behindProxy), { trustProxy: true })).toBeNull();
    // The scheme counts: a page served over http may not post as the https site.
    expect(
      checkMutationRequest(post({ ...behindProxy, "x-forwarded-proto": "http" }), {
        trustProxy: true,
      })?.status,
    ).toBe(403);
  });

  it("refuses other methods", () => {
    expect(checkMutationRequest(post(good, "PUT"))?.status).toBe(405);
  });
});
