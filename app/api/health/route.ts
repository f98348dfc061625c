import { databaseHealth } from "@/server/context";

export const dynamic = "force-dynamic";

/**
 * Liveness and readiness: 200 `{"status":"ok"}` while the database answers, 503
 * `{"status":"degraded"}` while it does not (the process itself lives on, and recovers once the
 * database is back; a load balancer takes the instance out meanwhile).
 */
export async function GET() {
  const health = await databaseHealth();
  if (health.ok)
    return Response.json(
      { status: "ok", database: health.kind },
      { headers: { "cache-control": "no-store" } },
    );
  // One line, not a stack per probe: a load balancer asks every few seconds.
  console.error(`[health] degraded: ${(health.error as Error)?.cause ?? health.error}`);
  return Response.json(
    { status: "degraded" },
    { status: 503, headers: { "cache-control": "no-store" } },
  );
}
