/**
 * `npm run bench:cases`: how the case list and a case page answer as a partnership's case load
 * grows. Seeds the demo, then partnerships of 250, 1,000 and 2,000 cases (two years of
 * check-ins each), and prints the median of five calls per procedure, as a coordinator.
 * Embedded Postgres in memory by default; BENCH_DATABASE_URL points it at a Postgres server
 * (an empty database you can throw away).
 */
import { count, eq } from "drizzle-orm";
import { openPglite, openPostgres } from "@/db/client";
import { checkIns, memberships, partnerships, users } from "@/db/schema";
import { seedCases } from "@/db/seed/cases";
import { demoAccounts, seedDemo } from "@/db/seed/demo";
import { today } from "@/domain/dates";
import { hashPassword } from "@/server/passwords";
import { createCaller } from "@/server/root";
import { createContext } from "@/server/trpc";

const sizes = [250, 1_000, 2_000];
const RUNS = 5;

async function median(call: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] ?? Number.NaN;
}

const url = process.env.BENCH_DATABASE_URL;
const database = url ? await openPostgres(url, 4) : await openPglite("memory://");
const { db } = database;
await seedDemo(db, hashPassword);
const [coordinator] = await db
  .select()
  .from(users)
  .where(eq(users.email, demoAccounts.coordinator));
const [template] = await db.select().from(partnerships).limit(1);
if (!coordinator || !template) throw new Error("bench: the demo seed is missing");

console.info(`case list benchmark on ${database.kind}, median of ${RUNS} calls (ms)`);
console.info("cases | check-ins | list, page 1 | list, 'any signal' | one case");
for (const [index, size] of sizes.entries()) {
  const [p] = await db
    .insert(partnerships)
    .values({
      name: `Benchmark ${size}`,
      municipalityId: template.municipalityId,
      form: template.form,
    })
    .returning();
  if (!p) throw new Error("bench: partnership");
  await db
    .insert(memberships)
    .values({ partnershipId: p.id, userId: coordinator.id, role: "coordinator" });
  await db.transaction((tx) =>
    seedCases(tx, {
      index: 10 + index,
      partnershipId: p.id,
      workers: [coordinator.id],
      today: today(),
      count: size,
    }),
  );
  const caller = createCaller(await createContext({ db, userId: coordinator.id }));
  const ref = { partnershipId: p.id };
  const first = await caller.cases.list({ ...ref, status: "all", pageSize: 1 });
  const caseId = first.items[0]?.id ?? "";
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(checkIns)
    .where(eq(checkIns.partnershipId, p.id));
  const list = await median(() => caller.cases.list({ ...ref, status: "all" }));
  const signals = await median(() => caller.cases.list({ ...ref, status: "all", signal: "any" }));
  const one = await median(() => caller.cases.get({ ...ref, caseId }));
  console.info(`${size} | ${n} | ${list.toFixed(0)} | ${signals.toFixed(0)} | ${one.toFixed(0)}`);
}
await database.close();
