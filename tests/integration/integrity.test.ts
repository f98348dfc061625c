/**
 * What the database and the transactions guarantee, whatever a writer does: a row under a parent
 * belongs to the parent's partnership (composite tenant keys, db/schema/columns.ts); one session
 * per day (a partial unique index, answered on the date field); and a check made inside a change's
 * transaction cannot be overtaken by a concurrent change (server/services/*). On the Postgres
 * server the races run truly in parallel; on PGlite (one connection) they serialise, and the
 * same invariants must hold.
 */
import { TRPCError } from "@trpc/server";
import { and, asc, eq, isNull, or } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, checkIns, goalMeasurements, goals } from "@/db/schema";
import { today } from "@/domain/dates";
import { formattedError } from "../helpers/errors";
import { goalFields } from "../helpers/fixtures";
import { callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

/** The Postgres error code behind a failed write. */
async function pgCode(write: Promise<unknown>): Promise<string | undefined> {
  try {
    await write;
    return undefined;
  } catch (error) {
    let e: unknown = error;
    for (let i = 0; e && i < 4; i++) {
      const code = (e as { code?: unknown }).code;
      if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
      e = (e as { cause?: unknown }).cause;
    }
    throw error;
  }
}

describe("tenant keys", () => {
  it("refuse a row whose parent belongs to another partnership", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const goal = await coordinator.goals.create({ partnershipId: world.p.id, ...goalFields });
    // A writer bug that names P's goal but Q's partnership: the database says no (23503).
    expect(
      await pgCode(
        database.db.insert(goalMeasurements).values({
          goalId: goal.id,
          partnershipId: world.q.id,
          value: 3,
          measuredOn: "2025-06-01",
        }),
      ),
    ).toBe("23503");
    expect(
      await pgCode(
        database.db
          .insert(goals)
          .values({ ...goalFields, partnershipId: world.q.id, parentId: goal.id }),
      ),
    ).toBe("23503");
    // The same rows in the goal's own partnership are fine.
    expect(
      await pgCode(
        database.db.insert(goalMeasurements).values({
          goalId: goal.id,
          partnershipId: world.p.id,
          value: 3,
          measuredOn: "2025-06-01",
        }),
      ),
    ).toBeUndefined();
  });

  it("refuse a check-in under another partnership's case", async () => {
    const professional = await callerFor(database.db, world, "professional");
    const aCase = await professional.cases.create({
      partnershipId: world.p.id,
      ageBand: "4-12",
      schoolType: "po",
    });
    expect(
      await pgCode(
        database.db.insert(checkIns).values({
          caseId: aCase.id,
          partnershipId: world.q.id,
          heldOn: today(),
          clientRequestId: crypto.randomUUID(),
        }),
      ),
    ).toBe("23503");
  });
});

describe("one session per day", () => {
  it("lets one of two simultaneous plans for a day through and answers the other on the date", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id, heldOn: "2027-05-04" };
    const outcomes = await Promise.allSettled([
      coordinator.reflections.plan(p),
      coordinator.reflections.plan(p),
      coordinator.reflections.plan(p),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === "rejected")) {
      const error = (o as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("CONFLICT");
    }
    const refused = await formattedError(coordinator.reflections.plan(p));
    expect(refused.fieldErrors).toEqual({
      heldOn: "Datum: op deze datum is al een reflectie; open die, of kies een andere datum",
    });
  });
});

describe("checks inside the transaction", () => {
  it("never leave an intermediate goal under a removed parent, however the two race", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    for (let round = 0; round < 8; round++) {
      const parent = await coordinator.goals.create({
        ...p,
        ...goalFields,
        title: `Ouder ${round}`,
      });
      await Promise.allSettled([
        coordinator.goals.create({ ...p, ...goalFields, title: "Kind", parentId: parent.id }),
        coordinator.goals.delete({ ...p, goalId: parent.id, version: parent.version }),
      ]);
      const [row] = await database.db.select().from(goals).where(eq(goals.id, parent.id));
      const liveChildren = await database.db
        .select()
        .from(goals)
        .where(and(eq(goals.parentId, parent.id), isNull(goals.deletedAt)));
      // Either the parent stayed (and may have a child) or it went (and has none).
      if (row?.deletedAt) expect(liveChildren).toEqual([]);
    }
  });

  it("never add a check-in to a case closed at the same moment", async () => {
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    for (let round = 0; round < 8; round++) {
      const aCase = await professional.cases.create({ ...p, ageBand: "4-12", schoolType: "po" });
      const [checkIn, close] = await Promise.allSettled([
        professional.cases.addCheckIn({
          ...p,
          caseId: aCase.id,
          clientRequestId: crypto.randomUUID(),
          heldOn: today(),
          ratings: [{ perspective: "school", collaboration: 3, wellbeing: 3 }],
        }),
        professional.cases.close({
          ...p,
          caseId: aCase.id,
          version: aCase.version,
          closedOn: today(),
          ending: "planned",
        }),
      ]);
      expect(close.status).toBe("fulfilled");
      if (checkIn.status === "rejected") {
        // The closing came first: the check-in was refused because the case was closed.
        expect((checkIn.reason as TRPCError).code).toBe("CONFLICT");
        continue;
      }
      // Both went through: then the check-in was written before the case closed (audit rows are
      // numbered in the order they were written).
      const order = await database.db
        .select({ id: auditLog.id, entity: auditLog.entity })
        .from(auditLog)
        .where(
          or(
            and(eq(auditLog.entity, "check_in"), eq(auditLog.entityId, checkIn.value.id)),
            and(
              eq(auditLog.entity, "case"),
              eq(auditLog.entityId, aCase.id),
              eq(auditLog.action, "close"),
            ),
          ),
        )
        .orderBy(asc(auditLog.id));
      expect(order.map((r) => r.entity)).toEqual(["check_in", "case"]);
    }
  });
});
