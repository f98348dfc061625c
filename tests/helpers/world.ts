/**
 * A small world for integration tests: two municipalities, two partnerships, and one person
 * in every position the authorization matrix asks about.
 */
import { afterAll, beforeAll } from "vitest";
import type { Database } from "@/db/client";
import { regionIdFor } from "@/db/queries/places";
import {
  memberships,
  municipalities,
  municipalityAccess,
  organisations,
  partnershipOrganisations,
  partnerships,
  regionAccess,
  users,
} from "@/db/schema";
import type { Db } from "@/db/types";
import type { Locale } from "@/i18n/locales";
import { hashPassword } from "@/server/passwords";
import { createCaller } from "@/server/root";
import { createContext } from "@/server/trpc";
import { openTestDatabase } from "./db";

export const actors = [
  "anonymous",
  "otherMember",
  "coordinator",
  "leader",
  "professional",
  /** A professional of the same partnership who is not assigned to the world's case. */
  "professional2",
  "otherAnalyst",
  "analyst",
  /** An analyst of Regio A, the region of P's municipality. */
  "regionAnalyst",
  "nationalAnalyst",
  "admin",
] as const;
export type Actor = (typeof actors)[number];

/** Text only partnership P holds: it must never appear in an error sent to outsiders. */
export const SECRET_PURPOSE = "Geheim doel van samenwerkingsverband P";
export const PASSWORD = "correct horse battery";

export async function createWorld(db: Db) {
  const [muniA, muniB] = await db
    .insert(municipalities)
    .values([
      {
        cbsCode: "GM0001",
        name: "Gemeente A",
        youthRegion: "Regio A",
        regionId: await regionIdFor(db, "Regio A"),
      },
      {
        cbsCode: "GM0002",
        name: "Gemeente B",
        youthRegion: "Regio B",
        regionId: await regionIdFor(db, "Regio B"),
      },
    ])
    .returning();
  if (!muniA || !muniB) throw new Error("world: municipalities");
  const [school, care, team, spare] = await db
    .insert(organisations)
    .values([
      { name: "School A", type: "school_po", municipalityId: muniA.id },
      { name: "Jeugdhulp A", type: "jeugdhulp", municipalityId: muniA.id },
      { name: "Wijkteam B", type: "wijkteam", municipalityId: muniB.id },
      { name: "Reserve-organisatie", type: "overig", municipalityId: null },
    ])
    .returning();
  if (!school || !care || !team || !spare) throw new Error("world: organisations");
  const [p, q] = await db
    .insert(partnerships)
    .values([
      {
        name: "Samenwerking P",
        municipalityId: muniA.id,
        form: "op_school",
        purpose: SECRET_PURPOSE,
      },
      { name: "Samenwerking Q", municipalityId: muniB.id, form: "vindbaar" },
    ])
    .returning();
  if (!p || !q) throw new Error("world: partnerships");
  const [partnerSchool, partnerCare] = await db
    .insert(partnershipOrganisations)
    .values([
      { partnershipId: p.id, organisationId: school.id, isCore: true },
      { partnershipId: p.id, organisationId: care.id, isCore: false },
      { partnershipId: q.id, organisationId: team.id, isCore: true },
    ])
    .returning();
  if (!partnerSchool || !partnerCare) throw new Error("world: partner organisations");
  const passwordHash = await hashPassword(PASSWORD);
  const people = await db
    .insert(users)
    .values([
      { email: "admin@test.nl", name: "Admin", passwordHash, isAdmin: true },
      { email: "coordinator@test.nl", name: "Coördinator P", passwordHash },
      { email: "leader@test.nl", name: "Leider P", passwordHash },
      { email: "professional@test.nl", name: "Professional P", passwordHash },
      { email: "professional2@test.nl", name: "Tweede professional P", passwordHash },
      { email: "other@test.nl", name: "Coördinator Q", passwordHash },
      { email: "analyst@test.nl", name: "Analist A", passwordHash },
      { email: "other-analyst@test.nl", name: "Analist B", passwordHash },
      { email: "region-analyst@test.nl", name: "Analist Regio A", passwordHash },
      {
        email: "national-analyst@test.nl",
        name: "Landelijk analist",
        passwordHash,
        isNationalAnalyst: true,
      },
      { email: "newcomer@test.nl", name: "Nieuwkomer", passwordHash },
    ])
    .returning();
  const user = (email: string) => {
    const found = people.find((u) => u.email === email);
    if (!found) throw new Error(`world: ${email}`);
    return found;
  };
  const roles = await db
    .insert(memberships)
    .values([
      { userId: user("coordinator@test.nl").id, partnershipId: p.id, role: "coordinator" },
      { userId: user("leader@test.nl").id, partnershipId: p.id, role: "leader" },
      { userId: user("professional@test.nl").id, partnershipId: p.id, role: "professional" },
      { userId: user("professional2@test.nl").id, partnershipId: p.id, role: "professional" },
      { userId: user("other@test.nl").id, partnershipId: q.id, role: "coordinator" },
    ])
    .returning();
  const access = await db
    .insert(municipalityAccess)
    .values([
      { userId: user("analyst@test.nl").id, municipalityId: muniA.id },
      { userId: user("other-analyst@test.nl").id, municipalityId: muniB.id },
    ])
    .returning();
  await db
    .insert(regionAccess)
    .values({ userId: user("region-analyst@test.nl").id, regionId: muniA.regionId });
  const membership = (email: string) => {
    const found = roles.find((m) => m.userId === user(email).id);
    if (!found) throw new Error(`world: membership ${email}`);
    return found;
  };
  const userIds: Record<Actor, string | null> = {
    anonymous: null,
    otherMember: user("other@test.nl").id,
    coordinator: user("coordinator@test.nl").id,
    leader: user("leader@test.nl").id,
    professional: user("professional@test.nl").id,
    professional2: user("professional2@test.nl").id,
    otherAnalyst: user("other-analyst@test.nl").id,
    analyst: user("analyst@test.nl").id,
    regionAnalyst: user("region-analyst@test.nl").id,
    nationalAnalyst: user("national-analyst@test.nl").id,
    admin: user("admin@test.nl").id,
  };
  return {
    muniA,
    muniB,
    organisations: { school, care, team, spare },
    p,
    q,
    partnerSchool,
    partnerCare,
    users: {
      newcomer: user("newcomer@test.nl"),
      admin: user("admin@test.nl"),
      analyst: user("analyst@test.nl"),
      professional: user("professional@test.nl"),
      professional2: user("professional2@test.nl"),
    },
    memberships: {
      coordinator: membership("coordinator@test.nl"),
      leader: membership("leader@test.nl"),
      professional: membership("professional@test.nl"),
    },
    analystAccess: access[0],
    userIds,
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

let ownPartnerships = 0;

/**
 * The world with a partnership of its own in the place of P, for a test that must run alone and
 * in any order: whatever other tests in the file did in P, it neither sees nor disturbs it. Like
 * P it lies in municipality A, has School A (core) and Jeugdhulp A as partners, keeps P's purpose
 * and has its own coordinator, leader and two professionals, named as P's people are. Everyone
 * else (the admin, the analysts, Q and its coordinator, the newcomer) is the world's.
 */
export async function ownPartnership(db: Db, world: World): Promise<World> {
  const n = ++ownPartnerships;
  const [p] = await db
    .insert(partnerships)
    .values({
      name: `Samenwerking P${n}`,
      municipalityId: world.muniA.id,
      form: "op_school",
      purpose: SECRET_PURPOSE,
    })
    .returning();
  if (!p) throw new Error("own partnership");
  const [partnerSchool, partnerCare] = await db
    .insert(partnershipOrganisations)
    .values([
      { partnershipId: p.id, organisationId: world.organisations.school.id, isCore: true },
      { partnershipId: p.id, organisationId: world.organisations.care.id, isCore: false },
    ])
    .returning();
  if (!partnerSchool || !partnerCare) throw new Error("own partnership: partner organisations");
  // PASSWORD, as for everyone in the world: hashed once, in createWorld.
  const passwordHash = world.users.admin.passwordHash;
  const [coordinator, leader, professional, professional2] = await db
    .insert(users)
    .values([
      { email: `coordinator.p${n}@test.nl`, name: "Coördinator P", passwordHash },
      { email: `leader.p${n}@test.nl`, name: "Leider P", passwordHash },
      { email: `professional.p${n}@test.nl`, name: "Professional P", passwordHash },
      { email: `professional2.p${n}@test.nl`, name: "Tweede professional P", passwordHash },
    ])
    .returning();
  if (!coordinator || !leader || !professional || !professional2)
    throw new Error("own partnership: people");
  const [asCoordinator, asLeader, asProfessional] = await db
    .insert(memberships)
    .values([
      { userId: coordinator.id, partnershipId: p.id, role: "coordinator" },
      { userId: leader.id, partnershipId: p.id, role: "leader" },
      { userId: professional.id, partnershipId: p.id, role: "professional" },
      { userId: professional2.id, partnershipId: p.id, role: "professional" },
    ])
    .returning();
  if (!asCoordinator || !asLeader || !asProfessional) throw new Error("own partnership: roles");
  return {
    ...world,
    p,
    partnerSchool,
    partnerCare,
    users: { ...world.users, professional, professional2 },
    memberships: { coordinator: asCoordinator, leader: asLeader, professional: asProfessional },
    userIds: {
      ...world.userIds,
      coordinator: coordinator.id,
      leader: leader.id,
      professional: professional.id,
      professional2: professional2.id,
    },
  };
}

/** A tRPC caller acting as `actor`, with a context built without a request. */
export async function callerFor(db: Db, world: World, actor: Actor, locale: Locale = "nl") {
  return createCaller(await createContext({ db, userId: world.userIds[actor], locale }));
}

/** A caller without a session, as a parent or a stranger reaches the public procedures. */
export async function anonymousFrom(db: Db, ip: string) {
  return createCaller(await createContext({ db, userId: null, ip }));
}

/** A new case in the world's partnership with a parent's personal link: the link's token. */
export async function personalLinkToken(db: Db, world: World): Promise<string> {
  const professional = await callerFor(db, world, "professional");
  const p = { partnershipId: world.p.id };
  const created = await professional.cases.create({ ...p, ageBand: "12-16", schoolType: "vo" });
  const link = await professional.cases.createLink({
    ...p,
    caseId: created.id,
    perspective: "parent",
  });
  return link.path.replace("/stem/", "");
}

/** A fresh database with the world in it for the test file, handed to `onReady`; closed afterwards. */
export function withWorld(onReady: (database: Database, world: World) => void | Promise<void>) {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
    await onReady(database, await createWorld(database.db));
  });
  afterAll(async () => database?.close());
}
