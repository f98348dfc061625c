/**
 * Builds the app when there is no build yet, or when a source file is newer than the build.
 * Used by `npm start` and the e2e run, so a fresh clone needs no separate build step.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const sources = [
  "app",
  "server",
  "db",
  "domain",
  "i18n",
  "messages",
  "drizzle",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-node.ts",
  "env.ts",
  "next.config.mjs",
  "package.json",
  "tsconfig.json",
];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function buildIfNeeded() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  if (builtAt > changedAt) return;
  console.info(
    builtAt
      ? "[start] sources changed since the last build: building…"
      : "[start] no build yet: building…",
  );
  const result = spawnSync("npx", ["next", "build"], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded();
