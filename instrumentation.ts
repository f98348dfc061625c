/**
 * Server start (not build): open and migrate the database, and seed the demo data on a first
 * start of the embedded database (instrumentation-node.ts). A server that cannot start
 * properly (invalid configuration, database unreachable or in use) stops with the reason
 * instead of answering every request with a 500.
 */
export async function register() {
  // `next build` loads this module too; the database is opened by the server only.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.NEXT_RUNTIME === "nodejs") {
    try {
      const { prepareServer } = await import("./instrumentation-node");
      await prepareServer();
    } catch (error) {
      console.error(`[start] cannot start: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    }
  }
}
