import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, memberships, sessionSummaries } from "@/db/schema";
import { addDays, today } from "@/domain/dates";
import { formattedError } from "../helpers/errors";
import { callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

describe("a reflection session", () => {
  it("is scored by three participants, summarised by level and sector, signed off, locked and reopened", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const professional = await callerFor(database.db, world, "professional");
    const leader = await callerFor(database.db, world, "leader");
    const p = { partnershipId: world.p.id };
    const session = await coordinator.reflections.plan({ ...p, heldOn: "2026-03-10" });
    const s = { ...p, sessionId: session.id };

    const teacher = await professional.reflections.addParticipant({
      ...s,
      name: "Leerkracht",
      sector: "education",
      organisationId: world.organisations.school.id,
    });
    const worker = await professional.reflections.addParticipant({
      ...s,
      name: "Jeugdhulpwerker",
      sector: "youth_care",
      organisationId: world.organisations.care.id,
    });
    const parent = await professional.reflections.addParticipant({
      ...s,
      name: "Ouder",
      sector: "parent",
    });
    await professional.reflections.saveScores({
      ...s,
      participantId: teacher.id,
      version: teacher.version,
      scores: [
        { factorId: "B1", score: 4 },
        { factorId: "R1", score: 5 },
        { factorId: "K1", score: null },
      ],
    });
    await professional.reflections.saveScores({
      ...s,
      participantId: worker.id,
      version: worker.version,
      scores: [
        { factorId: "B1", score: 2 },
        { factorId: "R1", score: 3 },
      ],
    });
    const parentSaved = await professional.reflections.saveScores({
      ...s,
      participantId: parent.id,
      version: parent.version,
      scores: [{ factorId: "B1", score: 3 }],
    });

    const view = await leader.reflections.get(s);
    expect(view.status).toBe("in_progress");
    // B1: (4+2+3)/3 = 3; R1: (5+3)/2 = 4; K1 only "n.v.t.".
    expect(view.summary.factors.find((f) => f.factorId === "B1")).toMatchObject({ mean: 3, n: 3 });
    expect(view.summary.factors.find((f) => f.factorId === "K1")).toMatchObject({
      mean: null,
      n: 0,
    });
    // Levels: bestuurlijk 3, relationeel 4, the rest unanswered; index (3+4)/2 = 3.5.
    expect(view.summary.levels.map((l) => l.score)).toEqual([3, 4, null, null, null]);
    expect(view.summary.index).toBe(3.5);
    // Sector gap education − youth care: B1 4−2 = 2, R1 5−3 = 2; families' view of B1 is 3.
    expect(view.summary.gaps.slice(0, 2)).toEqual([
      { factorId: "B1", education: 4, youthCare: 2, families: 3, gap: 2 },
      { factorId: "R1", education: 5, youthCare: 3, families: null, gap: 2 },
    ]);

    // Someone else's save meanwhile is a conflict, and a retry stores no duplicate.
    const stale = await formattedError(
      professional.reflections.saveScores({
        ...s,
        participantId: parent.id,
        version: parent.version,
        scores: [{ factorId: "B1", score: 5 }],
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    await professional.reflections.saveScores({
      ...s,
      participantId: parent.id,
      version: parentSaved.version,
      scores: [{ factorId: "B1", score: 3 }],
    });
    expect(
      (await leader.reflections.get(s)).scores.filter((x) => x.participantId === parent.id),
    ).toHaveLength(1);

    const badScore = await formattedError(
      professional.reflections.saveScores({
        ...s,
        participantId: teacher.id,
        version: 2,
        scores: [{ factorId: "B1", score: 6 }],
      }),
    );
    expect(badScore.code).toBe("BAD_REQUEST");
    const unknownFactor = await formattedError(
      professional.reflections.saveScores({
        ...s,
        participantId: teacher.id,
        version: 2,
        scores: [{ factorId: "Z9", score: 3 }],
      }),
    );
    expect(unknownFactor.fieldErrors).toEqual({
      scores: "Scores: een of meer factoren horen niet bij dit instrument",
    });

    // Professionals cannot sign off; a leader can, which locks the session.
    expect(
      (
        await formattedError(
          professional.reflections.signOff({
            ...s,
            version: view.version,
            revision: view.revision,
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const current = await leader.reflections.get(s);
    const signed = await leader.reflections.signOff({
      ...s,
      version: current.version,
      revision: current.revision,
    });
    expect(signed.status).toBe("signed_off");
    // Signing off stores the summary the session shows, once, for every dashboard after it.
    const storedSummary = async () =>
      (
        await database.db
          .select()
          .from(sessionSummaries)
          .where(eq(sessionSummaries.sessionId, session.id))
      )[0]?.summary;
    expect(await storedSummary()).toEqual(current.summary);
    const locked = await formattedError(
      professional.reflections.saveNote({ ...s, factorId: "B1", note: "Te laat", version: 0 }),
    );
    expect(locked.code).toBe("CONFLICT");
    expect(locked.message).toContain("afgetekend");

    const noReason = await formattedError(
      leader.reflections.reopen({ ...s, version: signed.version, reason: " " }),
    );
    expect(Object.keys(noReason.fieldErrors ?? {})).toEqual(["reason"]);
    const reopened = await leader.reflections.reopen({
      ...s,
      version: signed.version,
      reason: "Score van ouder gecorrigeerd",
    });
    expect(reopened.status).toBe("in_progress");
    // Open again, its scores may change: no summary stays behind.
    expect(await storedSummary()).toBeUndefined();
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, session.id), eq(auditLog.action, "reopen")));
    expect((audit?.after as { reason?: string } | undefined)?.reason).toBe(
      "Score van ouder gecorrigeerd",
    );
    // The session itself shows who signed off and who reopened it, and why.
    const afterReopen = await professional.reflections.get(s);
    expect(afterReopen.history.map((h) => [h.action, h.actorName, h.reason])).toEqual([
      ["sign_off", expect.any(String), null],
      ["reopen", expect.any(String), "Score van ouder gecorrigeerd"],
    ]);
    await professional.reflections.saveNote({
      ...s,
      factorId: "B1",
      note: "Na heropenen",
      version: 0,
    });
  });

  it("cannot be signed off without scores", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const leader = await callerFor(database.db, world, "leader");
    const session = await coordinator.reflections.plan({
      partnershipId: world.p.id,
      heldOn: "2026-05-01",
    });
    const error = await formattedError(
      leader.reflections.signOff({
        partnershipId: world.p.id,
        sessionId: session.id,
        version: session.version,
        revision: session.revision,
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("niets af te tekenen");
  });

  it("planned for a later day, is held today with one click, and its header parts are saved apart", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const leader = await callerFor(database.db, world, "leader");
    const p = { partnershipId: world.p.id };
    const later = addDays(today(), 30);
    const planned = await coordinator.reflections.plan({ ...p, heldOn: later });
    const s = { ...p, sessionId: planned.id };

    // Signing off before the day says how to go on.
    const early = await formattedError(
      leader.reflections.signOff({ ...s, version: planned.version, revision: planned.revision }),
    );
    expect(early.code).toBe("CONFLICT");
    expect(early.message).toContain("Vandaag houden");

    // The reflections and the date are saved apart: neither writes back the other.
    const reflected = await coordinator.reflections.update({
      ...s,
      version: planned.version,
      whatWorks: "Korte lijnen",
    });
    expect(reflected).toMatchObject({ heldOn: later, whatWorks: "Korte lijnen", whatDoesNot: "" });
    const moved = await coordinator.reflections.update({
      ...s,
      version: reflected.version,
      heldOn: addDays(later, 1),
    });
    expect(moved).toMatchObject({ heldOn: addDays(later, 1), whatWorks: "Korte lijnen" });

    const held = await coordinator.reflections.holdToday({ ...s, version: moved.version });
    expect(held).toMatchObject({
      heldOn: today(),
      status: "in_progress",
      whatWorks: "Korte lijnen",
    });
    // A retried click (the old version) changes nothing and is no error.
    const again = await coordinator.reflections.holdToday({ ...s, version: moved.version });
    expect(again).toMatchObject({ heldOn: today(), version: held.version });
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, planned.id), eq(auditLog.action, "update")));
    expect(audits).toHaveLength(3);

    // Now the day has come, what stands in the way is only that nothing is scored yet.
    const current = await leader.reflections.get(s);
    const now = await formattedError(
      leader.reflections.signOff({ ...s, version: current.version, revision: current.revision }),
    );
    expect(now.message).toContain("niets af te tekenen");
  });

  it("answers concurrent notes with a conflict", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const professional = await callerFor(database.db, world, "professional");
    const session = await coordinator.reflections.plan({
      partnershipId: world.p.id,
      heldOn: "2026-05-02",
    });
    const s = { partnershipId: world.p.id, sessionId: session.id };
    const note = await coordinator.reflections.saveNote({
      ...s,
      factorId: "R4",
      note: "We durven elkaar aan te spreken",
      version: 0,
    });
    const second = await formattedError(
      professional.reflections.saveNote({ ...s, factorId: "R4", note: "Niet altijd", version: 0 }),
    );
    expect(second.code).toBe("CONFLICT");
    const updated = await professional.reflections.saveNote({
      ...s,
      factorId: "R4",
      note: "Niet altijd",
      version: note.version,
    });
    expect(updated.note).toBe("Niet altijd");
  });

  it("reviews the previous session's actions in the next one", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    const first = await coordinator.reflections.plan({ ...p, heldOn: "2025-01-10" });
    const action = await coordinator.reflections.addAction({
      ...p,
      sessionId: first.id,
      description: "Vaste contactpersoon per school",
      ownerOrganisationId: world.organisations.care.id,
      dueOn: "2025-03-01",
    });
    const outsider = await formattedError(
      coordinator.reflections.addAction({
        ...p,
        sessionId: first.id,
        description: "x",
        ownerOrganisationId: world.organisations.team.id,
        dueOn: "2025-03-01",
      }),
    );
    expect(outsider.fieldErrors).toEqual({
      ownerOrganisationId: "Eigenaar: kies een partnerorganisatie van dit samenwerkingsverband",
    });
    const next = await coordinator.reflections.plan({ ...p, heldOn: "2025-04-10" });
    const view = await coordinator.reflections.get({ ...p, sessionId: next.id });
    expect(view.previous?.id).toBe(first.id);
    expect(view.previousActions.map((a) => a.id)).toEqual([action.id]);

    const noReason = await formattedError(
      coordinator.reflections.reviewAction({
        ...p,
        sessionId: next.id,
        actionId: action.id,
        version: action.version,
        status: "dropped",
      }),
    );
    expect(noReason.fieldErrors).toEqual({
      dropReason: "Reden: geef een reden waarom de actie vervalt",
    });
    const dropped = await coordinator.reflections.reviewAction({
      ...p,
      sessionId: next.id,
      actionId: action.id,
      version: action.version,
      status: "dropped",
      dropReason: "Niet meer nodig",
    });
    expect(dropped).toMatchObject({
      status: "dropped",
      dropReason: "Niet meer nodig",
      reviewedInSessionId: next.id,
    });
    // An action can only be reviewed by the session that follows its own.
    const wrongSession = await formattedError(
      coordinator.reflections.reviewAction({
        ...p,
        sessionId: first.id,
        actionId: action.id,
        version: dropped.version,
        status: "done",
      }),
    );
    expect(wrongSession.code).toBe("NOT_FOUND");

    // A continued action comes back in the session after that, until it is done or dropped.
    const second = await coordinator.reflections.addAction({
      ...p,
      sessionId: first.id,
      description: "Scholing signaleren",
      dueOn: "2025-06-01",
    });
    const continued = await coordinator.reflections.reviewAction({
      ...p,
      sessionId: next.id,
      actionId: second.id,
      version: second.version,
      status: "continued",
    });
    const third = await coordinator.reflections.plan({ ...p, heldOn: "2025-07-10" });
    const later = await coordinator.reflections.get({ ...p, sessionId: third.id });
    expect(later.previousActions.map((a) => a.id)).toEqual([second.id]);
    await coordinator.reflections.reviewAction({
      ...p,
      sessionId: third.id,
      actionId: second.id,
      version: continued.version,
      status: "done",
    });
    const fourth = await coordinator.reflections.plan({ ...p, heldOn: "2025-10-10" });
    expect(
      (await coordinator.reflections.get({ ...p, sessionId: fourth.id })).previousActions,
    ).toEqual([]);
  });

  it("is invisible to another partnership", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const other = await callerFor(database.db, world, "otherMember");
    const session = await coordinator.reflections.plan({
      partnershipId: world.p.id,
      heldOn: "2026-06-01",
    });
    expect(
      (
        await formattedError(
          other.reflections.get({ partnershipId: world.p.id, sessionId: session.id }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    // Naming P's session from within Q finds nothing either.
    expect(
      (
        await formattedError(
          other.reflections.get({ partnershipId: world.q.id, sessionId: session.id }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect((await other.reflections.list({ partnershipId: world.q.id })).sessions).toEqual([]);
  });
});

describe("the partnership dashboard", () => {
  it("shows the trend over sessions, latest against previous, gaps, goals, actions and the next due date", async () => {
    const p = { partnershipId: world.q.id };
    const coordinator = await callerFor(database.db, world, "otherMember");
    // A leader for this partnership, to sign sessions off: only signed-off sessions count.
    await database.db
      .insert(memberships)
      .values({ partnershipId: world.q.id, userId: world.userIds.leader ?? "", role: "leader" });
    const leader = await callerFor(database.db, world, "leader");
    const signOff = async (sessionId: string) => {
      const view = await leader.reflections.get({ ...p, sessionId });
      await leader.reflections.signOff({
        ...p,
        sessionId,
        version: view.version,
        revision: view.revision,
      });
    };
    const scoreSession = async (heldOn: string, education: number, youthCare: number) => {
      const session = await coordinator.reflections.plan({ ...p, heldOn });
      const s = { ...p, sessionId: session.id };
      const a = await coordinator.reflections.addParticipant({
        ...s,
        name: "School",
        sector: "education",
      });
      const b = await coordinator.reflections.addParticipant({
        ...s,
        name: "Jeugdhulp",
        sector: "youth_care",
      });
      await coordinator.reflections.saveScores({
        ...s,
        participantId: a.id,
        version: a.version,
        scores: [{ factorId: "W3", score: education }],
      });
      await coordinator.reflections.saveScores({
        ...s,
        participantId: b.id,
        version: b.version,
        scores: [{ factorId: "W3", score: youthCare }],
      });
      return session;
    };
    await signOff((await scoreSession("2025-09-01", 2, 2)).id);
    const latest = await scoreSession("2025-12-01", 5, 3);
    await coordinator.reflections.addAction({
      ...p,
      sessionId: latest.id,
      description: "Eén plan per gezin",
      dueOn: "2026-01-15",
    });
    await coordinator.reflections.plan({ ...p, heldOn: "2099-01-01" });

    // A session half-way through is not a result yet: the dashboard says so, and leaves it out.
    const during = await coordinator.dashboards.partnership(p);
    expect(during.trend.map((t) => t.heldOn)).toEqual(["2025-09-01"]);
    expect(during.inProgress).toEqual({ sessionId: latest.id, heldOn: "2025-12-01" });
    expect(during.gaps.map((g) => g.gap)).toEqual([0]);
    await signOff(latest.id);

    const dashboard = await coordinator.dashboards.partnership(p);
    expect(dashboard.inProgress).toBeNull();
    expect(dashboard.trend.map((t) => [t.heldOn, t.index])).toEqual([
      ["2025-09-01", 2],
      ["2025-12-01", 4],
    ]);
    expect(dashboard.trend[1]?.levels.find((l) => l.levelId === "proces")?.score).toBe(4);
    expect(dashboard.factors.find((f) => f.factorId === "W3")).toEqual({
      factorId: "W3",
      latest: 4,
      previous: 2,
    });
    expect(dashboard.gaps).toEqual([
      { factorId: "W3", education: 5, youthCare: 3, families: null, gap: 2 },
    ]);
    expect(dashboard.actions).toEqual([
      expect.objectContaining({
        description: "Eén plan per gezin",
        dueOn: "2026-01-15",
        overdue: "2026-01-15" < new Date().toISOString().slice(0, 10),
      }),
    ]);
    // Quarterly after 1 December 2025; the session planned for 2099 answers it.
    expect(dashboard.due).toEqual({ dueOn: "2026-03-01", plannedOn: "2099-01-01", overdue: false });

    // Sessions signed off without a stored summary (loaded in bulk, or from before summaries
    // were stored) show the same, and have one from then on.
    await database.db
      .delete(sessionSummaries)
      .where(eq(sessionSummaries.partnershipId, world.q.id));
    const again = await coordinator.dashboards.partnership(p);
    expect(again.trend).toEqual(dashboard.trend);
    expect(again.factors).toEqual(dashboard.factors);
    const filled = await database.db
      .select()
      .from(sessionSummaries)
      .where(eq(sessionSummaries.partnershipId, world.q.id));
    expect(filled).toHaveLength(2);
    const list = await coordinator.reflections.list(p);
    expect(list.sessions.filter((x) => x.status === "signed_off").map((x) => x.index)).toEqual([
      4, 2,
    ]);
  });
});
