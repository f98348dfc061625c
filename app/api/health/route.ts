import { getDatabase, ping } from "@/db/client";

export const dynamic = "force-dynamic";

/** Liveness and readiness: answers once the database is reachable. */
export async function GET() {
  try {
    const { db, kind } = await getDatabase();
    await ping(db);
    return Response.json(
      { status: "ok", database: kind },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    console.error("[health]", error);
    return Response.json(
      { status: "unavailable" },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
