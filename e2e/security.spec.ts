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
  const result = spawnSync("npx", ["next", "start", "-p", "3199"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: ".data-e2e", DATABASE_URL: "" },
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
