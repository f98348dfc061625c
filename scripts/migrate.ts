/** `npm run db:migrate`: applies the migrations in drizzle/ to the configured database. */
import { getDatabase } from "../db/client";

const { kind, close } = await getDatabase();
console.info(`[db] ${kind}: migrations applied`);
await close();
