/**
 * Opens the embedded database in the folder given as argument, writes a marker row, prints
 * "ready" and keeps the database open until killed: a stand-in for a running app server.
 */
import { openPglite } from "@/db/client";
import { regionIdFor } from "@/db/queries/places";
import { municipalities } from "@/db/schema";

const folder = process.argv[2];
if (!folder) throw new Error("usage: hold-database.ts <folder>");
try {
  const { db } = await openPglite(folder);
  const regionId = await regionIdFor(db, "Test");
  await db
    .insert(municipalities)
    .values({ cbsCode: "GM0999", name: "Vasthouden", youthRegion: "Test", regionId })
    .onConflictDoNothing();
  console.log("ready");
  setInterval(() => {}, 1_000);
} catch (error) {
  console.error(String(error));
  process.exit(3);
}
