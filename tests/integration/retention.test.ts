/**
 * Retention (server/services/retention.ts): attempts and request keys older than RETENTION_DAYS
 * are purged, newer ones kept; revocations go once their token has expired; a purge that
 * removed something is audited, and a second purge finds nothing more.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, loginAttempts, requestKeys, revokedSessions, voiceAttempts } from "@/db/schema";
import { purgeExpired } from "@/server/services/retention";
import { type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 60 * 60 * 1000);

describe("retention", () => {
  it("purges what is older than the retention time, and only that", async () => {
    const { db } = database;
    const user = world.userIds.coordinator as string;
    await db.insert(loginAttempts).values([
      { email: "oud@example.nl", ip: "192.0.2.1", succeeded: false, at: daysAgo(91) },
      { email: "nieuw@example.nl", ip: "192.0.2.1", succeeded: false, at: daysAgo(89) },
    ]);
    await db.insert(voiceAttempts).values([
      { ip: "192.0.2.2", succeeded: false, at: daysAgo(120) },
      { ip: "192.0.2.2", succeeded: false, at: daysAgo(1) },
    ]);
    const [oldKey, newKey] = [crypto.randomUUID(), crypto.randomUUID()];
    await db.insert(requestKeys).values([
      { key: oldKey, userId: user, entity: "check_in", at: daysAgo(100) },
      { key: newKey, userId: user, entity: "check_in", at: daysAgo(10) },
    ]);
    await db.insert(revokedSessions).values([
      { sessionId: "verlopen", userId: user, expiresAt: daysAgo(1) },
      { sessionId: "geldig", userId: user, expiresAt: new Date(Date.now() + 3_600_000) },
    ]);

    const purged = await purgeExpired(db, new Date(), 90);
    expect(purged).toMatchObject({ linkAttempts: 1, requestKeys: 1, revokedSessions: 1 });
    expect(purged.loginAttempts).toBeGreaterThanOrEqual(1);
    const emails = (await db.select().from(loginAttempts)).map((a) => a.email);
    expect(emails).toContain("nieuw@example.nl");
    expect(emails).not.toContain("oud@example.nl");
    expect((await db.select().from(requestKeys)).map((k) => k.key)).toEqual(
      expect.arrayContaining([newKey]),
    );
    expect((await db.select().from(requestKeys)).map((k) => k.key)).not.toContain(oldKey);
    expect((await db.select().from(revokedSessions)).map((r) => r.sessionId)).toEqual(["geldig"]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "purge"));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.after).toMatchObject({ olderThanDays: 90, linkAttempts: 1 });

    // Twice (another instance, a cron run): nothing more, and nothing more audited.
    const again = await purgeExpired(db, new Date(), 90);
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "purge"))).toHaveLength(1);
  });
});
