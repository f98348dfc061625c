import { databaseHealth } from "@/server/context";

export const dynamic = "force-dynamic";

/** Liveness and readiness: answers once the database is reachable. */
export async function GET() {
  const health = await databaseHealth();
  if (health.ok)
    return Response.json(
      { status: "ok", database: health.kind },
      { headers: { "cache-control": "no-store" } },
    );
  console.error("[health]", health.error);
  return Response.json(
    { status: "unavailable" },
    { status: 503, headers: { "cache-control": "no-store" } },
  );
}
