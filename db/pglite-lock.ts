/**
 * One process per embedded data folder. Two PGlite instances on one folder corrupt it without
 * any error (docs/ARCHITECTURE.md), so the folder is claimed with a lock file holding the owner's pid; a
 * second process is refused with a clear message, and a lock left by a dead process is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class DataFolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database in ${folder} is in use by process ${ownerPid}. ` +
        "Only one process may open it: stop that process, or set DATABASE_URL to use a Postgres server.",
    );
    this.name = "DataFolderInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Claims `folder` for this process; returns the release function. */
export function lockDataFolder(folder: string): () => void {
  mkdirSync(path.dirname(folder), { recursive: true });
  const lockFile = `${folder}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(lockFile, "utf8").trim() === String(process.pid)) rmSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(readFileSync(lockFile, "utf8").trim(), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DataFolderInUseError(folder, owner);
      }
      // Stale (the owner died) or our own from an earlier open in this process: take it over.
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${folder}`);
}
