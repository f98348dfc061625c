/**
 * Individual scoring rounds (server/routers/rounds.ts): members score privately after signing
 * in, a parent through a single-use personal link with plain questions; nobody sees another's
 * scores while the round runs; the session's grid waits for the round; closing it makes the
 * round's scores the session's, and the meeting opens on the largest disagreements.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { addDays, today } from "@/domain/dates";
import { currentInstrument } from "@/domain/instrument";
import { formattedError } from "../helpers/errors";
import { anonymousFrom, callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

const factorIds = currentInstrument.levels.flatMap((l) => l.factors.map((f) => f.id));
/** Every factor scored `base`, with some factors set apart. */
const scoresOf = (base: number | null, apart: Record<string, number | null> = {}) =>
  factorIds.map((factorId) => ({
    factorId,
    score: apart[factorId] !== undefined ? apart[factorId] : base,
  }));

describe("scoring rounds", () => {
  it("keeps each participant's scores private until the meeting opens on their disagreements", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const professional = await callerFor(database.db, world, "professional");
    const leader = await callerFor(database.db, world, "leader");
    const p = { partnershipId: world.p.id };
    const session = await coordinator.reflections.plan({ ...p, heldOn: addDays(today(), 7) });
    const s = { ...p, sessionId: session.id };

    const me = await coordinator.reflections.addParticipant({
      ...s,
      name: "Coördinator",
      sector: "municipality",
      userId: world.userIds.coordinator,
    });
    const teacher = await coordinator.reflections.addParticipant({
      ...s,
      name: "Leerkracht",
      sector: "education",
      userId: world.userIds.professional,
      organisationId: world.organisations.school.id,
    });
    const careWorker = await coordinator.reflections.addParticipant({
      ...s,
      name: "Jeugdhulpwerker",
      sector: "youth_care",
      userId: world.userIds.leader,
      organisationId: world.organisations.care.id,
    });
    const parent = await coordinator.reflections.addParticipant({
      ...s,
      name: "Ouder",
      sector: "parent",
    });

    // No round yet: a link cannot be made, nor can anyone score in one.
    expect(
      (await formattedError(coordinator.rounds.createLink({ ...s, participantId: parent.id })))
        .code,
    ).toBe("NOT_FOUND");
    // A professional may not open the round; the coordinator may, and again is the same round.
    expect((await formattedError(professional.rounds.open(s))).code).toBe("FORBIDDEN");
    const round = await coordinator.rounds.open(s);
    expect(await coordinator.rounds.open(s)).toEqual(round);

    // A participant with an account scores after signing in, not through a link.
    const memberLink = await formattedError(
      coordinator.rounds.createLink({ ...s, participantId: teacher.id }),
    );
    expect(memberLink.fieldErrors?.participantId).toBeTruthy();

    const first = await coordinator.rounds.createLink({ ...s, participantId: parent.id });
    const link = await coordinator.rounds.createLink({ ...s, participantId: parent.id });
    const token = link.path.replace("/ronde/", "");
    const parentCaller = await anonymousFrom(database.db, "192.0.2.71");
    // The earlier link was revoked by the new one.
    expect(
      (await formattedError(parentCaller.roundLink.open({ token: first.path.slice(7) }))).code,
    ).toBe("NOT_FOUND");
    const opened = await parentCaller.roundLink.open({ token });
    expect(opened).toMatchObject({
      sector: "parent",
      plain: true,
      answered: false,
      takesScores: true,
    });
    const r6 = opened.levels.flatMap((l) => l.factors).find((f) => f.id === "R6");
    expect(r6?.question.nl).toBe("Luisteren school en hulp naar u en uw kind?");
    // The parts are named as a family would, not by the instrument's levels.
    expect(opened.levels[0]?.label.nl).toBe("Afspraken tussen de organisaties");

    // Scores during the round: each their own, and only their own.
    await coordinator.rounds.saveMine({ ...s, participantId: me.id, scores: scoresOf(3) });
    await professional.rounds.saveMine({
      ...s,
      participantId: teacher.id,
      scores: scoresOf(4, { R3: 5, W3: 1 }),
    });
    await leader.rounds.saveMine({
      ...s,
      participantId: careWorker.id,
      scores: scoresOf(4, { R3: 2, W3: 5 }),
    });
    const notYours = await formattedError(
      professional.rounds.saveMine({ ...s, participantId: careWorker.id, scores: scoresOf(1) }),
    );
    expect(notYours.code).toBe("FORBIDDEN");
    const unknownFactor = await formattedError(
      professional.rounds.saveMine({
        ...s,
        participantId: teacher.id,
        scores: [{ factorId: "Z9", score: 3 }],
      }),
    );
    expect(unknownFactor.fieldErrors?.scores).toBeTruthy();
    const sent = await parentCaller.roundLink.submit({
      token,
      scores: scoresOf(null, { R6: 1, W3: 2, R3: 4 }),
    });
    expect(sent).toEqual({ received: true, alreadyReceived: false });
    // A double tap is received once; the link is single-use.
    expect(await parentCaller.roundLink.submit({ token, scores: scoresOf(5) })).toEqual({
      received: true,
      alreadyReceived: true,
    });
    expect(await parentCaller.roundLink.open({ token })).toMatchObject({
      answered: true,
      takesScores: false,
    });

    // Who responded is visible; what they scored only to themselves.
    const state = await professional.rounds.get(s);
    expect(
      state.participants
        .filter((x) => x.respondedAt)
        .map((x) => x.name)
        .sort(),
    ).toEqual(["Coördinator", "Jeugdhulpwerker", "Leerkracht", "Ouder"]);
    expect(state.mine).toHaveLength(1);
    expect(state.mine[0]?.participantId).toBe(teacher.id);
    expect(state.mine[0]?.scores.find((x) => x.factorId === "W3")?.score).toBe(1);
    const detail = await coordinator.reflections.get(s);
    expect(detail.scores).toEqual([]);
    expect(detail.round).toMatchObject({ open: true });

    // The grid waits while the round runs, and no one signs off an open round.
    const grid = await formattedError(
      professional.reflections.saveScores({
        ...s,
        participantId: teacher.id,
        version: detail.participants.find((x) => x.id === teacher.id)?.version ?? 1,
        scores: [{ factorId: "B1", score: 2 }],
      }),
    );
    expect(grid.code).toBe("CONFLICT");

    // The meeting starts: the round's scores become the session's, disagreements first.
    expect(await professional.rounds.close(s)).toEqual({ taken: 4 });
    expect(await professional.rounds.close(s)).toEqual({ taken: 0 });
    const meeting = await coordinator.reflections.get(s);
    expect(meeting.round).toMatchObject({ open: false });
    expect(meeting.scores.filter((x) => x.score !== null)).toHaveLength(21 * 3 + 3);
    // W3 spans 1–5; R6 and R3 both span 3, R6 with the larger spread (a parent who scored 1).
    expect(meeting.disagreements.slice(0, 3).map((d) => d.factorId)).toEqual(["W3", "R6", "R3"]);
    expect(meeting.disagreements[0]).toMatchObject({ range: 4, sectorGap: -4, families: 2 });
    expect(meeting.summary.participantsScored).toBe(4);

    // Closed: no more scores through the round, the link now only opens.
    expect(
      (
        await formattedError(
          coordinator.rounds.saveMine({ ...s, participantId: me.id, scores: scoresOf(1) }),
        )
      ).code,
    ).toBe("CONFLICT");
    expect((await formattedError(coordinator.rounds.open(s))).code).toBe("CONFLICT");
    // A participant can still change their own score in the meeting.
    const teacherRow = meeting.participants.find((x) => x.id === teacher.id);
    await professional.reflections.saveScores({
      ...s,
      participantId: teacher.id,
      version: teacherRow?.version ?? 0,
      scores: [{ factorId: "W3", score: 3 }],
    });
  });

  it("tells the parent what was heard and will be done, once signed off and published", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const leader = await callerFor(database.db, world, "leader");
    const p = { partnershipId: world.p.id };
    const session = await coordinator.reflections.plan({ ...p, heldOn: addDays(today(), 2) });
    const s = { ...p, sessionId: session.id };
    const parent = await coordinator.reflections.addParticipant({
      ...s,
      name: "Ouder",
      sector: "parent",
    });
    await coordinator.rounds.open(s);
    const link = await coordinator.rounds.createLink({ ...s, participantId: parent.id });
    const token = link.path.replace("/ronde/", "");
    const parentCaller = await anonymousFrom(database.db, "192.0.2.72");
    await parentCaller.roundLink.submit({ token, scores: scoresOf(null, { R6: 2 }) });
    await coordinator.rounds.close(s);
    await coordinator.reflections.addAction({
      ...s,
      description: "Ouders schuiven aan bij het zorgoverleg",
      ownerOrganisationId: world.organisations.school.id,
      dueOn: addDays(today(), 30),
    });
    // Not before the sign-off.
    const draft = await coordinator.rounds.heard(s);
    expect(draft.version).toBe(0);
    expect(draft.text).toContain("Ouders schuiven aan bij het zorgoverleg");
    expect(
      (
        await formattedError(
          coordinator.rounds.saveHeard({ ...s, text: draft.text, publish: true, version: 0 }),
        )
      ).code,
    ).toBe("CONFLICT");
    const held = await coordinator.reflections.get(s);
    const today_ = await coordinator.reflections.holdToday({ ...s, version: held.version });
    const row = await leader.reflections.get(s);
    await leader.reflections.signOff({ ...s, version: today_.version, revision: row.revision });

    // Identifiers are refused, naming the field; the leader may not write it.
    const bsn = await formattedError(
      coordinator.rounds.saveHeard({ ...s, text: "Bel 0612345678.", publish: true, version: 0 }),
    );
    expect(bsn.fieldErrors?.text).toBeTruthy();
    expect(
      (
        await formattedError(
          leader.rounds.saveHeard({ ...s, text: "x", publish: true, version: 0 }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    // Saved but not published: the parent's link does not show it yet.
    const saved = await coordinator.rounds.saveHeard({
      ...s,
      text: draft.text,
      publish: false,
      version: 0,
    });
    expect((await parentCaller.roundLink.open({ token })).heard).toBeNull();
    // A stale version is a conflict, not an overwrite.
    expect(
      (
        await formattedError(
          coordinator.rounds.saveHeard({ ...s, text: "Anders", publish: true, version: 0 }),
        )
      ).code,
    ).toBe("CONFLICT");
    await coordinator.rounds.saveHeard({
      ...s,
      text: draft.text,
      publish: true,
      version: saved.version,
    });
    const opened = await parentCaller.roundLink.open({ token });
    expect(opened.answered).toBe(true);
    expect(opened.heard?.text).toContain("Ouders schuiven aan bij het zorgoverleg");
  });

  it("is not opened for a session already held", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    const session = await coordinator.reflections.plan({ ...p, heldOn: addDays(today(), -3) });
    const error = await formattedError(coordinator.rounds.open({ ...p, sessionId: session.id }));
    expect(error.code).toBe("CONFLICT");
  });
});
