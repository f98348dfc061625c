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
  it("uses the forwarded host behind a load balancer", () => {
    const behindProxy = {
      ...good,
      origin: "https://monitor.example.nl",
      "x-forwarded-host": "monitor.example.nl",
    };
    expect(checkMutationRequest(post(behindProxy))).toBeNull();
  });
  it("refuses other methods", () => {
    expect(checkMutationRequest(post(good, "PUT"))?.status).toBe(405);
  });
});
