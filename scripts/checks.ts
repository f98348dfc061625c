/**
 * The named checks of a test script (scripts/cluster.ts, scripts/faults.ts): each printed with
 * ✓ or ✗ and what was measured; `finish` exits non-zero when any failed.
 */
export function checks(name: string) {
  const failures: string[] = [];
  return {
    check(ok: boolean, what: string, detail = "") {
      console.info(`${ok ? "✓" : "✗"} ${what}${detail ? ` — ${detail}` : ""}`);
      if (!ok) failures.push(what);
    },
    finish() {
      if (failures.length > 0) {
        console.error(`${name}: ${failures.length} check(s) failed`);
        process.exit(1);
      }
      console.info(`${name}: all checks passed`);
    },
  };
}
