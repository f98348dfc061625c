/**
 * The audit trail, read: a coordinator sees who did and read what in the partnership, when and
 * from where (case reads included, NEN 7513), filtered and paged; an admin sees the platform's.
 * Who else may call it is the authorization matrix's (authorization.test.ts).
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { today } from "@/domain/dates";
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

describe("the audit trail", () => {
  it("shows a partnership's acts and case reads with who, when and from where, filtered and paged", async () => {
    const p = { partnershipId: world.p.id };
    // The professional opens a case and reads it, from an address of their own.
    const professional = createCaller(
      await createContext({ db: database.db, userId: world.userIds.professional, ip: "192.0.2.7" }),
    );
    const opened = await professional.cases.create({ ...p, ageBand: "12-16", schoolType: "vo" });
    await professional.cases.get({ ...p, caseId: opened.id });

    const coordinator = await callerFor(database.db, world, "coordinator");
    const all = await coordinator.audit.partnership({ ...p });
    expect(all.total).toBeGreaterThanOrEqual(2);
    const read = all.items.find((r) => r.entity === "case" && r.action === "read");
    expect(read).toMatchObject({
      actorUserId: world.userIds.professional,
      caseCode: opened.code,
      ip: "192.0.2.7",
    });
    expect(read?.actorName).toBeTruthy();
    // Newest first.
    const times = all.items.map((r) => r.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The filters offer who and what the trail holds.
    expect(all.choices.people.map((x) => x.id)).toContain(world.userIds.professional);
    expect(all.choices.entities).toContain("case");

    const byPerson = await coordinator.audit.partnership({
      ...p,
      actorUserId: world.userIds.professional ?? undefined,
      entity: "case",
      action: "read",
      from: today(),
      to: today(),
    });
    expect(byPerson.items.length).toBeGreaterThanOrEqual(1);
    expect(byPerson.items.every((r) => r.actorUserId === world.userIds.professional)).toBe(true);
    expect(byPerson.items.every((r) => r.action === "read" && r.entity === "case")).toBe(true);
    const yesterday = await coordinator.audit.partnership({ ...p, to: "2000-01-01" });
    expect(yesterday.total).toBe(0);
    const paged = await coordinator.audit.partnership({ ...p, pageSize: 1, page: 2 });
    expect(paged.items).toHaveLength(1);
    expect(paged.items[0]?.id).toBe(all.items[1]?.id);

    // A range the wrong way round is named by its field.
    const backwards = await formattedError(
      coordinator.audit.partnership({ ...p, from: "2026-02-01", to: "2026-01-01" }),
    );
    expect(backwards.fieldErrors?.to).toBeTruthy();

    // The admin reads the platform's trail, this partnership's among it, with its name.
    const admin = await callerFor(database.db, world, "admin");
    const platform = await admin.audit.platform({ partnershipId: world.p.id });
    expect(platform.items[0]?.partnershipName).toBe(world.p.name);
    expect((await admin.audit.platform({})).total).toBeGreaterThanOrEqual(all.total);
  });

  it("cannot be changed or removed, not even by the app's own queries", async () => {
    await expect(database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
