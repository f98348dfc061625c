import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { formattedError } from "../helpers/errors";
import { callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

/**
 * "Today" for these tests: inside the ten-year goal below, after its measurements. The goals
 * router (server/routers/goals.ts) takes today from the clock, `new Date()` (domain/dates.ts
 * `today()`), and after the target date every unmet goal is off track (domain/goal-status.ts,
 * rule 4): on the real clock these tests would turn red on 2030-01-02.
 */
const TODAY = new Date("2026-03-15T10:00:00Z");

// A ten-year goal: measurements in 2025, target in 2030.
const base = {
  parentId: null,
  title: "Minder thuiszitters",
  indicator: "Aandeel leerlingen met passend onderwijs",
  unit: "%",
  direction: "higher" as const,
  baselineValue: 0,
  baselineDate: "2020-01-01",
  targetValue: 100,
  targetDate: "2030-01-01",
  plausibleMin: 0,
  plausibleMax: 100,
  effectKind: "child" as const,
};

describe("goals", () => {
  // Only Date is faked, so the database drivers' timers keep working. The clock still moves on
  // from TODAY: embedded Postgres reads its now() from it too, and the history is ordered by it.
  beforeEach(() => {
    vi.useFakeTimers({ now: TODAY, toFake: ["Date"], shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("builds a tree with partner roles and rejects bad input naming the field", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    const impact = await coordinator.goals.create({
      ...p,
      ...base,
      roles: [{ organisationId: world.organisations.school.id, role: "Signaleert vroeg" }],
    });
    const intermediate = await coordinator.goals.create({
      ...p,
      ...base,
      title: "Snellere toeleiding",
      parentId: impact.id,
    });
    const detail = await coordinator.goals.get({ ...p, goalId: impact.id });
    expect(detail.roles).toEqual([
      { organisationId: world.organisations.school.id, name: "School A", role: "Signaleert vroeg" },
    ]);
    expect(detail.children).toEqual([{ id: intermediate.id, title: "Snellere toeleiding" }]);

    const dates = await formattedError(
      coordinator.goals.create({ ...p, ...base, targetDate: "2019-01-01" }),
    );
    expect(dates.fieldErrors).toEqual({
      targetDate: "Streefdatum: de streefdatum moet na de datum van de nulmeting liggen",
    });
    const outsider = await formattedError(
      coordinator.goals.create({
        ...p,
        ...base,
        roles: [{ organisationId: world.organisations.team.id, role: "x" }],
      }),
    );
    expect(outsider.fieldErrors).toEqual({
      roles: "Rol van de partners: kies een partnerorganisatie van dit samenwerkingsverband",
    });
    const badDate = await formattedError(
      coordinator.goals.create({ ...p, ...base, baselineDate: "31-12-2020" }),
    );
    expect(badDate.fieldErrors).toEqual({
      baselineDate: "Datum nulmeting: vul een geldige datum in",
    });
    const cycle = await formattedError(
      coordinator.goals.update({
        ...p,
        ...base,
        goalId: impact.id,
        version: impact.version,
        parentId: intermediate.id,
      }),
    );
    expect(cycle.fieldErrors?.parentId).toContain("niet onder zichzelf");
    const hasChildren = await formattedError(
      coordinator.goals.delete({ ...p, goalId: impact.id, version: impact.version }),
    );
    expect(hasChildren.code).toBe("CONFLICT");
  });

  it("computes status and progress from measurements, asks to confirm implausible values, and keeps history", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const p = { partnershipId: world.p.id };
    const goal = await coordinator.goals.create({ ...p, ...base, title: "Meetbaar doel" });
    const status = async () => (await coordinator.goals.list(p)).find((g) => g.id === goal.id);
    expect((await status())?.status).toBe("no_data");

    // 2025-01-01 is 1827 of 3653 days: expected progress 0.5002; 50 of 100 is on track.
    const first = await coordinator.goals.addMeasurement({
      ...p,
      goalId: goal.id,
      value: 50,
      measuredOn: "2025-01-01",
      note: "Telling",
    });
    expect(await status()).toMatchObject({ status: "on_track", progress: 0.5, latestValue: 50 });
    // The faked clock is the server's "today": the day after TODAY is in the future.
    const tomorrow = await formattedError(
      coordinator.goals.addMeasurement({
        ...p,
        goalId: goal.id,
        value: 60,
        measuredOn: "2026-03-16",
      }),
    );
    expect(tomorrow.fieldErrors?.measuredOn).toContain("deze datum ligt in de toekomst");

    const implausible = await formattedError(
      coordinator.goals.addMeasurement({
        ...p,
        goalId: goal.id,
        value: 150,
        measuredOn: "2025-02-01",
      }),
    );
    expect(implausible.code).toBe("BAD_REQUEST");
    expect(implausible.fieldErrors?.value).toBe(
      "Waarde: deze waarde valt buiten het verwachte bereik (0 – 100); controleer hem en bevestig",
    );

    // A correction to 20: progress 0.2 against 0.5 expected is more than two tolerances behind.
    const corrected = await coordinator.goals.updateMeasurement({
      ...p,
      id: first.id,
      version: first.version,
      value: 20,
      measuredOn: "2025-01-01",
      note: "Gecorrigeerd",
    });
    expect(await status()).toMatchObject({ status: "off_track", progress: 0.2 });
    const stale = await formattedError(
      coordinator.goals.updateMeasurement({
        ...p,
        id: first.id,
        version: first.version,
        value: 30,
        measuredOn: "2025-01-01",
      }),
    );
    expect(stale.code).toBe("CONFLICT");

    await coordinator.goals.deleteMeasurement({ ...p, id: first.id, version: corrected.version });
    expect((await status())?.status).toBe("no_data");
    const history = await coordinator.goals.history({ ...p, goalId: goal.id });
    expect(history.map((h) => `${h.entity}:${h.action}`)).toEqual([
      "goal_measurement:delete",
      "goal_measurement:update",
      "goal_measurement:create",
      "goal:create",
    ]);
  });

  it("keeps a leader's review with its date", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const leader = await callerFor(database.db, world, "leader");
    const p = { partnershipId: world.p.id };
    const goal = await coordinator.goals.create({ ...p, ...base, title: "Beoordeeld doel" });
    await leader.goals.review({
      ...p,
      goalId: goal.id,
      verdict: "needs_attention",
      comment: "Meer inzet van jeugdhulp nodig",
    });
    const detail = await coordinator.goals.get({ ...p, goalId: goal.id });
    expect(detail.reviews).toHaveLength(1);
    expect(detail.reviews[0]).toMatchObject({
      verdict: "needs_attention",
      comment: "Meer inzet van jeugdhulp nodig",
      reviewerName: "Leider P",
    });
    expect(detail.reviews[0]?.reviewedAt).toBeInstanceOf(Date);
    expect((await coordinator.goals.list(p)).find((g) => g.id === goal.id)?.latestVerdict).toBe(
      "needs_attention",
    );
  });
});
