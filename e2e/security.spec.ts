/** Headers, the mutation guard, and the embedded database refusing a second process. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "./helpers";

test("every page carries the security headers", async ({ request }) => {
  for (const url of ["/login", "/api/health"]) {
    const response = await request.get(url);
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
    );
  }
});

test("health reports the embedded database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(await response.json()).toEqual({ status: "ok", database: "pglite" });
});

test("mutations only as same-origin JSON POST", async ({ request, baseURL }) => {
  const url = "/api/trpc/admin.municipalities.create";
  const form = await request.post(url, {
    headers: { origin: baseURL ?? "", "content-type": "application/x-www-form-urlencoded" },
    data: "a=1",
  });
  expect(form.status()).toBe(415);
  const foreign = await request.post(url, {
    headers: { origin: "https://example.org", "content-type": "application/json" },
    data: {},
  });
  expect(foreign.status()).toBe(403);
  const anonymous = await request.post(url, {
    headers: { origin: baseURL ?? "", "content-type": "application/json" },
    data: { json: {} },
  });
  expect(anonymous.status()).toBe(401);
  const viaGet = await request.get(
    `${url}?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
  );
  expect(viaGet.status()).toBe(405);
});

test("a second process cannot open the running app's embedded database", async ({ request }) => {
  const root = path.resolve(import.meta.dirname, "..");
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: ".data-e2e", DATABASE_URL: "" },
    timeout: 60_000,
  });
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain("is in use by process");
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("a second server on the same embedded database stops with the reason", async ({ request }) => {
  const root = path.resolve(import.meta.dirname, "..");
  const result = spawnSync(process.execPath, ["scripts/server.mjs"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, PORT: "3199", DATA_DIR: ".data-e2e", DATABASE_URL: "" },
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("[start] cannot start: The embedded database");
  expect(result.stderr).toContain("is in use by process");
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("unknown or foreign ids answer 404", async ({ coordinatorPage: page }) => {
  await page.goto("/partnerships");
  const href = await page
    .getByRole("link", { name: /Amsterdam-Noord/ })
    .first()
    .getAttribute("href");
  const own = href?.split("/")[2] ?? "";
  expect(own).toMatch(/^[0-9a-f-]{36}$/);
  const unknown = "00000000-0000-4000-8000-000000000000";
  for (const url of [
    `/partnerships/${unknown}`,
    "/partnerships/not-an-id/goals",
    `/partnerships/${own}/cases/${unknown}`,
    `/partnerships/${own}/goals/${unknown}`,
    `/partnerships/${own}/reflections/${unknown}/report`,
    `/municipalities/${unknown}`,
    "/admin/users",
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/niet gevonden/i);
  }
});

test("after signing in, only paths of this site are followed", async ({
  coordinatorPage: page,
  baseURL,
}) => {
  const request = page.request;
  const origin = new URL(baseURL ?? "http://localhost").origin;
  for (const callback of [
    "%2F%5Cevil.example%2F",
    "%2F%09%2Fevil.example%2F",
    "%2F%0A%2Fevil.example%2F",
    "%2F%2Fevil.example",
  ]) {
    const response = await request.get(`/login?callbackUrl=${callback}`, { maxRedirects: 0 });
    expect(response.status(), callback).toBeLessThan(500);
    const target = new URL(response.headers().location ?? "/", baseURL);
    expect(target.origin, callback).toBe(origin);
    expect(target.pathname, callback).toBe("/");
  }
  const own = await request.get("/login?callbackUrl=%2Fnational", { maxRedirects: 0 });
  expect(new URL(own.headers().location ?? "", baseURL).pathname).toBe("/national");
});

test("the API refuses a body over 1 MB and a batch over 10 calls, and is never cached", async ({
  coordinatorPage: page,
  baseURL,
}) => {
  const request = page.request;
  const headers = { origin: baseURL ?? "", "content-type": "application/json" };
  const big = JSON.stringify({ json: { comment: "x".repeat(2 * 1024 * 1024) } });
  expect((await request.post("/api/trpc/voice.submit", { headers, data: big })).status()).toBe(413);
  expect(
    (
      await request.post("/api/auth/callback/credentials", {
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
        data: `email=a%40b.nl&password=${"x".repeat(2 * 1024 * 1024)}`,
      })
    ).status(),
  ).toBe(413);

  const batch = (n: number) =>
    `/api/trpc/${Array(n).fill("me.get").join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify({}))}`;
  const ten = await request.get(batch(10));
  expect(ten.status()).toBe(200);
  expect(await ten.json()).toHaveLength(10);
  expect((await request.get(batch(11))).status()).toBe(400);
  expect((await request.get(batch(300))).status()).toBe(400);

  for (const url of ["/api/trpc/me.get", "/api/auth/session", batch(11)])
    expect((await request.get(url)).headers()["cache-control"], url).toBe("no-store");
});
