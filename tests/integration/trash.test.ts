/**
 * Deletes are soft and a coordinator restores them: one list of what was removed in the
 * partnership, newest first, and a restore that checks what the record hangs on.
 */
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import { createCaller } from "@/server/root";
import { createContext } from "@/server/trpc";
import { formattedError } from "../helpers/errors";
import { goalFields } from "../helpers/fixtures";
import { callerFor, ownPartnership, type World, withWorld } from "../helpers/world";

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

describe("removed records", () => {
  it("are listed newest first for a coordinator and come back with their version checked", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    const goal = await coordinator.goals.create({ ...p, ...goalFields });
    const m = await coordinator.goals.addMeasurement({
      ...p,
      goalId: goal.id,
      value: 12,
      measuredOn: "2025-06-01",
    });
    await coordinator.goals.deleteMeasurement({ ...p, id: m.id, version: m.version });
    const session = await coordinator.reflections.plan({ ...p, heldOn: "2026-02-01" });
    const action = await coordinator.reflections.addAction({
      ...p,
      sessionId: session.id,
      description: "Ouders uitnodigen voor het overleg",
      dueOn: "2026-03-01",
    });
    await coordinator.reflections.removeAction({
      ...p,
      sessionId: session.id,
      actionId: action.id,
      version: action.version,
    });

    const list = await coordinator.trash.list(p);
    expect(list.items.map((i) => [i.kind, i.title])).toEqual([
      ["action", "Ouders uitnodigen voor het overleg"],
      ["measurement", "Minder thuiszitters"],
    ]);
    expect(list.items[0]).toMatchObject({ day: "2026-02-01", blocked: null });
    expect(list.total).toBe(2);
    expect((await coordinator.trash.list({ ...p, page: 2, pageSize: 1 })).items).toHaveLength(1);

    const removed = list.items[1];
    if (!removed) throw new Error("no removed measurement");
    const stale = await formattedError(
      coordinator.trash.restore({ ...p, kind: "measurement", id: removed.id, version: 1 }),
    );
    expect(stale.code).toBe("CONFLICT");
    await coordinator.trash.restore({
      ...p,
      kind: "measurement",
      id: removed.id,
      version: removed.version,
    });
    const goalPage = await coordinator.goals.get({ ...p, goalId: goal.id });
    expect(goalPage.measurements.map((x) => x.value)).toEqual([12]);
    expect((await coordinator.trash.list(p)).items.map((i) => i.kind)).toEqual(["action"]);
    const restoredAudit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, m.id), eq(auditLog.action, "restore")));
    expect(restoredAudit).toHaveLength(1);
    // Restoring twice finds nothing removed.
    const again = await formattedError(
      coordinator.trash.restore({ ...p, kind: "measurement", id: m.id, version: 3 }),
    );
    expect(again.code).toBe("NOT_FOUND");
  });

  it("wait for what they hang on: a removed goal, a signed-off session", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    const goal = await coordinator.goals.create({ ...p, ...goalFields, title: "Weg" });
    const m = await coordinator.goals.addMeasurement({
      ...p,
      goalId: goal.id,
      value: 3,
      measuredOn: "2025-06-01",
    });
    const gone = await coordinator.goals.deleteMeasurement({ ...p, id: m.id, version: m.version });
    await coordinator.goals.delete({ ...p, goalId: goal.id, version: goal.version });
    const item = (await coordinator.trash.list(p)).items.find((i) => i.id === m.id);
    expect(item?.blocked).toBe("parent_removed");
    const blocked = await formattedError(
      coordinator.trash.restore({ ...p, kind: "measurement", id: m.id, version: gone.version }),
    );
    expect(blocked.code).toBe("CONFLICT");
    expect(blocked.message).toContain("Herstel eerst");
  });

  it("bring back a check-in without counting a parent's answer twice", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    const created = await coordinator.cases.create({
      ...p,
      ageBand: "4-12",
      schoolType: "po",
      openedOn: "2026-01-05",
    });
    const ref = { ...p, caseId: created.id };
    const link = await coordinator.cases.createLink({ ...ref, perspective: "parent" });
    const parent = createCaller(
      await createContext({ db: database.db, userId: null, ip: "192.0.2.77" }),
    );
    await parent.voice.submit({
      token: link.path.replace("/stem/", ""),
      collaboration: 2,
      wellbeing: 2,
      comment: "",
    });
    const checkIn = (heldOn: string) =>
      coordinator.cases.addCheckIn({
        ...ref,
        clientRequestId: crypto.randomUUID(),
        heldOn,
        ratings: [{ perspective: "school", collaboration: 3, wellbeing: 3 }],
      });
    const first = await checkIn("2026-03-01");
    await coordinator.cases.removeCheckIn({ ...ref, checkInId: first.id, version: first.version });
    // The parent's answer waits again, and joins the next check-in.
    expect((await coordinator.cases.get(ref)).pendingVoices).toHaveLength(1);
    await checkIn("2026-04-01");

    const item = (await coordinator.trash.list(p)).items.find((i) => i.id === first.id);
    expect(item).toMatchObject({ kind: "checkIn", code: created.code, day: "2026-03-01" });
    await coordinator.trash.restore({
      ...p,
      kind: "checkIn",
      id: first.id,
      version: item?.version ?? 0,
    });
    const timeline = (await coordinator.cases.get(ref)).timeline;
    expect(timeline.map((c) => c.heldOn)).toEqual(["2026-03-01", "2026-04-01"]);
    expect(timeline.map((c) => c.ratings.filter((r) => r.viaLink).length)).toEqual([0, 1]);
    const reads = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entity, "removed_case_records"));
    expect(reads.length).toBeGreaterThan(0);
  });

  it("include members, who come back with their role unless added again meanwhile", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    const members = await coordinator.partnerships.members(p);
    const leader = members.find((m) => m.role === "leader");
    if (!leader) throw new Error("no leader in the world");
    await coordinator.partnerships.removeMember({ ...p, id: leader.id, version: leader.version });
    const item = (await coordinator.trash.list(p)).items.find((i) => i.id === leader.id);
    expect(item).toMatchObject({ kind: "member", title: leader.name, blocked: null });
    await coordinator.trash.restore({
      ...p,
      kind: "member",
      id: leader.id,
      version: item?.version ?? 0,
    });
    const back = (await coordinator.partnerships.members(p)).find((m) => m.id === leader.id);
    expect(back?.role).toBe("leader");
  });

  it("are for coordinators only", async () => {
    for (const actor of ["leader", "professional", "admin"] as const) {
      const caller = await callerFor(database.db, world, actor);
      const error = await formattedError(caller.trash.list({ partnershipId: world.p.id }));
      expect(["FORBIDDEN", "NOT_FOUND"]).toContain(error.code);
    }
  });
});
