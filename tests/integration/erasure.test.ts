/**
 * Erasure (GDPR art. 17, server/services/erasure.ts): after an admin erases a user or a case,
 * a search of every text and jsonb column of every table, the audit log included, finds none of
 * the erased values; the erasure itself is audited without them.
 */
import { and, eq, ne, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { rowsOf } from "@/db/queries/rows";
import { auditLog, cases, checkIns, users } from "@/db/schema";
import { today } from "@/domain/dates";
import { attemptLogin } from "@/server/login";
import { createCaller } from "@/server/root";
import { createContext } from "@/server/trpc";
import { formattedError } from "../helpers/errors";
import { callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

/** Where in the whole database `value` still occurs: "table.column" for each hit. */
async function occurrences(value: string) {
  const columns = rowsOf<{ table: string; column: string; type: string }>(
    await database.db.execute(sql`select c.table_name as table, c.column_name as column, c.data_type as type
      from information_schema.columns c join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'character varying', 'jsonb')`),
  );
  const escaped = JSON.stringify(value).slice(1, -1);
  const hits: string[] = [];
  for (const { table, column } of columns) {
    const [row] = rowsOf<{ n: number }>(
      await database.db.execute(
        sql.raw(
          `select count(*)::int as n from "${table}" where strpos("${column}"::text, '${value.replaceAll("'", "''")}') > 0 or strpos("${column}"::text, '${escaped.replaceAll("'", "''")}') > 0`,
        ),
      ),
    );
    if ((row?.n ?? 0) > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

describe("erasure", () => {
  it("of a user leaves their name and e-mail address nowhere, the audit log included", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const coordinator = await callerFor(database.db, world, "coordinator");
    const userId = world.userIds.professional2 as string;
    const p = { partnershipId: world.p.id };
    // The person's traces: a renamed account (the old name in the audit copy), a participant
    // named after them, a failed login with their address.
    const [before] = await database.db.select().from(users).where(eq(users.id, userId));
    await admin.admin.users.update({
      id: userId,
      version: before?.version ?? 1,
      name: "Mirjam Wisselink",
      isAdmin: false,
      active: true,
    });
    const session = await coordinator.reflections.plan({ ...p, heldOn: "2026-04-02" });
    await coordinator.reflections.addParticipant({
      ...p,
      sessionId: session.id,
      name: "Mirjam Wisselink (mentor)",
      sector: "education",
    });
    // Someone else whose name holds the erased one, and an act of the person from an address.
    await coordinator.reflections.addParticipant({
      ...p,
      sessionId: session.id,
      name: "Mirjam Wisselinkhof",
      sector: "youth_care",
    });
    const fromAddress = createCaller(
      await createContext({ db: database.db, userId, ip: "198.51.100.4" }),
    );
    await fromAddress.me.get();
    await fromAddress.reflections.addParticipant({
      ...p,
      sessionId: session.id,
      name: "Ouder",
      sector: "parent",
    });
    const hashesBefore = await database.db
      .select({ id: users.id, hash: users.passwordHash })
      .from(users)
      .where(ne(users.id, userId));
    await attemptLogin(
      database.db,
      { email: "professional2@test.nl", password: "wrong-password-123", ip: "192.0.2.9" },
      { maxPerAccount: 100, maxPerIp: 100, windowMinutes: 15 },
    );
    expect(await occurrences("Mirjam Wisselink")).not.toEqual([]);
    expect(await occurrences("Tweede professional P")).not.toEqual([]);

    // An admin cannot erase themselves; then the erasure.
    const self = await formattedError(
      admin.admin.erasure.user({ userId: world.userIds.admin as string }),
    );
    expect(self.code).toBe("FORBIDDEN");
    await admin.admin.erasure.user({ userId });

    for (const value of [
      "Mirjam Wisselink (",
      '"Mirjam Wisselink"',
      "Tweede professional P",
      "professional2@test.nl",
      "198.51.100.4",
    ])
      expect(await occurrences(value), value).toEqual([]);
    // Whole words only: another person whose name holds the erased one keeps theirs, and
    // nobody else's password hash (nor any id) was touched.
    expect(await occurrences("Mirjam Wisselinkhof")).not.toEqual([]);
    const hashesAfter = await database.db
      .select({ id: users.id, hash: users.passwordHash })
      .from(users)
      .where(ne(users.id, userId));
    expect(hashesAfter).toEqual(hashesBefore);
    // Erased once: a second erasure (a retry) is refused, not run on "Gewist account".
    const twice = await formattedError(admin.admin.erasure.user({ userId }));
    expect(twice.code).toBe("CONFLICT");
    const [after] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(after?.name).toBe("Gewist account");
    expect(after?.deactivatedAt).not.toBeNull();
    const [act] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "erase"), eq(auditLog.entityId, userId)));
    expect(act?.actorUserId).toBe(world.userIds.admin);
    expect(act?.after).toEqual({ erased: ["name", "email"] });
  });

  it("of a case removes it with everything of it, and its code from the audit log", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    const created = await professional.cases.create({
      ...p,
      ageBand: "12-16",
      schoolType: "vo",
      internalReference: "Kenmerk Zonnebloem",
    });
    await professional.cases.addCheckIn({
      ...p,
      caseId: created.id,
      clientRequestId: crypto.randomUUID(),
      heldOn: today(),
      ratings: [{ perspective: "school", collaboration: 3, wellbeing: 3 }],
    });
    await professional.cases.get({ ...p, caseId: created.id });
    expect(await occurrences(created.code)).not.toEqual([]);
    // Another partnership's history that happens to hold the same words: not this erasure's.
    await writeAudit(database.db, {
      actorUserId: null,
      action: "note",
      entity: "test",
      entityId: "q-note",
      partnershipId: world.q.id,
      after: { text: "Kenmerk Zonnebloem" },
    });

    const unknown = await formattedError(
      admin.admin.erasure.case({ ...p, code: "AAA-AAA", confirm: true }),
    );
    expect(unknown.fieldErrors?.code).toBeTruthy();
    const unticked = await formattedError(
      admin.admin.erasure.case({ ...p, code: created.code, confirm: false as true }),
    );
    expect(unticked.fieldErrors?.confirm).toBeTruthy();
    await admin.admin.erasure.case({ ...p, code: created.code.toLowerCase(), confirm: true });
    expect(await database.db.select().from(cases).where(eq(cases.id, created.id))).toEqual([]);
    expect(
      await database.db.select().from(checkIns).where(eq(checkIns.caseId, created.id)),
    ).toEqual([]);
    expect(await occurrences(created.code)).toEqual([]);
    const [other] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, "q-note"));
    expect(other?.after).toEqual({ text: "Kenmerk Zonnebloem" });
    // Only there (in the audit log, and so in its month's partition).
    const left = await occurrences("Kenmerk Zonnebloem");
    expect(new Set(left.map((hit) => hit.replace(/^audit_log_\w+\./, "audit_log.")))).toEqual(
      new Set(["audit_log.after"]),
    );
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(
      rows.filter((r) => r.action !== "erase").every((r) => r.before === null && r.after === null),
    ).toBe(true);
    expect(rows.some((r) => r.action === "erase" && r.entity === "case")).toBe(true);
    // The audit log stays append-only for everything else.
    await expect(database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
  });
});
