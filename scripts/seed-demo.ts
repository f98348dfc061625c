/**
 * `npm run db:seed:demo`: seeds the demo data into the configured database, also a Postgres
 * server (which `npm start` never seeds on its own). Does nothing when the demo data exist.
 */
import { getDatabase } from "../db/client";
import { seedDemo } from "../db/seed/demo";
import { hashPassword } from "../server/passwords";

const { db, kind, close } = await getDatabase();
const seeded = await seedDemo(db, hashPassword);
console.info(seeded ? `[db] ${kind}: demo data seeded` : `[db] ${kind}: demo data already present`);
await close();
