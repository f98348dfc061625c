import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_BATCH, MAX_BODY_BYTES, MAX_TRANSFER_BYTES } from "@/domain/limits";
import { checkBatchSize, noStore, withBodyLimit } from "./http-limits";

/** A body sent in chunks without a declared length, as a client streaming it would. */
function streamed(bytes: number, chunk = 64 * 1024) {
  let sent = 0;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(120));
    },
  });
  const request = new Request("http://localhost/api/trpc/x", {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
    duplex: "half",
  } as RequestInit);
  return { request, pulls: () => pulled };
}

describe("withBodyLimit", () => {
  it("refuses a declared length over the limit with 413, unread", async () => {
    const request = new Request("http://localhost/api/trpc/x", {
      method: "POST",
      body: "x".repeat(MAX_BODY_BYTES + 1),
      headers: { "content-length": String(MAX_BODY_BYTES + 1) },
    });
    const answer = await withBodyLimit(request);
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(413);
    expect(request.bodyUsed).toBe(false);
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    const { request, pulls } = streamed(10 * MAX_BODY_BYTES);
    const answer = await withBodyLimit(request);
    expect((answer as Response).status).toBe(413);
    // 16 chunks of 64 KiB make 1 MiB: one more, and no further.
    expect(pulls()).toBeLessThanOrEqual(18);
  });

  it("passes a body within the limit on, whole", async () => {
    const { request } = streamed(MAX_BODY_BYTES);
    const answer = await withBodyLimit(request);
    expect(answer).not.toBeInstanceOf(Response);
    expect((await (answer as Request).arrayBuffer()).byteLength).toBe(MAX_BODY_BYTES);
  });
});

describe("checkBatchSize", () => {
  const batch = (n: number) =>
    new Request(
      `http://localhost/api/trpc/${Array.from({ length: n }, () => "me.get").join(",")}?batch=1`,
    );
  it(`allows ${MAX_BATCH} calls in one request and answers more with 400`, () => {
    expect(checkBatchSize(batch(1))).toBeNull();
    expect(checkBatchSize(batch(MAX_BATCH))).toBeNull();
    expect(checkBatchSize(batch(MAX_BATCH + 1))?.status).toBe(400);
    expect(checkBatchSize(batch(300))?.status).toBe(400);
    // Encoded commas are commas to tRPC.
    const encoded = new Request(
      `http://localhost/api/trpc/${Array.from({ length: 50 }, () => "me.get").join("%2C")}?batch=1`,
    );
    expect(checkBatchSize(encoded)?.status).toBe(400);
  });
});

describe("noStore", () => {
  it("marks an answer not to be stored, also one with immutable headers", () => {
    expect(noStore(Response.json({})).headers.get("cache-control")).toBe("no-store");
    expect(noStore(Response.redirect("http://localhost/")).headers.get("cache-control")).toBe(
      "no-store",
    );
  });
});

describe("the limit scripts/server.mjs applies before Next.js", () => {
  it("is the API's own", () => {
    const script = readFileSync(path.join(import.meta.dirname, "../scripts/server.mjs"), "utf8");
    const declared = /const MAX_BODY_BYTES = ([\d_]+);/.exec(script)?.[1]?.replaceAll("_", "");
    expect(Number(declared)).toBe(MAX_BODY_BYTES);
    const transfer = /const MAX_TRANSFER_BYTES = (\d+) \* 1_048_576;/.exec(script)?.[1];
    expect(Number(transfer) * 1_048_576).toBe(MAX_TRANSFER_BYTES);
  });
});
