/**
 * `npm run purge`: the retention purge once (server/services/retention.ts), for a cron entry
 * where the app's own six-hourly run is not wanted; prints what it removed.
 */
import { getDatabase } from "../db/client";
import { purgeExpired } from "../server/services/retention";

const { db, close } = await getDatabase();
try {
  console.info("[retention] purged", await purgeExpired(db));
} finally {
  await close();
}
