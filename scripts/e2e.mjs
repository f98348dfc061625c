/**
 * `npm run test:e2e`: build if needed, start from an empty embedded database and no saved
 * sessions, run Playwright.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";

const root = path.resolve(import.meta.dirname, "..");
buildIfNeeded();
rmSync(path.join(root, ".data-e2e"), { recursive: true, force: true });
// The saved sessions of the last run belong to the database just removed.
rmSync(path.join(root, "e2e", ".auth"), { recursive: true, force: true });
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
