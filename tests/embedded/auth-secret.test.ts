/**
 * With no configuration, the auth secret is generated once and kept beside the embedded data,
 * so sessions survive a restart; a configured secret wins.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = mkdtempSync(path.join(tmpdir(), "smo-secret-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The secret as a fresh process (a restarted app) sees it. */
function secretOfNewProcess(extraEnv: Record<string, string> = {}) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "--eval", 'import("./env.ts").then((m) => console.log(m.authSecret()))'],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, AUTH_SECRET: "", NEXTAUTH_SECRET: "", DATA_DIR: dataDir, ...extraEnv },
    },
  );
  expect(result.stderr).toBe("");
  return result.stdout.trim();
}

describe("the auth secret", () => {
  it("is generated once, kept private in DATA_DIR, and the same after a restart", () => {
    const first = secretOfNewProcess();
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(secretOfNewProcess()).toBe(first);
  });

  it("comes from configuration when given", () => {
    const configured = "c".repeat(48);
    expect(secretOfNewProcess({ AUTH_SECRET: configured })).toBe(configured);
  });
});
