/**
 * Server start (not build): open and migrate the database, and seed the demo data on a first
 * start of the embedded database. Opening here, once, keeps a single PGlite instance per
 * process (STACK.md).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this module too; the database is opened by the server only.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDatabase } = await import("./db/client");
  const { seedDemoOnStart } = await import("./env");
  const { db, kind } = await getDatabase();
  console.info(`[db] ${kind} ready, migrations applied`);
  if (seedDemoOnStart) {
    const { seedDemo } = await import("./db/seed/demo");
    const { hashPassword } = await import("./server/passwords");
    if (await seedDemo(db, hashPassword))
      console.info("[db] demo data seeded (see README for the accounts)");
  }
}
