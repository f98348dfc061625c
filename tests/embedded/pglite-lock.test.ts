/**
 * Two PGlite instances on one data folder corrupt it silently (docs/ARCHITECTURE.md "The database: embedded Postgres or a server"). While one process
 * (the app) has the folder open, a second process and a second open in this process are
 * refused with a clear message; once the owner is gone, the folder opens with its data intact.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";
import { DataFolderInUseError } from "@/db/pglite-lock";
import { municipalities } from "@/db/schema";

const root = path.resolve(import.meta.dirname, "../..");
// `node --import tsx` (not the tsx wrapper) so that the child's pid is the process holding the folder.
const nodeArgs = ["--import", "tsx"];
const script = path.join(import.meta.dirname, "hold-database.ts");
const workDir = mkdtempSync(path.join(tmpdir(), "smo-lock-"));
const folder = path.join(workDir, "pglite");

function holdDatabase(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, script, folder], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      if (output.includes("ready")) resolve(child);
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}: ${output}`)));
  });
}

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("the embedded data folder", () => {
  it("is refused to a second process and a second open while in use, and safe afterwards", async () => {
    const holder = await holdDatabase();
    try {
      await expect(openPglite(folder)).rejects.toBeInstanceOf(DataFolderInUseError);
      await expect(openPglite(folder)).rejects.toThrow(/in use by process \d+/);

      const second = spawnSync(process.execPath, [...nodeArgs, script, folder], {
        cwd: root,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(second.status).toBe(3);
      expect(second.stderr).toContain(`is in use by process ${holder.pid}`);
    } finally {
      holder.kill("SIGKILL");
      await new Promise((resolve) => holder.once("exit", resolve));
    }

    // The owner died without cleaning up: its stale lock is taken over and the data are intact.
    const database = await openPglite(folder);
    try {
      const rows = await database.db.select().from(municipalities);
      expect(rows.map((r) => r.name)).toEqual(["Vasthouden"]);
    } finally {
      await database.close();
    }
  });
});
