/**
 * The authorization matrix: every procedure of the app router, called as every kind of
 * caller. Allowed callers succeed; the rest get UNAUTHORIZED, FORBIDDEN or NOT_FOUND, and
 * their error carries none of the partnership's data. A procedure without an entry fails
 * the suite. Each call runs in a transaction that is rolled back, so calls do not interfere.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Db } from "@/db/types";
import { appRouter } from "@/server/root";
import { openTestDatabase } from "../helpers/db";
import {
  type Actor,
  actors,
  callerFor,
  createWorld,
  SECRET_PURPOSE,
  type World,
} from "../helpers/world";

type Entry = { allowed: readonly Actor[]; input: (w: World) => unknown };

const signedIn = actors.filter((a) => a !== "anonymous");
const pMembers = ["coordinator", "leader", "professional", "admin"] as const;
const pManagers = ["coordinator", "admin"] as const;
const adminOnly = ["admin"] as const;
const page = { page: 1, pageSize: 10 };

const matrix: Record<string, Entry> = {
  "me.get": { allowed: signedIn, input: () => undefined },

  "partnerships.list": { allowed: signedIn, input: () => page },
  "partnerships.get": { allowed: pMembers, input: (w) => ({ partnershipId: w.p.id }) },
  "partnerships.create": {
    allowed: adminOnly,
    input: (w) => ({
      municipalityId: w.muniA.id,
      name: "Nieuw verband",
      form: "vindbaar",
      reflectionCadence: "quarterly",
      municipalitySharing: "aggregates",
    }),
  },
  "partnerships.update": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      version: w.p.version,
      name: "Samenwerking P (nieuw)",
      form: "geintegreerd",
      purpose: "Een nieuw doel",
      intendedImpact: "Impact",
      reflectionCadence: "monthly",
      municipalitySharing: "full",
    }),
  },
  "partnerships.removedOrganisations": {
    allowed: pManagers,
    input: (w) => ({ partnershipId: w.p.id }),
  },
  "partnerships.organisationOptions": {
    allowed: pManagers,
    input: (w) => ({ partnershipId: w.p.id }),
  },
  "partnerships.addOrganisation": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      organisationId: w.organisations.spare.id,
      isCore: true,
      ownInterest: "Meedoen",
    }),
  },
  "partnerships.updateOrganisation": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      id: w.partnerCare.id,
      version: w.partnerCare.version,
      isCore: true,
      ownInterest: "Eerder hulp",
    }),
  },
  "partnerships.removeOrganisation": {
    allowed: pManagers,
    input: (w) => ({ partnershipId: w.p.id, id: w.partnerCare.id, version: w.partnerCare.version }),
  },
  "partnerships.restoreOrganisation": {
    // Restoring an active row is a NOT_FOUND for everyone: the matrix only proves who gets past
    // authorization, so this entry uses a removed row prepared in `prepare` below.
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      id: removedPartner(w).id,
      version: removedPartner(w).version,
    }),
  },
  "partnerships.members": { allowed: pMembers, input: (w) => ({ partnershipId: w.p.id }) },
  "partnerships.addMember": {
    allowed: pManagers,
    input: (w) => ({ partnershipId: w.p.id, email: w.users.newcomer.email, role: "professional" }),
  },
  "partnerships.changeMemberRole": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      id: w.memberships.professional.id,
      version: w.memberships.professional.version,
      role: "leader",
    }),
  },
  "partnerships.removeMember": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      id: w.memberships.leader.id,
      version: w.memberships.leader.version,
    }),
  },

  "municipalities.overview": {
    allowed: ["analyst", "admin"],
    input: (w) => ({ municipalityId: w.muniA.id }),
  },

  "admin.counts": { allowed: adminOnly, input: () => undefined },
  "admin.users.list": { allowed: adminOnly, input: () => page },
  "admin.users.get": { allowed: adminOnly, input: (w) => ({ id: w.users.newcomer.id }) },
  "admin.users.create": {
    allowed: adminOnly,
    input: () => ({ email: "nieuw@test.nl", name: "Nieuw", password: "een-lang-wachtwoord" }),
  },
  "admin.users.update": {
    allowed: adminOnly,
    input: (w) => ({
      id: w.users.newcomer.id,
      version: w.users.newcomer.version,
      name: "Nieuwe naam",
      isAdmin: false,
      active: true,
    }),
  },
  "admin.users.grantMunicipality": {
    allowed: adminOnly,
    input: (w) => ({ userId: w.users.newcomer.id, municipalityId: w.muniB.id }),
  },
  "admin.users.revokeMunicipality": {
    allowed: adminOnly,
    input: (w) => ({ id: w.analystAccess?.id, version: w.analystAccess?.version }),
  },
  "admin.organisations.list": { allowed: adminOnly, input: () => page },
  "admin.organisations.create": {
    allowed: adminOnly,
    input: (w) => ({ name: "Nieuwe school", type: "school_vo", municipalityId: w.muniA.id }),
  },
  "admin.organisations.update": {
    allowed: adminOnly,
    input: (w) => ({
      id: w.organisations.spare.id,
      version: w.organisations.spare.version,
      name: "Andere naam",
      type: "overig",
      municipalityId: null,
    }),
  },
  "admin.organisations.delete": {
    allowed: adminOnly,
    input: (w) => ({ id: w.organisations.spare.id, version: w.organisations.spare.version }),
  },
  "admin.organisations.restore": {
    allowed: adminOnly,
    input: (w) => ({ id: removedOrganisation(w).id, version: removedOrganisation(w).version }),
  },
  "admin.municipalities.list": { allowed: adminOnly, input: () => page },
  "admin.municipalities.options": { allowed: adminOnly, input: () => undefined },
  "admin.municipalities.create": {
    allowed: adminOnly,
    input: () => ({ cbsCode: "GM0999", name: "Nieuwegein-Test", youthRegion: "Lekstroom" }),
  },
  "admin.municipalities.update": {
    allowed: adminOnly,
    input: (w) => ({
      id: w.muniB.id,
      version: w.muniB.version,
      cbsCode: "GM0002",
      name: "Gemeente B2",
      youthRegion: "Regio B",
    }),
  },
  "admin.municipalities.delete": {
    allowed: adminOnly,
    input: (w) => ({ id: removableMunicipality(w).id, version: removableMunicipality(w).version }),
  },
  "admin.municipalities.restore": {
    allowed: adminOnly,
    input: (w) => ({ id: removedMunicipality(w).id, version: removedMunicipality(w).version }),
  },
};

// Records in a removed state (or free of dependants), made once in beforeAll.
type Row = { id: string; version: number };
let prepared: {
  removedPartner: Row;
  removedOrganisation: Row;
  removableMunicipality: Row;
  removedMunicipality: Row;
};
const removedPartner = (_: World) => prepared.removedPartner;
const removedOrganisation = (_: World) => prepared.removedOrganisation;
const removableMunicipality = (_: World) => prepared.removableMunicipality;
const removedMunicipality = (_: World) => prepared.removedMunicipality;

let database: Database;
let world: World;

class Rollback extends Error {}

/** Calls `path` as `actor` inside a transaction that is always rolled back. */
async function call(db: Db, actor: Actor, path: string, input: unknown) {
  let outcome: { ok: true; value: unknown } | { ok: false; error: unknown } = {
    ok: false,
    error: null,
  };
  try {
    await db.transaction(async (tx) => {
      const caller = await callerFor(tx as unknown as Db, world, actor);
      const fn = path
        .split(".")
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
      try {
        outcome = { ok: true, value: await (fn as (i: unknown) => Promise<unknown>)(input) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return outcome;
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database.db);
  const admin = await callerFor(database.db, world, "admin");
  const extraPartner = await admin.partnerships.addOrganisation({
    partnershipId: world.p.id,
    organisationId: world.organisations.team.id,
  });
  const removed = await admin.partnerships.removeOrganisation({
    partnershipId: world.p.id,
    id: extraPartner.id,
    version: extraPartner.version,
  });
  const org = await admin.admin.organisations.create({
    name: "Opgeheven organisatie",
    type: "overig",
  });
  const removedOrg = await admin.admin.organisations.delete({ id: org.id, version: org.version });
  const removable = await admin.admin.municipalities.create({
    cbsCode: "GM0100",
    name: "Leeg",
    youthRegion: "X",
  });
  const gone = await admin.admin.municipalities.create({
    cbsCode: "GM0101",
    name: "Opgeheven",
    youthRegion: "X",
  });
  const goneRemoved = await admin.admin.municipalities.delete({
    id: gone.id,
    version: gone.version,
  });
  prepared = {
    removedPartner: removed,
    removedOrganisation: removedOrg,
    removableMunicipality: removable,
    removedMunicipality: goneRemoved,
  };
});

afterAll(async () => {
  await database?.close();
});

describe("authorization matrix", () => {
  const procedures = Object.keys(appRouter._def.procedures).sort();

  it("has an entry for every procedure of the app router, and no stale ones", () => {
    expect(procedures.filter((p) => !(p in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((p) => !procedures.includes(p))).toEqual([]);
  });

  for (const path of procedures) {
    describe(path, () => {
      for (const actor of actors) {
        const entry = matrix[path];
        const allowed = entry?.allowed.includes(actor) ?? false;
        it(`${actor} is ${allowed ? "allowed" : "refused"}`, async () => {
          if (!entry) throw new Error(`no matrix entry for ${path}`);
          const outcome = await call(database.db, actor, path, entry.input(world));
          if (allowed) {
            if (!outcome.ok) throw outcome.error;
            return;
          }
          expect(outcome.ok).toBe(false);
          const error = (outcome as { error: unknown }).error;
          expect(error).toBeInstanceOf(TRPCError);
          const code = (error as TRPCError).code;
          if (actor === "anonymous") expect(code).toBe("UNAUTHORIZED");
          else expect(["FORBIDDEN", "NOT_FOUND"]).toContain(code);
          expect(
            JSON.stringify({
              message: (error as Error).message,
              cause: String((error as TRPCError).cause),
            }),
          ).not.toContain(SECRET_PURPOSE);
        });
      }
    });
  }
});
