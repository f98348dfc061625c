/**
 * An admin's or analyst's session ends when left idle (SESSION_IDLE_MINUTES, server/trpc.ts);
 * a partnership member's does not. Ended, it is revoked like a sign-out.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { revokedSessions, sessionActivity } from "@/db/schema";
import { createContext } from "@/server/trpc";
import { type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

describe("an idle session", () => {
  it("ends for an analyst after the idle time, and goes on for a coordinator", async () => {
    const open = (actor: "analyst" | "coordinator", sessionId: string) =>
      createContext({
        db: database.db,
        userId: world.userIds[actor],
        sessionId,
        idleMinutes: 30,
      });
    const analyst = crypto.randomUUID();
    expect((await open("analyst", analyst)).user).not.toBeNull();
    const [seen] = await database.db
      .select()
      .from(sessionActivity)
      .where(eq(sessionActivity.sessionId, analyst));
    expect(seen).toBeTruthy();

    // Used 29 minutes ago: still on, and its use recorded anew.
    await database.db
      .update(sessionActivity)
      .set({ seenAt: minutesAgo(29) })
      .where(eq(sessionActivity.sessionId, analyst));
    expect((await open("analyst", analyst)).user).not.toBeNull();
    // Left for 31 minutes: over, and revoked, so it stays over.
    await database.db
      .update(sessionActivity)
      .set({ seenAt: minutesAgo(31) })
      .where(eq(sessionActivity.sessionId, analyst));
    expect((await open("analyst", analyst)).user).toBeNull();
    expect(
      await database.db
        .select()
        .from(revokedSessions)
        .where(eq(revokedSessions.sessionId, analyst)),
    ).toHaveLength(1);
    expect((await open("analyst", analyst)).user).toBeNull();
    // A new sign-in is a new session id, and works.
    expect((await open("analyst", crypto.randomUUID())).user).not.toBeNull();

    // A coordinator's session is not tracked at all.
    const coordinator = crypto.randomUUID();
    expect((await open("coordinator", coordinator)).user).not.toBeNull();
    expect(
      await database.db
        .select()
        .from(sessionActivity)
        .where(eq(sessionActivity.sessionId, coordinator)),
    ).toEqual([]);
  });
});
