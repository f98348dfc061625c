/**
 * `npm run db:grant-app-role -- <role>`: gives the app's own database role what it needs and no
 * more, run as the schema's owner (DATABASE_MIGRATION_URL, else DATABASE_URL) after the
 * migrations. The role reads and writes the app's tables, but may not update, delete or
 * truncate the audit log (a grant, beside the trigger that refuses it to everyone), nor change
 * the schema. Run it again after a release that adds tables.
 */
import postgres from "postgres";

/** The grants, for `role` (a plain identifier). */
export async function grantAppRole(sql: postgres.Sql, role: string) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`not a plain role name: ${role}`);
  const [database] = await sql`select current_database() as name`;
  await sql.begin(async (tx) => {
    await tx.unsafe(`grant connect on database "${database?.name}" to ${role}`);
    await tx.unsafe(`grant usage on schema public to ${role}`);
    await tx.unsafe(`grant usage on schema drizzle to ${role}`);
    await tx.unsafe(`grant select on all tables in schema drizzle to ${role}`);
    await tx.unsafe(
      `grant select, insert, update, delete on all tables in schema public to ${role}`,
    );
    await tx.unsafe(`grant usage, select on all sequences in schema public to ${role}`);
    // The audit log: appended to and read, never changed; erasure goes through the database's
    // own functions, which take only the user or case to erase (migration 0017).
    await tx.unsafe(`revoke update, delete, truncate on audit_log from ${role}`);
    // Its monthly partitions too, which "all tables" above included (the months made later
    // grant the role nothing: it reaches them through audit_log only).
    const partitions = await tx<{ name: string }[]>`
      select inhrelid::regclass::text as name from pg_inherits
      where inhparent = 'audit_log'::regclass`;
    for (const { name } of partitions) {
      if (!/^audit_log_[a-z0-9_]+$/.test(name)) throw new Error(`unexpected partition ${name}`);
      await tx.unsafe(`revoke all on "${name}" from ${role}`);
    }
    await tx.unsafe(`grant execute on function audit_log_add_months(date, integer) to ${role}`);
    await tx.unsafe(`revoke truncate on all tables in schema public from ${role}`);
    await tx.unsafe(
      `grant execute on function erase_user(uuid), erase_case(uuid, uuid) to ${role}`,
    );
    // No new tables or functions of its own (PUBLIC may create in public before PostgreSQL 15).
    await tx.unsafe("revoke create on schema public from public");
  });
}

if (process.argv[1]?.endsWith("grant-app-role.ts")) {
  const role = process.argv[2];
  const url = process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL;
  if (!role || !url) {
    console.error("usage: DATABASE_MIGRATION_URL=… npm run db:grant-app-role -- <role>");
    process.exit(2);
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await grantAppRole(sql, role);
    console.info(
      `[db] ${role} may read and write the app's tables, and only append to the audit log`,
    );
  } finally {
    await sql.end();
  }
}
