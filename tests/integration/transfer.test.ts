/**
 * Moving a partnership between installations (server/services/transfer.ts): a demo partnership
 * with goals, sessions, cases, check-ins and voices is exported from one database, imported
 * into another through the admin procedures, and exported again: the same document. Into an
 * installation that has the people already, it is matched to them; a document that does not
 * fit is refused whole, with the reason, and nothing is written.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { rowsOf } from "@/db/queries/rows";
import { FIGURES_TABLES, insertRows, PARTNERSHIP_TABLES, rowsById } from "@/db/queries/transfer";
import { cases, partnerships, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { hashPassword } from "@/server/passwords";
import { createCaller } from "@/server/root";
import type { PartnershipDocument } from "@/server/services/transfer";
import { createContext } from "@/server/trpc";
import { openTestDatabase } from "../helpers/db";
import { formattedError } from "../helpers/errors";

let source: Database;
let target: Database;
let partnershipId: string;
let document: PartnershipDocument;

const adminOf = async (database: Database) => {
  const [admin] = await database.db.select().from(users).where(eq(users.isAdmin, true));
  if (!admin) throw new Error("no admin");
  return createCaller(await createContext({ db: database.db, userId: admin.id }));
};

/**
 * The document without what differs between two exports of the same records: the time, and
 * the import's own audit row and the admin it names (the one record the target adds).
 */
function comparable(doc: PartnershipDocument) {
  const importer = doc.records.audit_log.find((r) => r.action === "import")?.actor_user_id;
  return {
    ...doc,
    exportedAt: undefined,
    users: doc.users.filter((u) => u.id !== importer),
    records: {
      ...doc.records,
      audit_log: doc.records.audit_log.filter((r) => r.action !== "import"),
    },
  };
}

const countRows = async (database: Database) => {
  const counts: Record<string, number> = {};
  for (const table of [...PARTNERSHIP_TABLES, "partnerships", "users", "organisations"]) {
    const [row] = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`),
    );
    counts[table] = Number(row?.n);
  }
  return counts;
};

beforeAll(async () => {
  source = await openTestDatabase();
  await seedDemo(source.db, hashPassword);
  const [p] = await source.db
    .select()
    .from(partnerships)
    .where(eq(partnerships.name, "Zorg in en om de school Amsterdam-Noord"));
  if (!p) throw new Error("demo partnership missing");
  partnershipId = p.id;
  // A parent's answer through their personal link: the demo holds none.
  const [coordinator] = await source.db
    .select()
    .from(users)
    .where(eq(users.email, "coordinator@demo.nl"));
  const asCoordinator = createCaller(
    await createContext({ db: source.db, userId: coordinator?.id ?? null }),
  );
  const [someCase] = await source.db.select().from(cases).where(eq(cases.partnershipId, p.id));
  if (!someCase) throw new Error("demo case missing");
  const link = await asCoordinator.cases.createLink({
    partnershipId,
    caseId: someCase.id,
    perspective: "parent",
  });
  const parent = createCaller(
    await createContext({ db: source.db, userId: null, ip: "192.0.2.5" }),
  );
  await parent.voice.submit({
    token: link.path.replace("/stem/", ""),
    collaboration: 4,
    wellbeing: 3,
    comment: "Fijn dat school en hulp samen met ons praten.",
  });
  document = await (await adminOf(source)).admin.transfer.export({ partnershipId });

  // A fresh installation with the same municipality (and its region), and one admin.
  target = await openTestDatabase();
  const [municipality] = await rowsById(source.db, "municipalities", [p.municipalityId]);
  await insertRows(
    target.db,
    "regions",
    await rowsById(source.db, "regions", [String(municipality?.region_id)]),
  );
  await insertRows(target.db, "municipalities", municipality ? [municipality] : []);
  await target.db
    .insert(users)
    .values({ email: "beheer@elders.nl", name: "Beheer", passwordHash: "x", isAdmin: true });
}, 120_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
});

describe("a partnership's document", () => {
  it("holds every table of partnership records, parents before children", async () => {
    const withPartnership = rowsOf<{ table: string }>(
      // Tables, not the audit log's monthly partitions (it is read through its parent).
      await source.db.execute(sql`
        select distinct c.relname as table from pg_class c
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'partnership_id'
        where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
          and not c.relispartition`),
    ).map((r) => r.table);
    expect([...PARTNERSHIP_TABLES, ...FIGURES_TABLES].sort()).toEqual(withPartnership.sort());
    const references = rowsOf<{ from: string; to: string }>(
      await source.db.execute(sql`
        select conrelid::regclass::text as from, confrelid::regclass::text as to
        from pg_constraint where contype = 'f' and conrelid <> confrelid`),
    );
    const order = PARTNERSHIP_TABLES as readonly string[];
    for (const { from, to } of references)
      if (order.includes(from) && order.includes(to))
        expect(order.indexOf(from), `${from} after ${to}`).toBeGreaterThan(order.indexOf(to));
  });

  it("carries the demo partnership's records, with a format and schema version", () => {
    expect(document).toMatchObject({
      format: "samenwerkingsmonitor/partnership",
      formatVersion: 1,
      partnership: { id: partnershipId },
    });
    expect(document.databaseSchema).toBeGreaterThan(10);
    const filled = PARTNERSHIP_TABLES.filter((t) => document.records[t].length > 0);
    expect(filled.length).toBeGreaterThanOrEqual(18);
    for (const table of [
      "cases",
      "check_ins",
      "voice_responses",
      "factor_scores",
      "goals",
      "audit_log",
    ] as const)
      expect(document.records[table].length, table).toBeGreaterThan(0);
    expect(document.users.length).toBeGreaterThan(0);
  });

  it("is refused whole, with the reason, when it does not fit; nothing is written", async () => {
    const admin = await adminOf(target);
    const before = await countRows(target);
    const refusal = async (doc: unknown) =>
      formattedError(admin.admin.transfer.import(doc as PartnershipDocument));
    const copy = () => structuredClone(document);

    const foreign = copy();
    const aCase = foreign.records.cases[0];
    if (aCase) aCase.partnership_id = crypto.randomUUID();
    expect((await refusal(foreign)).message).toMatch(/‘cases’ gegevens van een ander/);
    const schema = await refusal({ ...copy(), databaseSchema: document.databaseSchema + 1 });
    expect(schema.message).toMatch(/andere databaseversie/);
    const elsewhere = copy();
    for (const m of elsewhere.municipalities) m.cbs_code = "GM9999";
    expect((await refusal(elsewhere)).message).toMatch(/\(GM9999\) staat niet op deze installatie/);
    // A value the database refuses, late in the document: what came before it is not kept.
    const broken = copy();
    const lastCheckIn = broken.records.check_ins.at(-1);
    if (lastCheckIn) lastCheckIn.held_on = "geen datum";
    expect((await refusal(broken)).message).toMatch(/‘check_ins’ passen niet/);
    // A record hung under a session that is not in the document (another partnership's).
    const hung = copy();
    const action = hung.records.reflection_actions.find((a) => a.session_id);
    if (action) action.session_id = crypto.randomUUID();
    expect((await refusal(hung)).message).toMatch(/‘reflection_actions’ gegevens van een ander/);
    // History it cannot have: a row about an account, or dated after the export.
    const planted = copy();
    planted.records.audit_log.push({
      ...planted.records.audit_log[0],
      entity: "user",
      entity_id: crypto.randomUUID(),
      after: { name: "school" },
    });
    expect((await refusal(planted)).message).toMatch(/‘audit_log’ passen niet/);
    // A value of the partnership itself the database refuses: named, not a fault of ours.
    const odd = copy();
    odd.partnership.form = "onzin";
    expect((await refusal(odd)).message).toMatch(/‘partnerships’ passen niet/);
    const notOurs = await refusal({ format: "iets anders", partnership: {} });
    expect(notOurs.code).toBe("BAD_REQUEST");
    expect(notOurs.message).toMatch(/Controleer de invoer/);

    expect(await countRows(target)).toEqual(before);
  });

  it("round-trips: imported into a fresh installation and exported again, it is the same", async () => {
    const admin = await adminOf(target);
    // A copy: the import rewrites ids in the rows it is given.
    const result = await admin.admin.transfer.import(structuredClone(document));
    const records = PARTNERSHIP_TABLES.reduce((n, t) => n + document.records[t].length, 0);
    expect(result).toEqual({
      partnershipId,
      records,
      usersMatched: 0,
      usersCreated: document.users.length,
      organisationsMatched: 0,
      organisationsCreated: document.organisations.length,
    });
    const again = await admin.admin.transfer.export({ partnershipId });
    expect(comparable(again)).toEqual(comparable(document));
    // Once there, it is not imported a second time.
    const twice = await formattedError(admin.admin.transfer.import(structuredClone(document)));
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toMatch(/staat al op deze installatie/);
    // The people it names are there, deactivated until an admin lets them in.
    const people = await target.db.select().from(users);
    expect(people.filter((u) => u.deactivatedAt).length).toBe(document.users.length);
    // Its figures are recomputed on arrival: the partnership's dashboard has them.
    const [figures] = rowsOf<{ n: number }>(
      await target.db.execute(
        sql`select count(*)::int as n from figures_collaboration where partnership_id = ${partnershipId}`,
      ),
    );
    expect(Number(figures?.n)).toBeGreaterThan(0);
  });

  it("into an installation that knows the people, matches them by e-mail address", async () => {
    const third = await openTestDatabase();
    try {
      // The same people and places, with ids of this installation's own.
      await seedDemo(third.db, hashPassword);
      const admin = await adminOf(third);
      const copy = structuredClone(document);
      copy.partnership.name = `${copy.partnership.name} (verhuisd)`;
      const result = await admin.admin.transfer.import(copy);
      expect(result).toMatchObject({ usersCreated: 0, usersMatched: document.users.length });
      expect(result.organisationsMatched).toBe(document.organisations.length);
      // Each membership belongs to this installation's account of the same address.
      const rows = rowsOf<{ email: string; same: boolean }>(
        await third.db.execute(sql`
          select u.email, true as same from memberships m join users u on u.id = m.user_id
          where m.partnership_id = ${partnershipId}`),
      );
      const exported = document.records.memberships.map(
        (m) => document.users.find((u) => u.id === m.user_id)?.email,
      );
      expect(rows.map((r) => r.email).sort()).toEqual(exported.sort());
    } finally {
      await third.close();
    }
  }, 120_000);
});
