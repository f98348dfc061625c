import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, memberships, partnerships } from "@/db/schema";
import { createCaller } from "@/server/root";
import { createContext } from "@/server/trpc";
import { formattedError } from "../helpers/errors";
import { callerFor, SECRET_PURPOSE, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;

withWorld((d, w) => {
  database = d;
  world = w;
});

const auditFor = (entity: string, entityId: string) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.id);

const newPartnership = (name: string) => ({
  name,
  municipalityId: world.muniA.id,
  form: "vindbaar" as const,
  purpose: "Sneller passende hulp",
  intendedImpact: "Minder thuiszitters",
  reflectionCadence: "quarterly" as const,
  municipalitySharing: "aggregates" as const,
});

describe("creating a partnership", () => {
  it("stores it and writes the audit log in the same transaction", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const row = await admin.partnerships.create(newPartnership("Kindcentrum Oost"));
    expect(row).toMatchObject({ name: "Kindcentrum Oost", version: 1, form: "vindbaar" });
    const audit = await auditFor("partnership", row.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "create",
      actorUserId: world.userIds.admin,
      partnershipId: row.id,
    });
    expect((audit[0]?.after as { name?: string } | undefined)?.name).toBe("Kindcentrum Oost");
  });

  it("answers a retried create with 'already exists' on the name, not a duplicate", async () => {
    const admin = await callerFor(database.db, world, "admin");
    await admin.partnerships.create(newPartnership("Dubbel verband"));
    const error = await formattedError(admin.partnerships.create(newPartnership("dubbel VERBAND")));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors).toEqual({
      name: "Naam: deze gemeente heeft al een samenwerkingsverband met deze naam",
    });
    const rows = await database.db
      .select()
      .from(partnerships)
      .where(eq(partnerships.municipalityId, world.muniA.id));
    expect(rows.filter((r) => r.name.toLowerCase() === "dubbel verband")).toHaveLength(1);
  });

  it("rejects bad input naming each field, in Dutch and in English", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const bad = { ...newPartnership("  "), form: "fusie" as never, municipalityId: "geen-id" };
    const nl = await formattedError(admin.partnerships.create(bad));
    expect(nl.code).toBe("BAD_REQUEST");
    expect(nl.fieldErrors).toEqual({
      name: "Naam: vul dit in",
      form: "Vorm van samenwerking: kies een van de mogelijkheden",
      municipalityId: "Gemeente: dit verwijst niet naar een bestaand gegeven",
    });
    expect(nl.message).toContain("Controleer de invoer");
    const en = await formattedError(admin.partnerships.create(bad), { locale: "en" });
    expect(en.fieldErrors?.name).toBe("Name: enter a value");
    expect(en.fieldErrors?.form).toBe("Form of collaboration: choose one of the options");
  });

  it("names a municipality that does not exist", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const error = await formattedError(
      admin.partnerships.create({
        ...newPartnership("Zwevend"),
        municipalityId: "00000000-0000-4000-8000-000000000000",
      }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["municipalityId"]);
  });

  it("reports a too-long name with the limit", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const error = await formattedError(admin.partnerships.create(newPartnership("x".repeat(201))));
    expect(error.fieldErrors).toEqual({ name: "Naam: gebruik hoogstens 200 tekens" });
  });
});

describe("partnership settings", () => {
  it("saves with the version read, and reports a conflict for a stale version without changing anything", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    // Not their partnership: not found (not any other error).
    const other = await formattedError(coordinator.partnerships.get({ partnershipId: world.q.id }));
    expect(other.code).toBe("NOT_FOUND");
    const p = await coordinator.partnerships.get({ partnershipId: world.p.id });
    const settings = {
      partnershipId: p.id,
      name: p.name,
      form: "geintegreerd" as const,
      purpose: "Bijgewerkt doel",
      intendedImpact: p.intendedImpact,
      reflectionCadence: "monthly" as const,
      municipalitySharing: "full" as const,
    };
    const saved = await coordinator.partnerships.update({ ...settings, version: p.version });
    expect(saved.version).toBe(p.version + 1);
    expect(saved.form).toBe("geintegreerd");

    const auditBefore = (await auditFor("partnership", p.id)).length;
    const stale = await formattedError(
      coordinator.partnerships.update({
        ...settings,
        purpose: "Overschrijving",
        version: p.version,
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toContain("Iemand anders heeft dit intussen gewijzigd");
    const after = await coordinator.partnerships.get({ partnershipId: p.id });
    expect(after.purpose).toBe("Bijgewerkt doel");
    expect(await auditFor("partnership", p.id)).toHaveLength(auditBefore);

    const audit = (await auditFor("partnership", p.id)).at(-1);
    expect((audit?.before as { purpose?: string } | undefined)?.purpose).toBe(SECRET_PURPOSE);
    expect((audit?.after as { purpose?: string } | undefined)?.purpose).toBe("Bijgewerkt doel");
  });

  it("gives NOT_FOUND for an unknown partnership and BAD_REQUEST naming the field for a malformed id", async () => {
    const admin = await callerFor(database.db, world, "admin");
    const unknown = await formattedError(
      admin.partnerships.get({ partnershipId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    const malformed = await formattedError(admin.partnerships.get({ partnershipId: "42" }));
    expect(malformed.code).toBe("BAD_REQUEST");
    expect(Object.keys(malformed.fieldErrors ?? {})).toEqual(["partnershipId"]);
  });
});

describe("partner organisations", () => {
  it("adds, refuses a duplicate, removes softly and restores", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const input = { partnershipId: world.p.id };
    const options = await coordinator.partnerships.organisationOptions(input);
    expect(options.map((o) => o.name)).toContain("Reserve-organisatie");
    expect(options.map((o) => o.name)).not.toContain("School A");

    const added = await coordinator.partnerships.addOrganisation({
      ...input,
      organisationId: world.organisations.spare.id,
      isCore: false,
      ownInterest: "Ouders een stem geven",
    });
    const duplicate = await formattedError(
      coordinator.partnerships.addOrganisation({
        ...input,
        organisationId: world.organisations.spare.id,
      }),
    );
    expect(duplicate.code).toBe("CONFLICT");
    expect(Object.keys(duplicate.fieldErrors ?? {})).toEqual(["organisationId"]);

    const removed = await coordinator.partnerships.removeOrganisation({
      ...input,
      id: added.id,
      version: added.version,
    });
    expect(removed.deletedAt).toBeInstanceOf(Date);
    expect(
      (await coordinator.partnerships.get(input)).organisations.map((o) => o.id),
    ).not.toContain(added.id);
    expect((await coordinator.partnerships.removedOrganisations(input)).map((o) => o.id)).toContain(
      added.id,
    );

    const restored = await coordinator.partnerships.restoreOrganisation({
      ...input,
      id: added.id,
      version: removed.version,
    });
    expect(restored.deletedAt).toBeNull();
    expect((await coordinator.partnerships.get(input)).organisations.map((o) => o.id)).toContain(
      added.id,
    );
    expect((await auditFor("partnership_organisation", added.id)).map((a) => a.action)).toEqual([
      "create",
      "delete",
      "restore",
    ]);
  });

  it("cannot touch another partnership's partner organisation through its own id", async () => {
    const coordinator = await callerFor(database.db, world, "otherMember");
    // The coordinator of Q names P's partner row while acting in Q: not found, nothing changed.
    const error = await formattedError(
      coordinator.partnerships.updateOrganisation({
        partnershipId: world.q.id,
        id: world.partnerSchool.id,
        version: world.partnerSchool.version,
        isCore: false,
        ownInterest: "Gekaapt",
      }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("a member's organisation", () => {
  it("is one of the partners, and stays as it was when that partner leaves", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    const own = world.memberships.leader;
    const outsider = await formattedError(
      coordinator.partnerships.changeMember({
        ...p,
        id: own.id,
        version: own.version,
        role: "leader",
        organisationId: world.organisations.team.id,
      }),
    );
    expect(outsider.fieldErrors?.organisationId).toBeTruthy();
    const set = await coordinator.partnerships.changeMember({
      ...p,
      id: own.id,
      version: own.version,
      role: "leader",
      organisationId: world.organisations.care.id,
    });
    await coordinator.partnerships.removeOrganisation({
      ...p,
      id: world.partnerCare.id,
      version: world.partnerCare.version,
    });
    const listed = (await coordinator.partnerships.members(p)).find((m) => m.id === own.id);
    expect(listed).toMatchObject({
      organisationId: world.organisations.care.id,
      organisationName: world.organisations.care.name,
    });
    // Saved again as the form shows it (the former partner still chosen): kept, not refused.
    const kept = await coordinator.partnerships.changeMember({
      ...p,
      id: own.id,
      version: set.version,
      role: "leader",
      organisationId: world.organisations.care.id,
    });
    expect(kept.organisationId).toBe(world.organisations.care.id);
    // Chosen anew it must be a partner again.
    const cleared = await coordinator.partnerships.changeMember({
      ...p,
      id: own.id,
      version: kept.version,
      role: "leader",
      organisationId: null,
    });
    const again = await formattedError(
      coordinator.partnerships.changeMember({
        ...p,
        id: own.id,
        version: cleared.version,
        role: "leader",
        organisationId: world.organisations.care.id,
      }),
    );
    expect(again.fieldErrors?.organisationId).toBeTruthy();
  });
});

describe("members", () => {
  it("invites by e-mail with the same answer whether an account exists; the invitee accepts or declines", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const input = { partnershipId: world.p.id };
    // A coordinator cannot place anyone at once.
    expect(
      (
        await formattedError(
          coordinator.partnerships.addMember({
            ...input,
            email: "newcomer@test.nl",
            role: "leader",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const badEmail = await formattedError(
      coordinator.partnerships.invite({ ...input, email: "geen-adres", role: "leader" }),
    );
    expect(badEmail.fieldErrors).toEqual({
      email: "E-mailadres: vul een geldig e-mailadres in, zoals naam@voorbeeld.nl",
    });

    // An address without an account and one with: the same answer, nothing said of accounts.
    const nobody = await coordinator.partnerships.invite({
      ...input,
      email: "niemand@test.nl",
      role: "leader",
    });
    const somebody = await coordinator.partnerships.invite({
      ...input,
      email: " NEWCOMER@test.nl ",
      role: "leader",
    });
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(nobody)).toEqual(keys(somebody));
    expect(somebody).toMatchObject({ email: "newcomer@test.nl", role: "leader" });
    // Inviting again changes the role of the one invitation.
    const twice = await coordinator.partnerships.invite({
      ...input,
      email: "newcomer@test.nl",
      role: "professional",
    });
    expect(twice.id).toBe(somebody.id);
    expect(
      (await coordinator.partnerships.invitations(input)).map((i) => [i.email, i.role]),
    ).toEqual([
      ["newcomer@test.nl", "professional"],
      ["niemand@test.nl", "leader"],
    ]);
    // A member's address: they are a member already (the coordinator sees the members anyway).
    const member = await formattedError(
      coordinator.partnerships.invite({ ...input, email: "leader@test.nl", role: "leader" }),
    );
    expect(member.fieldErrors?.email).toContain("al deelnemer");

    // Not a member until they accept; then in the invited role.
    const newcomer = createCaller(
      await createContext({ db: database.db, userId: world.users.newcomer.id }),
    );
    const mine = await newcomer.me.invitations();
    expect(mine).toEqual([
      expect.objectContaining({
        id: somebody.id,
        partnershipName: world.p.name,
        role: "professional",
      }),
    ]);
    expect((await coordinator.partnerships.members(input)).map((m) => m.email)).not.toContain(
      "newcomer@test.nl",
    );
    // An answer to the invitation as it was before the role changed is a conflict.
    expect(twice.version).toBe(somebody.version + 1);
    expect(
      (
        await formattedError(
          newcomer.me.answerInvitation({
            id: somebody.id,
            version: somebody.version,
            answer: "accepted",
          }),
        )
      ).code,
    ).toBe("CONFLICT");
    // Someone else cannot answer it.
    const leader = await callerFor(database.db, world, "leader");
    const stranger = await formattedError(
      leader.me.answerInvitation({ id: somebody.id, version: twice.version, answer: "accepted" }),
    );
    expect(stranger.code).toBe("NOT_FOUND");
    await newcomer.me.answerInvitation({
      id: somebody.id,
      version: twice.version,
      answer: "accepted",
    });
    const members = await coordinator.partnerships.members(input);
    expect(members.find((m) => m.email === "newcomer@test.nl")?.role).toBe("professional");
    expect(await newcomer.me.invitations()).toEqual([]);
    expect((await coordinator.partnerships.invitations(input)).map((i) => i.email)).toEqual([
      "niemand@test.nl",
    ]);
    // Withdrawn, an invitation is gone for its invitee too.
    const [open] = await coordinator.partnerships.invitations(input);
    if (!open) throw new Error("no open invitation");
    await coordinator.partnerships.withdrawInvitation({
      ...input,
      id: open.id,
      version: open.version,
    });
    expect(await coordinator.partnerships.invitations(input)).toEqual([]);
  });

  it("keeps at least one coordinator", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const input = { partnershipId: world.p.id };
    // An admin places a second member at once (coordinators invite).
    const admin = await callerFor(database.db, world, "admin");
    const added = await admin.partnerships.addMember({
      ...input,
      email: "other@test.nl",
      role: "professional",
    });
    const own = world.memberships.coordinator;
    const last = await formattedError(
      coordinator.partnerships.removeMember({ ...input, id: own.id, version: own.version }),
    );
    expect(last.code).toBe("CONFLICT");
    expect(last.fieldErrors?.role).toContain("minstens één coördinator");
    const demote = await formattedError(
      coordinator.partnerships.changeMember({
        ...input,
        id: own.id,
        version: own.version,
        role: "leader",
        organisationId: null,
      }),
    );
    expect(demote.code).toBe("CONFLICT");
    // Both refusals rolled back their whole transaction: the membership and its version are untouched.
    const [row] = await database.db.select().from(memberships).where(eq(memberships.id, own.id));
    expect(row).toMatchObject({ role: "coordinator", version: own.version, deletedAt: null });
    expect(await auditFor("membership", own.id)).toHaveLength(0);

    // With a second coordinator, the first may step down.
    const promoted = await coordinator.partnerships.changeMember({
      ...input,
      id: added.id,
      version: added.version,
      role: "coordinator",
      organisationId: null,
    });
    const stepped = await coordinator.partnerships.changeMember({
      ...input,
      id: own.id,
      version: own.version,
      role: "leader",
      organisationId: null,
    });
    expect(stepped.role).toBe("leader");
    // Now a leader, the former coordinator may no longer manage members.
    const demoted = await callerFor(database.db, world, "coordinator");
    const forbidden = await formattedError(
      demoted.partnerships.removeMember({ ...input, id: promoted.id, version: promoted.version }),
    );
    expect(forbidden.code).toBe("FORBIDDEN");
  });
});

describe("the audit log", () => {
  it("is append-only", async () => {
    await expect(database.db.update(auditLog).set({ action: "tampered" })).rejects.toThrow();
    await expect(database.db.delete(auditLog)).rejects.toThrow();
    const rows = await database.db.select().from(auditLog);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.action !== "tampered")).toBe(true);
  });
});
