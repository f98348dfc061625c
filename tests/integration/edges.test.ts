/**
 * Edges a user can reach by typing or by timing: each gets a clear answer naming the field (or a
 * calm refusal), never a 500, and never a record in the wrong place.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, voiceResponses } from "@/db/schema";
import { createCaller } from "@/server/root";
import { createContext } from "@/server/trpc";
import { formattedError } from "../helpers/errors";
import { caseGoalFields, goalFields } from "../helpers/fixtures";
import { callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

describe("check-ins", () => {
  it("are dated while the case runs, and score each goal once", async () => {
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    const c = await professional.cases.create({
      ...p,
      ageBand: "4-12",
      schoolType: "po",
      openedOn: "2026-01-10",
    });
    const ref = { ...p, caseId: c.id };
    const g = await professional.cases.addGoal({ ...ref, ...caseGoalFields });
    const add = (heldOn: string, gasScores: { caseGoalId: string; score: number }[] = []) =>
      formattedError(
        professional.cases.addCheckIn({
          ...ref,
          clientRequestId: crypto.randomUUID(),
          heldOn,
          gasScores,
        }),
      );
    const early = await add("2025-12-31");
    expect(early.fieldErrors?.heldOn).toContain("voor de start van de casus");
    const future = await add("2100-01-01");
    expect(future.fieldErrors?.heldOn).toContain("toekomst");
    const ancient = await add("0000-06-15");
    expect(ancient.code).toBe("BAD_REQUEST");
    expect(Object.keys(ancient.fieldErrors ?? {})).toEqual(["heldOn"]);
    const twice = await add("2026-02-01", [
      { caseGoalId: g.id, score: 1 },
      { caseGoalId: g.id, score: 2 },
    ]);
    expect(twice.code).toBe("BAD_REQUEST");
    expect(twice.fieldErrors?.gasScores).toContain("maar één score");
    // The same submission sent twice at once is stored once, and both answers name it.
    const twin = {
      ...ref,
      clientRequestId: crypto.randomUUID(),
      heldOn: "2026-02-02",
      ratings: [{ perspective: "school" as const, collaboration: 3, wellbeing: 3 }],
    };
    const [one, two] = await Promise.all([
      professional.cases.addCheckIn(twin),
      professional.cases.addCheckIn(twin),
    ]);
    expect(two.id).toBe(one.id);
    expect((await professional.cases.get(ref)).timeline).toHaveLength(1);
    await professional.cases.removeCheckIn({ ...ref, checkInId: one.id, version: one.version });

    const empty = await add("2026-02-01");
    expect(empty.fieldErrors?.ratings).toContain("minstens één perspectief");
    // Everything wrong with one note is said at once.
    const note = await formattedError(
      professional.cases.addCheckIn({
        ...ref,
        clientRequestId: crypto.randomUUID(),
        heldOn: "2026-02-01",
        ratings: [
          {
            perspective: "school",
            collaboration: 3,
            wellbeing: 3,
            comment: "Bel 0612345678, BSN 111222333, woont 1234 AB 12",
          },
        ],
      }),
    );
    const message = note.fieldErrors?.["ratings.0.comment"] ?? "";
    for (const what of ["telefoonnummer", "BSN", "postcode"]) expect(message).toContain(what);
    expect(message.match(/schrijf geen persoonsgegevens op/g)).toHaveLength(1);
    expect((await professional.cases.get(ref)).timeline).toEqual([]);
  });
});

describe("personal links", () => {
  it("stop working when the case closes", async () => {
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    const c = await professional.cases.create({
      ...p,
      ageBand: "12-16",
      schoolType: "vo",
      openedOn: "2026-01-10",
    });
    const link = await professional.cases.createLink({ ...p, caseId: c.id, perspective: "parent" });
    await professional.cases.close({
      ...p,
      caseId: c.id,
      version: c.version,
      closedOn: "2026-06-01",
      ending: "planned",
    });
    const parent = createCaller(
      await createContext({ db: database.db, userId: null, ip: "192.0.2.91" }),
    );
    const token = link.path.replace("/stem/", "");
    expect((await formattedError(parent.voice.open({ token }))).code).toBe("NOT_FOUND");
    const refused = await formattedError(
      parent.voice.submit({ token, collaboration: 3, wellbeing: 3, comment: "" }),
    );
    expect(refused.message).toContain("werkt niet");
    const stored = await database.db
      .select()
      .from(voiceResponses)
      .where(eq(voiceResponses.caseId, c.id));
    expect(stored).toEqual([]);
    const detail = await professional.cases.get({ ...p, caseId: c.id });
    expect(detail.links.map((l) => l.state)).toEqual(["revoked"]);
  });
});

describe("reflection sessions", () => {
  it("refuse a factor scored twice, a NUL in a reason, and a participant from elsewhere", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const leader = await callerFor(database.db, world, "leader");
    const p = { partnershipId: world.p.id };
    const session = await coordinator.reflections.plan({ ...p, heldOn: "2026-02-01" });
    const s = { ...p, sessionId: session.id };
    const participant = await coordinator.reflections.addParticipant({
      ...s,
      name: "Leerkracht",
      sector: "education",
    });
    const twice = await formattedError(
      coordinator.reflections.saveScores({
        ...s,
        participantId: participant.id,
        version: participant.version,
        scores: [
          { factorId: "B1", score: 3 },
          { factorId: "B1", score: 4 },
        ],
      }),
    );
    expect(twice.fieldErrors?.scores).toContain("maar één keer");

    const stranger = await formattedError(
      coordinator.reflections.addParticipant({
        ...s,
        name: "Iemand anders",
        sector: "youth_care",
        userId: world.userIds.otherMember ?? "",
      }),
    );
    expect(Object.keys(stranger.fieldErrors ?? {})).toEqual(["userId"]);

    const scored = await coordinator.reflections.saveScores({
      ...s,
      participantId: participant.id,
      version: participant.version,
      scores: [{ factorId: "B1", score: 3 }],
    });
    expect(scored.version).toBeGreaterThan(participant.version);
    const view = await leader.reflections.get(s);
    const signed = await leader.reflections.signOff({
      ...s,
      version: view.version,
      revision: view.revision,
    });
    const nul = await formattedError(
      leader.reflections.reopen({ ...s, version: signed.version, reason: "fout\u0000" }),
    );
    expect(nul.code).toBe("BAD_REQUEST");
    expect(Object.keys(nul.fieldErrors ?? {})).toEqual(["reason"]);
  });
});

describe("planning and signing off", () => {
  it("allows one session per day, and a sign-off only once the day has come", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const leader = await callerFor(database.db, world, "leader");
    const p = { partnershipId: world.p.id };
    await coordinator.reflections.plan({ ...p, heldOn: "2026-03-03" });
    const twice = await formattedError(
      coordinator.reflections.plan({ ...p, heldOn: "2026-03-03" }),
    );
    expect(twice.fieldErrors?.heldOn).toContain("al een reflectie");

    const ahead = await coordinator.reflections.plan({ ...p, heldOn: "2099-03-03" });
    const s = { ...p, sessionId: ahead.id };
    const participant = await coordinator.reflections.addParticipant({
      ...s,
      name: "Intern begeleider",
      sector: "education",
    });
    await coordinator.reflections.saveScores({
      ...s,
      participantId: participant.id,
      version: participant.version,
      scores: [{ factorId: "B1", score: 4 }],
    });
    const view = await leader.reflections.get(s);
    const early = await formattedError(
      leader.reflections.signOff({ ...s, version: view.version, revision: view.revision }),
    );
    expect(early.code).toBe("CONFLICT");
    expect(early.message).toContain("nog moet komen");
  });

  it("signs off only what the leader saw", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const leader = await callerFor(database.db, world, "leader");
    const p = { partnershipId: world.p.id };
    const session = await coordinator.reflections.plan({ ...p, heldOn: "2026-03-10" });
    const s = { ...p, sessionId: session.id };
    const participant = await coordinator.reflections.addParticipant({
      ...s,
      name: "Jeugdhulpwerker",
      sector: "youth_care",
    });
    const scored = await coordinator.reflections.saveScores({
      ...s,
      participantId: participant.id,
      version: participant.version,
      scores: [{ factorId: "B1", score: 2 }],
    });
    const seen = await leader.reflections.get(s);
    // Meanwhile the score changes, and an action is agreed.
    await coordinator.reflections.saveScores({
      ...s,
      participantId: participant.id,
      version: scored.version,
      scores: [{ factorId: "B1", score: 5 }],
    });
    await coordinator.reflections.addAction({
      ...s,
      description: "Samen een plan maken",
      dueOn: "2026-04-01",
    });
    const stale = await formattedError(
      leader.reflections.signOff({ ...s, version: seen.version, revision: seen.revision }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toContain("intussen iets veranderd");
    const fresh = await leader.reflections.get(s);
    expect(fresh.revision).toBeGreaterThan(seen.revision);
    const signed = await leader.reflections.signOff({
      ...s,
      version: fresh.version,
      revision: fresh.revision,
    });
    expect(signed.status).toBe("signed_off");
  });

  it("refuses a measurement dated ahead", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    const g = await coordinator.goals.create({ ...p, ...goalFields, title: "Meer op school" });
    const ahead = await formattedError(
      coordinator.goals.addMeasurement({ ...p, goalId: g.id, value: 10, measuredOn: "2099-05-01" }),
    );
    expect(ahead.fieldErrors?.measuredOn).toContain("toekomst");
  });
});

describe("a session's goal review", () => {
  it("is not overwritten by someone who read an older version", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    const g = await coordinator.goals.create({ ...p, ...goalFields, title: "Minder verzuim" });
    const session = await coordinator.reflections.plan({ ...p, heldOn: "2026-04-04" });
    const review = { ...p, sessionId: session.id, goalId: g.id, assessment: "at_risk" } as const;
    const first = await coordinator.reflections.saveGoalReview({
      ...review,
      story: "Het lange verhaal achter de curve",
      version: 0,
    });
    // The professional's form was opened before: version 0 as well.
    const late = await formattedError(
      professional.reflections.saveGoalReview({ ...review, story: "Kort", version: 0 }),
    );
    expect(late.code).toBe("CONFLICT");
    const stale = await formattedError(
      professional.reflections.saveGoalReview({ ...review, story: "Kort", version: 99 }),
    );
    expect(stale.code).toBe("CONFLICT");
    const next = await coordinator.reflections.saveGoalReview({
      ...review,
      story: "Bijgewerkt",
      version: first.version,
    });
    expect(next.version).toBe(first.version + 1);
    const view = await coordinator.reflections.get({ ...p, sessionId: session.id });
    expect(view.goals.find((x) => x.id === g.id)?.review?.story).toBe("Bijgewerkt");
  });
});

describe("goals", () => {
  it("of another partnership read NOT_FOUND on delete, even with children", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const other = await callerFor(database.db, world, "otherMember");
    const p = { partnershipId: world.p.id };
    const fields = {
      title: "Minder thuiszitters",
      indicator: "Aantal",
      unit: "",
      direction: "lower",
      baselineValue: 20,
      baselineDate: "2025-01-01",
      targetValue: 5,
      targetDate: "2027-01-01",
      effectKind: "child",
    } as const;
    const parent = await coordinator.goals.create({ ...p, ...fields, parentId: null });
    await coordinator.goals.create({ ...p, ...fields, title: "Tussendoel", parentId: parent.id });
    const foreign = await formattedError(
      other.goals.delete({ partnershipId: world.q.id, goalId: parent.id, version: parent.version }),
    );
    expect(foreign.code).toBe("NOT_FOUND");
  });
});

describe("the case list", () => {
  it("is an audited read", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    await coordinator.cases.create({ ...p, ageBand: "0-4", schoolType: "none" });
    await coordinator.cases.list(p);
    const reads = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "case_list"), eq(auditLog.action, "list")));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]?.actorUserId).toBe(world.userIds.coordinator);
  });
});

describe("a create sent twice", () => {
  it("makes one record, and the second answer names it", async () => {
    const professional = await callerFor(database.db, world, "professional");
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    const request = {
      ...p,
      ageBand: "4-12",
      schoolType: "po",
      clientRequestId: crypto.randomUUID(),
    } as const;
    const first = await professional.cases.create(request);
    const retried = await professional.cases.create(request);
    expect(retried.id).toBe(first.id);
    const [a, b] = await Promise.all([
      professional.cases.create({ ...request, clientRequestId: crypto.randomUUID() }),
      professional.cases.create({ ...request, clientRequestId: crypto.randomUUID() }),
    ]);
    expect(a.id).not.toBe(b.id);

    const goal = { ...p, ...goalFields, title: "Eén keer", clientRequestId: crypto.randomUUID() };
    const [g1, g2] = await Promise.all([
      coordinator.goals.create(goal),
      coordinator.goals.create(goal),
    ]);
    expect(g2.id).toBe(g1.id);
    const measurement = {
      ...p,
      goalId: g1.id,
      value: 12,
      measuredOn: "2026-01-01",
      clientRequestId: crypto.randomUUID(),
    };
    const m1 = await coordinator.goals.addMeasurement(measurement);
    const m2 = await coordinator.goals.addMeasurement(measurement);
    expect(m2.id).toBe(m1.id);
    expect((await coordinator.goals.get({ ...p, goalId: g1.id })).measurements).toHaveLength(1);

    // In a meeting too: an action or a participant sent twice is added once.
    const session = await coordinator.reflections.plan({ ...p, heldOn: "2026-05-05" });
    const action = {
      ...p,
      sessionId: session.id,
      description: "Eén keer afspreken",
      dueOn: "2026-06-01",
      clientRequestId: crypto.randomUUID(),
    };
    const [x1, x2] = await Promise.all([
      coordinator.reflections.addAction(action),
      coordinator.reflections.addAction(action),
    ]);
    expect(x2.id).toBe(x1.id);
    const participant = {
      ...p,
      sessionId: session.id,
      name: "Intern begeleider",
      sector: "education",
      clientRequestId: crypto.randomUUID(),
    } as const;
    const p1 = await coordinator.reflections.addParticipant(participant);
    const p2 = await coordinator.reflections.addParticipant(participant);
    expect(p2.id).toBe(p1.id);
    const view = await coordinator.reflections.get({ ...p, sessionId: session.id });
    expect(view.actions).toHaveLength(1);
    expect(view.participants).toHaveLength(1);

    // A request id is the sender's own: someone else reusing it makes nothing.
    const reused = await formattedError(coordinator.cases.create(request));
    expect(reused.code).toBe("CONFLICT");
  });
});
