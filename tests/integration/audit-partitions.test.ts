/**
 * The audit log by month (migration 0020): rows land in their month's partition, the months
 * ahead are made by the retention job (idempotently), a row outside them is kept in the
 * default partition, the append-only trigger holds on every partition, and an old month can be
 * detached for the archive — the operator's procedure in the README.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { addAuditMonths } from "@/db/queries/retention";
import { rowsOf } from "@/db/queries/rows";
import { withWorld } from "../helpers/world";

let database: Database;
withWorld((d) => {
  database = d;
});

const monthName = (d: Date) => `audit_log_${d.toISOString().slice(0, 7).replace("-", "_")}`;
const partitions = async () =>
  rowsOf<{ name: string }>(
    await database.db.execute(sql`
      select inhrelid::regclass::text as name from pg_inherits
      where inhparent = 'audit_log'::regclass order by 1`),
  ).map((r) => r.name);
const whereIs = async (entityId: string) =>
  rowsOf<{ part: string }>(
    await database.db.execute(
      sql`select tableoid::regclass::text as part from audit_log where entity_id = ${entityId}`,
    ),
  ).map((r) => r.part);

describe("the audit log's months", () => {
  it("is partitioned, with this month and the next three made", async () => {
    const [kind] = rowsOf<{ partitioned: boolean }>(
      await database.db.execute(sql`
        select exists (select 1 from pg_partitioned_table
          where partrelid = 'audit_log'::regclass) as partitioned`),
    );
    expect(kind?.partitioned).toBe(true);
    const now = new Date();
    const ahead = [0, 1, 2, 3].map((i) =>
      monthName(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1))),
    );
    expect(await partitions()).toEqual(expect.arrayContaining([...ahead, "audit_log_default"]));
    // The job makes nothing twice.
    expect(await addAuditMonths(database.db, now)).toBe(0);
    expect(
      await addAuditMonths(
        database.db,
        new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 15)),
      ),
    ).toBe(2);
  });

  it("puts each row in its month, keeps one from outside them, and refuses changes on every partition", async () => {
    await writeAudit(database.db, {
      actorUserId: null,
      action: "create",
      entity: "test",
      entityId: "now",
    });
    expect(await whereIs("now")).toEqual([monthName(new Date())]);
    await database.db.execute(sql`
      insert into audit_log (at, action, entity, entity_id) values ('2019-03-05T10:00:00Z', 'create', 'test', 'old')`);
    expect(await whereIs("old")).toEqual(["audit_log_default"]);
    // Its month is then left to the default partition rather than refused.
    expect(await addAuditMonths(database.db, new Date("2019-03-01T00:00:00Z"))).toBe(3);
    expect(await partitions()).not.toContain("audit_log_2019_03");
    for (const target of ["audit_log", monthName(new Date()), "audit_log_default"]) {
      await expect(
        database.db.execute(
          sql`update ${sql.identifier(target)} set action = 'x' where entity = 'test'`,
        ),
      ).rejects.toThrow();
      await expect(
        database.db.execute(sql`delete from ${sql.identifier(target)} where entity = 'test'`),
      ).rejects.toThrow();
    }
  });

  it("cuts months at midnight UTC whatever the session's time zone (summer time included)", async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local time zone 'Europe/Amsterdam'`);
      // October to November crosses the end of summer time; March to April its start.
      expect(await addAuditMonths(tx, new Date("2031-10-01T00:00:00Z"))).toBe(4);
      expect(await addAuditMonths(tx, new Date("2032-03-01T00:00:00Z"))).toBe(4);
    });
    const bounds = rowsOf<{ name: string; bound: string }>(
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local time zone 'UTC'`);
        return tx.execute(sql`
          select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound from pg_class c
          where c.relname in ('audit_log_2031_10', 'audit_log_2031_11', 'audit_log_2032_03')`);
      }),
    );
    const of = (name: string) => bounds.find((b) => b.name === name)?.bound;
    expect(of("audit_log_2031_10")).toContain(
      "'2031-10-01 00:00:00+00') TO ('2031-11-01 00:00:00+00')",
    );
    expect(of("audit_log_2031_11")).toContain(
      "'2031-11-01 00:00:00+00') TO ('2031-12-01 00:00:00+00')",
    );
    expect(of("audit_log_2032_03")).toContain(
      "'2032-03-01 00:00:00+00') TO ('2032-04-01 00:00:00+00')",
    );
  });

  it("lets the owner detach an old month for the archive, whole", async () => {
    await database.db.execute(sql`
      insert into audit_log (at, action, entity, entity_id) values ('2019-05-10T08:00:00Z', 'create', 'test', 'archived')`);
    expect(await whereIs("archived")).toEqual(["audit_log_2019_05"]);
    await database.db.execute(sql`alter table audit_log detach partition audit_log_2019_05`);
    expect(await whereIs("archived")).toEqual([]);
    const [kept] = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from audit_log_2019_05`),
    );
    expect(Number(kept?.n)).toBe(1);
  });
});
