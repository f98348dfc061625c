import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, loginAttempts, users } from "@/db/schema";
import { attemptLogin } from "@/server/login";
import { createCaller } from "@/server/root";
import { createContext } from "@/server/trpc";
import { formattedError } from "../helpers/errors";
import { callerFor, PASSWORD, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;

withWorld((d, w) => {
  database = d;
  world = w;
});

const limits = { maxPerAccount: 3, maxPerIp: 5, windowMinutes: 15 };

describe("users", () => {
  it("creates a user with an argon2id hash that logs in, and keeps the hash out of the audit log", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const created = await admin.admin.users.create({
      email: "Nieuwe.Collega@Test.nl",
      name: "Nieuwe collega",
      password: "een-goed-wachtwoord",
    });
    expect(created.email).toBe("nieuwe.collega@test.nl");
    expect(created).not.toHaveProperty("passwordHash");
    const [row] = await database.db.select().from(users).where(eq(users.id, created.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    const login = await attemptLogin(
      database.db,
      { email: "nieuwe.collega@test.nl", password: "een-goed-wachtwoord", ip: "10.0.0.1" },
      limits,
    );
    expect(login).toMatchObject({ ok: true, user: { id: created.id } });
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, created.id));
    expect(JSON.stringify(audit?.after)).not.toContain("argon2");
  });

  it("ends the sessions opened with a password once an admin sets a new one", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const created = await admin.admin.users.create({
      email: "overgenomen@test.nl",
      name: "Overgenomen account",
      password: "het-oude-wachtwoord",
    });
    const login = await attemptLogin(
      database.db,
      { email: "overgenomen@test.nl", password: "het-oude-wachtwoord", ip: "10.0.0.9" },
      limits,
    );
    if (!login.ok) throw new Error("login failed");
    const session = () =>
      createContext({ db: database.db, userId: created.id, sessionKey: login.user.key });
    expect((await session()).user?.id).toBe(created.id);
    // A session without a key (made before keys existed, or forged without one) is not valid.
    expect(
      (await createContext({ db: database.db, userId: created.id, sessionKey: null })).user,
    ).toBeNull();

    await admin.admin.users.update({
      id: created.id,
      version: created.version,
      name: created.name,
      isAdmin: false,
      active: true,
      password: "een-nieuw-wachtwoord",
    });
    expect((await session()).user).toBeNull();
    const again = await attemptLogin(
      database.db,
      { email: "overgenomen@test.nl", password: "een-nieuw-wachtwoord", ip: "10.0.0.9" },
      limits,
    );
    if (!again.ok) throw new Error("login failed");
    expect(again.user.key).not.toBe(login.user.key);
    expect(
      (await createContext({ db: database.db, userId: created.id, sessionKey: again.user.key }))
        .user?.id,
    ).toBe(created.id);
  });

  it("refuses passwords that are short, easy to guess or built on the account, by field", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const person = { email: "s.vermeer@jeugdzorg.nl", name: "Sanne Sterk" };
    const refusal = async (password: string) =>
      (await formattedError(admin.admin.users.create({ ...person, password }))).fieldErrors
        ?.password;
    // What the review got through (ten characters each), and weak ones of twelve.
    for (const short of ["aaaaaaaaaa", "1234567890", " ".repeat(10), "\u0000".repeat(10)])
      expect(await refusal(short), JSON.stringify(short)).toMatch(/minstens 12 tekens|stuurteken/);
    expect(await refusal("\u0000".repeat(12))).toContain("stuurteken");
    expect(await refusal("aaaaaaaaaaaa")).toContain("te makkelijk te raden");
    expect(await refusal("Welkom2024!!")).toContain("te makkelijk te raden");
    expect(await refusal("sanne-sterk-2024")).toContain("naam van het account");
    expect(await refusal("vermeer-familie#91")).toContain("e-mailadres");
    // The same on a change by an admin.
    const created = await admin.admin.users.create({
      ...person,
      password: "blauwe reiger vangt een vis",
    });
    const weak = await formattedError(
      admin.admin.users.update({
        id: created.id,
        version: created.version,
        name: person.name,
        isAdmin: false,
        active: true,
        password: "wachtwoord123",
      }),
    );
    expect(weak.fieldErrors?.password).toContain("te makkelijk te raden");
  });

  it("names the fields of a bad user", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const error = await formattedError(
      admin.admin.users.create({ email: "x", name: "", password: "kort" }),
    );
    expect(error.fieldErrors).toEqual({
      email: "E-mailadres: vul een geldig e-mailadres in, zoals naam@voorbeeld.nl",
      name: "Naam: vul dit in",
      password: "Wachtwoord: kies een wachtwoord van minstens 12 tekens",
    });
    const duplicate = await formattedError(
      admin.admin.users.create({
        email: "ADMIN@test.nl",
        name: "Dubbel",
        password: "een-goed-wachtwoord",
      }),
    );
    expect(duplicate).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { email: "E-mailadres: er is al een account met dit e-mailadres" },
    });
  });

  it("deactivating a user ends their access at the next request and refuses their login", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const leader = await callerFor(database.db, world, "leader");
    expect((await leader.me.get()).memberships).toHaveLength(1);
    const current = await admin.admin.users.get({ id: world.userIds.leader ?? "" });
    await admin.admin.users.update({
      id: current.id,
      version: current.version,
      name: current.name,
      isAdmin: false,
      active: false,
    });
    const after = await callerFor(database.db, world, "leader");
    const refused = await formattedError(after.me.get());
    expect(refused.code).toBe("UNAUTHORIZED");
    const login = await attemptLogin(
      database.db,
      { email: "leader@test.nl", password: PASSWORD, ip: "10.0.0.2" },
      limits,
    );
    expect(login).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("an admin cannot switch off their own account or admin rights", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const self = await admin.admin.users.get({ id: world.userIds.admin ?? "" });
    const error = await formattedError(
      admin.admin.users.update({
        id: self.id,
        version: self.version,
        name: self.name,
        isAdmin: false,
        active: true,
      }),
    );
    expect(error).toMatchObject({
      code: "FORBIDDEN",
      fieldErrors: { isAdmin: expect.stringContaining("Beheerder") },
    });
  });

  it("changes a password only when one is given, and detects a stale version", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const user = await admin.admin.users.get({ id: world.users.newcomer.id });
    const updated = await admin.admin.users.update({
      id: user.id,
      version: user.version,
      name: "Hernoemd",
      isAdmin: false,
      active: true,
      password: "",
    });
    expect(updated.name).toBe("Hernoemd");
    expect(
      (
        await attemptLogin(
          database.db,
          { email: user.email, password: PASSWORD, ip: "10.0.0.3" },
          limits,
        )
      ).ok,
    ).toBe(true);
    await admin.admin.users.update({
      id: user.id,
      version: updated.version,
      name: "Hernoemd",
      isAdmin: false,
      active: true,
      password: "nieuw-wachtwoord-123",
    });
    expect(
      (
        await attemptLogin(
          database.db,
          { email: user.email, password: "nieuw-wachtwoord-123", ip: "10.0.0.3" },
          limits,
        )
      ).ok,
    ).toBe(true);
    const stale = await formattedError(
      admin.admin.users.update({
        id: user.id,
        version: user.version,
        name: "Oud",
        isAdmin: false,
        active: true,
      }),
    );
    expect(stale.code).toBe("CONFLICT");
  });

  it("pages through users and searches them", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const first = await admin.admin.users.list({ page: 1, pageSize: 2 });
    const second = await admin.admin.users.list({ page: 2, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.total).toBeGreaterThan(4);
    expect(second.items.map((u) => u.id)).not.toContain(first.items[0]?.id);
    const found = await admin.admin.users.list({ page: 1, pageSize: 10, search: "analist" });
    expect(found.items.map((u) => u.email).sort()).toEqual([
      "analyst@test.nl",
      "national-analyst@test.nl",
      "other-analyst@test.nl",
      "region-analyst@test.nl",
    ]);
    const literal = await admin.admin.users.list({ page: 1, pageSize: 10, search: "%" });
    expect(literal.total).toBe(0);
  });

  it("grants and revokes municipality access, which drives what an analyst may open", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const access = await admin.admin.users.grantMunicipality({
      userId: world.users.newcomer.id,
      municipalityId: world.muniB.id,
    });
    const asNewcomer = async () =>
      createCaller(await createContext({ db: database.db, userId: world.users.newcomer.id }));
    const scope = { scopeKind: "municipality", scopeId: world.muniB.id } as const;
    const overview = await (await asNewcomer()).scopes.overview(scope);
    expect(overview).toMatchObject({ name: "Gemeente B", partnerships: 1 });
    expect(overview.byForm.find((f) => f.form === "vindbaar")?.partnerships).toBe(1);
    await admin.admin.users.revokeMunicipality({ id: access.id, version: access.version });
    const refused = await formattedError((await asNewcomer()).scopes.overview(scope));
    expect(refused.code).toBe("NOT_FOUND");
  });

  it("grants region access, which reaches the region and each of its municipalities", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const access = await admin.admin.users.grantRegion({
      userId: world.users.newcomer.id,
      regionId: world.muniB.regionId,
    });
    const asNewcomer = async () =>
      createCaller(await createContext({ db: database.db, userId: world.users.newcomer.id }));
    const region = await (await asNewcomer()).scopes.overview({
      scopeKind: "region",
      scopeId: world.muniB.regionId,
    });
    expect(region.name).toBe("Regio B");
    expect(region.children.map((c) => c.name)).toEqual(["Gemeente B"]);
    const municipality = { scopeKind: "municipality", scopeId: world.muniB.id } as const;
    expect((await (await asNewcomer()).scopes.overview(municipality)).parents).toEqual([
      { kind: "nation", id: "nl", name: null },
      { kind: "region", id: world.muniB.regionId, name: "Regio B" },
    ]);
    // Not the other region's municipality, nor the nation.
    for (const scope of [
      { scopeKind: "municipality", scopeId: world.muniA.id },
      { scopeKind: "nation", scopeId: "nl" },
    ] as const)
      expect((await formattedError((await asNewcomer()).scopes.overview(scope))).code).toBe(
        "NOT_FOUND",
      );
    await admin.admin.users.revokeRegion({ id: access.id, version: access.version });
    expect((await formattedError((await asNewcomer()).scopes.overview(municipality))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("login rate limiting", () => {
  it("refuses an account after repeated failures, even with the right password, and records every attempt", async () => {
    const email = "professional@test.nl";
    for (let i = 0; i < limits.maxPerAccount; i++) {
      expect(
        await attemptLogin(database.db, { email, password: "fout", ip: `10.1.0.${i}` }, limits),
      ).toEqual({ ok: false, reason: "invalid_credentials" });
    }
    expect(
      await attemptLogin(database.db, { email, password: PASSWORD, ip: "10.1.0.99" }, limits),
    ).toEqual({ ok: false, reason: "rate_limited" });
    const attempts = await database.db
      .select()
      .from(loginAttempts)
      .where(eq(loginAttempts.email, email));
    expect(attempts.map((a) => a.reason)).toEqual([
      "invalid_credentials",
      "invalid_credentials",
      "invalid_credentials",
      "rate_limited",
    ]);
    // Another account is not affected.
    expect(
      (
        await attemptLogin(
          database.db,
          { email: "other@test.nl", password: PASSWORD, ip: "10.1.0.50" },
          limits,
        )
      ).ok,
    ).toBe(true);
  });

  it("refuses an IP address after repeated failures across accounts", async () => {
    const ip = "10.2.0.1";
    for (let i = 0; i < limits.maxPerIp; i++) {
      await attemptLogin(
        database.db,
        { email: `onbekend${i}@test.nl`, password: "fout", ip },
        limits,
      );
    }
    expect(
      await attemptLogin(database.db, { email: "analyst@test.nl", password: PASSWORD, ip }, limits),
    ).toEqual({ ok: false, reason: "rate_limited" });
    expect(
      (
        await attemptLogin(
          database.db,
          { email: "analyst@test.nl", password: PASSWORD, ip: "10.2.0.2" },
          limits,
        )
      ).ok,
    ).toBe(true);
  });
});

describe("municipalities and organisations", () => {
  it("validates and normalises CBS codes", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const bad = await formattedError(
      admin.admin.municipalities.create({ cbsCode: "GM12", name: "Te kort", youthRegion: "X" }),
    );
    expect(bad.fieldErrors).toEqual({
      cbsCode: "CBS-code: vul een CBS-code in: GM gevolgd door 4 cijfers, zoals GM0363",
    });
    const created = await admin.admin.municipalities.create({
      cbsCode: " gm0363 ",
      name: "Amsterdam",
      youthRegion: "Amsterdam-Amstelland",
    });
    expect(created.cbsCode).toBe("GM0363");
    const duplicate = await formattedError(
      admin.admin.municipalities.create({ cbsCode: "GM0363", name: "Nog eens", youthRegion: "X" }),
    );
    expect(duplicate.fieldErrors).toEqual({
      cbsCode: "CBS-code: er is al een gemeente met deze CBS-code",
    });
  });

  it("refuses to remove a municipality with partnerships; removes and restores an empty one", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const inUse = await formattedError(
      admin.admin.municipalities.delete({ id: world.muniA.id, version: world.muniA.version }),
    );
    expect(inUse.code).toBe("CONFLICT");
    const empty = await admin.admin.municipalities.create({
      cbsCode: "GM0500",
      name: "Leeg",
      youthRegion: "Y",
    });
    const removed = await admin.admin.municipalities.delete({
      id: empty.id,
      version: empty.version,
    });
    expect(
      (await admin.admin.municipalities.list({ page: 1, pageSize: 50, deleted: true })).items.map(
        (m) => m.id,
      ),
    ).toContain(empty.id);
    expect((await admin.admin.municipalities.options()).map((m) => m.id)).not.toContain(empty.id);
    await admin.admin.municipalities.restore({ id: empty.id, version: removed.version });
    expect((await admin.admin.municipalities.options()).map((m) => m.id)).toContain(empty.id);
  });

  it("removes and restores organisations, and names an unknown municipality", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const org = await admin.admin.organisations.create({
      name: "Wijkteam Zuid",
      type: "wijkteam",
      municipalityId: world.muniA.id,
    });
    const missing = await formattedError(
      admin.admin.organisations.update({
        id: org.id,
        version: org.version,
        name: org.name,
        type: "wijkteam",
        municipalityId: "00000000-0000-4000-8000-000000000000",
      }),
    );
    expect(missing).toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { municipalityId: expect.stringMatching(/^Gemeente: /) },
    });
    const removed = await admin.admin.organisations.delete({ id: org.id, version: org.version });
    const active = await admin.admin.organisations.list({ page: 1, pageSize: 50, deleted: false });
    expect(active.items.map((o) => o.id)).not.toContain(org.id);
    // A removed organisation cannot be added to a partnership.
    const coordinator = await callerFor(database.db, world, "coordinator");
    const refused = await formattedError(
      coordinator.partnerships.addOrganisation({
        partnershipId: world.p.id,
        organisationId: org.id,
      }),
    );
    expect(refused.code).toBe("NOT_FOUND");
    await admin.admin.organisations.restore({ id: org.id, version: removed.version });
    const counts = await admin.admin.counts();
    expect(counts.organisations).toBe(5);
  });
});
