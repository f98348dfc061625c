import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, voiceLinks } from "@/db/schema";
import { formattedError } from "../helpers/errors";
import { caseGoalFields } from "../helpers/fixtures";
import { anonymousFrom, callerFor, ownPartnership, type World, withWorld } from "../helpers/world";

let database: Database;
let shared: World;
let world: World;
withWorld((d, w) => {
  database = d;
  shared = w;
});
// Each test in a partnership of its own, so that it passes alone and in any order.
beforeEach(async () => {
  world = await ownPartnership(database.db, shared);
});

const anonymous = (ip = "192.0.2.10") => anonymousFrom(database.db, ip);

describe("cases", () => {
  it("get a generated code; details are for coordinators and assigned professionals only, and reads are audited", async () => {
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    const created = await professional.cases.create({
      ...p,
      ageBand: "4-12",
      schoolType: "po",
      problemDomains: ["learning", "home_situation"],
    });
    expect(created.code).toMatch(
      /^[ACDEFGHJKLMNPQRTUVWXY34679]{3}-[ACDEFGHJKLMNPQRTUVWXY34679]{3}$/,
    );
    const ref = { ...p, caseId: created.id };

    const detail = await professional.cases.get(ref);
    expect(detail.assignments.map((a) => a.userId)).toEqual([world.userIds.professional]);
    const reads = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "read")));
    expect(reads).toHaveLength(1);
    expect(reads[0]?.actorUserId).toBe(world.userIds.professional);

    for (const actor of ["professional2", "leader", "admin", "otherMember", "analyst"] as const) {
      const caller = await callerFor(database.db, world, actor);
      const error = await formattedError(caller.cases.get(ref));
      expect(["NOT_FOUND", "FORBIDDEN"], actor).toContain(error.code);
    }
    expect(
      (await (await callerFor(database.db, world, "professional2")).cases.list(p)).items,
    ).toEqual([]);
    const coordinator = await callerFor(database.db, world, "coordinator");
    expect((await coordinator.cases.list(p)).items.map((c) => c.id)).toContain(created.id);

    await coordinator.cases.assign({ ...ref, userId: world.userIds.professional2 ?? "" });
    expect((await (await callerFor(database.db, world, "professional2")).cases.get(ref)).code).toBe(
      created.code,
    );
    const leaderAssigned = await formattedError(
      coordinator.cases.assign({ ...ref, userId: world.userIds.leader ?? "" }),
    );
    expect(leaderAssigned.code).toBe("BAD_REQUEST");
  });

  it("refuses personal identifiers in free text, naming the field and what to remove", async () => {
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    const bsn = await formattedError(
      professional.cases.create({
        ...p,
        ageBand: "4-12",
        schoolType: "po",
        internalReference: "BSN 111222333",
      }),
    );
    expect(bsn.fieldErrors).toEqual({
      internalReference:
        "Eigen kenmerk: haal het BSN (burgerservicenummer) weg; schrijf geen persoonsgegevens op",
    });
    const created = await professional.cases.create({
      ...p,
      ageBand: "12-16",
      schoolType: "vo",
      internalReference: "Dossier 2026-17",
    });
    const address = await formattedError(
      professional.cases.addGoal({
        ...p,
        caseId: created.id,
        ...caseGoalFields,
        description: "Woont op Dorpsstraat 12, 1234 AB",
      }),
    );
    expect(address.fieldErrors?.description).toContain("postcode met huisnummer");
    const phone = await formattedError(
      professional.cases.addCheckIn({
        ...p,
        caseId: created.id,
        clientRequestId: crypto.randomUUID(),
        heldOn: "2026-03-01",
        ratings: [
          {
            perspective: "school",
            collaboration: 3,
            wellbeing: 3,
            comment: "Moeder bellen op 06-12345678",
          },
        ],
      }),
    );
    expect(phone.fieldErrors?.["ratings.0.comment"]).toContain("telefoonnummer");
  });

  it("stores a check-in once even when the form retries, and computes GAS and signals", async () => {
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    const created = await professional.cases.create({
      ...p,
      ageBand: "4-12",
      schoolType: "so",
      openedOn: "2025-01-01",
    });
    const ref = { ...p, caseId: created.id };
    const g = await professional.cases.addGoal({ ...ref, ...caseGoalFields });
    const checkIn = (
      heldOn: string,
      wellbeing: number,
      school: number,
      gas: number,
      id = crypto.randomUUID(),
    ) =>
      professional.cases.addCheckIn({
        ...ref,
        clientRequestId: id,
        heldOn,
        professionalChanges: 1,
        ratings: [
          { perspective: "school", collaboration: school, wellbeing },
          { perspective: "youth_care", collaboration: 3, wellbeing },
        ],
        gasScores: [{ caseGoalId: g.id, score: gas }],
      });
    const requestId = crypto.randomUUID();
    const first = await checkIn("2025-03-01", 3, 3, -1, requestId);
    const retried = await checkIn("2025-03-01", 3, 3, -1, requestId);
    expect(retried.id).toBe(first.id);
    await checkIn("2025-06-01", 3, 5, 0);
    await checkIn("2025-09-01", 2, 1, 1);
    const detail = await professional.cases.get(ref);
    expect(detail.timeline).toHaveLength(3);
    // One goal of weight 1: T = 50 + 10·x / √(0.7 + 0.3) = 50 + 10·x.
    expect(detail.timeline.map((c) => c.gasT)).toEqual([40, 50, 60]);
    // Wellbeing 3, 3, 2: no step up over the last three check-ins.
    expect(detail.signals.noProgress).toBe(true);
    // School says 1 and youth care 3 on collaboration: a gap of 2.
    expect(detail.signals.disagreement).toBe(true);
    const flagged = await professional.cases.list({ ...p, signal: "no_progress" });
    expect(flagged.items.map((c) => c.id)).toEqual([created.id]);
  });

  it("corrects a check-in with its version, keeps the parent's own answer, and removes one entered by mistake", async () => {
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    const created = await professional.cases.create({
      ...p,
      ageBand: "12-16",
      schoolType: "vo",
      openedOn: "2025-01-01",
    });
    const ref = { ...p, caseId: created.id };
    const g = await professional.cases.addGoal({ ...ref, ...caseGoalFields });
    const link = await professional.cases.createLink({ ...ref, perspective: "parent" });
    await (await anonymous("192.0.2.44")).voice.submit({
      token: link.path.replace("/stem/", ""),
      collaboration: 2,
      wellbeing: 3,
      comment: "",
    });
    const first = await professional.cases.addCheckIn({
      ...ref,
      clientRequestId: crypto.randomUUID(),
      heldOn: "2025-03-01",
      ratings: [{ perspective: "school", collaboration: 1, wellbeing: 1 }],
      referrals: [{ kind: "specialist_youth_care", judgement: "too_quick" }],
      gasScores: [{ caseGoalId: g.id, score: -2 }],
    });

    const corrected = await professional.cases.updateCheckIn({
      ...ref,
      checkInId: first.id,
      version: first.version,
      heldOn: "2025-03-02",
      professionalChanges: 1,
      ratings: [{ perspective: "school", collaboration: 4, wellbeing: 3, comment: "Beter" }],
      referrals: [],
      gasScores: [{ caseGoalId: g.id, score: 1 }],
    });
    expect(corrected.version).toBe(first.version + 1);
    const [entry] = (await professional.cases.get(ref)).timeline;
    expect(entry).toMatchObject({ heldOn: "2025-03-02", professionalChanges: 1, gasT: 60 });
    expect(entry?.referrals).toEqual([]);
    expect(
      entry?.ratings.map((r) => [r.perspective, r.collaboration, r.wellbeing, r.viaLink]).sort(),
    ).toEqual([
      ["parent", 2, 3, true],
      ["school", 4, 3, false],
    ]);

    // A stale version is a conflict, and nothing of it is written.
    const stale = await formattedError(
      professional.cases.updateCheckIn({
        ...ref,
        checkInId: first.id,
        version: first.version,
        heldOn: "2025-04-01",
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect((await professional.cases.get(ref)).timeline[0]?.heldOn).toBe("2025-03-02");
    // The parent's own answer is theirs: a professional cannot overwrite it.
    const overwrite = await formattedError(
      professional.cases.updateCheckIn({
        ...ref,
        checkInId: first.id,
        version: corrected.version,
        heldOn: "2025-03-02",
        ratings: [{ perspective: "parent", collaboration: 5, wellbeing: 5 }],
      }),
    );
    expect(Object.keys(overwrite.fieldErrors ?? {})).toEqual(["ratings"]);
    expect(overwrite.fieldErrors?.ratings).toContain("persoonlijke link");
    // Another case's check-in is not reachable through this case.
    const other = await professional.cases.create({ ...p, ageBand: "0-4", schoolType: "none" });
    const foreign = await formattedError(
      professional.cases.updateCheckIn({
        ...p,
        caseId: other.id,
        checkInId: first.id,
        version: corrected.version,
        heldOn: "2025-03-02",
      }),
    );
    expect(foreign.code).toBe("NOT_FOUND");

    // Removing it: gone from the case, the parent's answer waits for the next check-in again.
    await professional.cases.removeCheckIn({
      ...ref,
      checkInId: first.id,
      version: corrected.version,
    });
    const after = await professional.cases.get(ref);
    expect(after.timeline).toEqual([]);
    expect(after.pendingVoices.map((v) => v.perspective)).toEqual(["parent"]);
    const trail = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "check_in"), eq(auditLog.entityId, first.id)));
    expect(trail.map((a) => a.action).sort()).toEqual(["create", "delete", "update"]);
    const update = trail.find((a) => a.action === "update");
    expect(JSON.stringify(update?.before)).toContain("too_quick");
  });

  it("closes with the outcome set, after which no check-ins or links are added", async () => {
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    const created = await professional.cases.create({
      ...p,
      ageBand: "16-18",
      schoolType: "mbo",
      openedOn: "2025-02-01",
    });
    const ref = { ...p, caseId: created.id };
    const early = await formattedError(
      professional.cases.close({
        ...ref,
        version: created.version,
        closedOn: "2024-12-31",
        ending: "planned",
      }),
    );
    expect(Object.keys(early.fieldErrors ?? {})).toEqual(["closedOn"]);
    const closed = await professional.cases.close({
      ...ref,
      version: created.version,
      closedOn: "2026-01-15",
      ending: "dropout",
      continuesWithoutHelp: false,
      satisfactionParent: 2,
    });
    expect(closed).toMatchObject({
      closedOn: "2026-01-15",
      ending: "dropout",
      satisfactionParent: 2,
    });
    expect(
      (await formattedError(professional.cases.createLink({ ...ref, perspective: "parent" }))).code,
    ).toBe("CONFLICT");
    expect(
      (await professional.cases.list({ ...p, status: "closed" })).items.map((c) => c.id),
    ).toContain(created.id);
  });
});

describe("the parent's and young person's own view", () => {
  it("works once through a personal link, stores one answer for a double tap, and joins the next check-in", async () => {
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    const created = await professional.cases.create({
      ...p,
      ageBand: "12-16",
      schoolType: "vo",
      openedOn: "2026-09-01",
    });
    const ref = { ...p, caseId: created.id };
    const link = await professional.cases.createLink({ ...ref, perspective: "parent" });
    const token = link.path.replace("/stem/", "");
    expect(token.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
    const [stored] = await database.db.select().from(voiceLinks).where(eq(voiceLinks.id, link.id));
    expect(stored?.tokenHash).not.toContain(token);
    expect(stored?.tokenHash).toHaveLength(64);

    const parent = await anonymous();
    const opened = await parent.voice.open({ token });
    expect(opened).toEqual({
      perspective: "parent",
      answered: false,
      expiresAt: expect.any(Date),
      replies: [],
    });
    expect(Object.keys(opened)).not.toContain("code");

    const answer = {
      token,
      collaboration: 2,
      wellbeing: 4,
      comment: "Er wordt nu meer met ons gepraat",
    };
    const [one, two] = await Promise.all([
      parent.voice.submit(answer),
      parent.voice.submit(answer),
    ]);
    expect([one.alreadyReceived, two.alreadyReceived].sort()).toEqual([false, true]);
    expect((await parent.voice.open({ token })).answered).toBe(true);
    const guarded = await formattedError(
      parent.voice.submit({ ...answer, comment: "mail ons op ouder@example.nl" }),
    );
    expect(guarded.fieldErrors?.comment).toContain("e-mailadres");

    expect((await professional.cases.get(ref)).pendingVoices).toHaveLength(1);
    await professional.cases.addCheckIn({
      ...ref,
      clientRequestId: crypto.randomUUID(),
      heldOn: "2026-11-01",
      ratings: [{ perspective: "school", collaboration: 4, wellbeing: 4 }],
    });
    const detail = await professional.cases.get(ref);
    expect(detail.pendingVoices).toEqual([]);
    expect(detail.timeline[0]?.ratings.find((r) => r.perspective === "parent")).toMatchObject({
      collaboration: 2,
      wellbeing: 4,
      viaLink: true,
      comment: "Er wordt nu meer met ons gepraat",
    });
    const uses = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "voice_link"), eq(auditLog.entityId, link.id)));
    expect(uses.map((u) => u.action).sort()).toEqual(["create", "open", "open", "submit"]);
  });

  it("refuses wrong, expired and revoked links alike, and limits attempts per IP address", async () => {
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    const created = await professional.cases.create({ ...p, ageBand: "0-4", schoolType: "none" });
    const ref = { ...p, caseId: created.id };
    const revoked = await professional.cases.createLink({ ...ref, perspective: "young_person" });
    await professional.cases.revokeLink({ ...ref, linkId: revoked.id });
    const expired = await professional.cases.createLink({ ...ref, perspective: "parent" });
    await database.db
      .update(voiceLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(voiceLinks.id, expired.id));

    const visitor = await anonymous("198.51.100.7");
    for (const token of ["x".repeat(43), revoked.path.slice(6), expired.path.slice(6)]) {
      const error = await formattedError(visitor.voice.open({ token }));
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toContain("Deze link werkt niet (meer)");
    }
    for (let i = 0; i < 20; i++)
      await visitor.voice.open({ token: `${"y".repeat(42)}${i}` }).catch(() => {});
    const limited = await formattedError(visitor.voice.open({ token: expired.path.slice(6) }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    // Another address is not affected.
    const other = await formattedError(
      (await anonymous("198.51.100.8")).voice.open({ token: "z".repeat(43) }),
    );
    expect(other.code).toBe("NOT_FOUND");
  });
});
