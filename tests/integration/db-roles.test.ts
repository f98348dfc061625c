/**
 * On a Postgres server, the app's own role (README "The database roles"): with the grants of
 * scripts/grant-app-role.ts it reads and writes the app's tables and appends to the audit log,
 * but cannot update, delete or truncate audit rows, nor change the schema. The embedded
 * database has one user and no roles: this runs on the Postgres server only.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres } from "@/db/client";
import { grantAppRole } from "../../scripts/grant-app-role";
import { testDatabaseKind } from "../helpers/db";

const serverUrl = process.env.TEST_DATABASE_URL ?? "";
const suffix = randomBytes(4).toString("hex");
const name = `smo_roles_${suffix}`;
const role = `smo_app_${suffix}`;

describe.skipIf(testDatabaseKind !== "postgres")("the app's database role", () => {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  afterAll(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`drop role if exists ${role}`);
    await admin.end();
  });

  it("appends to the audit log but cannot change or remove a row of it", async () => {
    await admin.unsafe(`create database ${name}`);
    await admin.unsafe(`create role ${role} login`);
    const owner = new URL(serverUrl);
    owner.pathname = `/${name}`;
    const app = new URL(owner);
    app.username = role;

    // Migrated by the owner (DATABASE_MIGRATION_URL), then the grants.
    const migrated = await openPostgres(owner.toString(), 1);
    await migrated.close();
    const ownerSql = postgres(owner.toString(), { max: 1, onnotice: () => {} });
    await grantAppRole(ownerSql, role);
    await ownerSql.end();

    // The app as its own role, migrating with the owner's connection: nothing left to do.
    const database = await openPostgres(app.toString(), 1, owner.toString());
    await database.close();
    const sql = postgres(app.toString(), { max: 1, onnotice: () => {} });
    const thisMonth = `audit_log_${new Date().toISOString().slice(0, 7).replace("-", "_")}`;
    try {
      // The retention job, as the app, makes the months ahead; it may not create tables itself.
      const [made] = await sql`select audit_log_add_months(current_date, 6) as n`;
      expect(made?.n).toBe(2);
      await expect(sql.unsafe("create table t (x int)")).rejects.toMatchObject({ code: "42501" });
      await sql`insert into audit_log (action, entity, entity_id) values ('create', 'test', 'x')`;
      const [row] = await sql`select count(*)::int as n from audit_log where entity = 'test'`;
      expect(row?.n).toBe(1);
      await sql`insert into organisations (name, type) values ('Roltest', 'school_po')`;
      await sql`update organisations set name = 'Roltest 2' where name = 'Roltest'`;
      for (const statement of [
        "update audit_log set action = 'x'",
        "delete from audit_log",
        "truncate audit_log",
        "drop table audit_log",
        "alter table organisations add column x int",
        // The monthly partitions: not reachable past the parent at all, not even to read.
        `update ${thisMonth} set action = 'x'`,
        `delete from ${thisMonth}`,
        `truncate ${thisMonth}`,
        "select * from audit_log_default",
      ])
        await expect(sql.unsafe(statement), statement).rejects.toMatchObject({
          code: expect.stringMatching(/^(42501)$/),
        });
    } finally {
      await sql.end();
    }
  });
});
