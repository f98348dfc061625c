/**
 * Municipality, region and national figures end to end: partnerships do their work through the
 * procedures, the job publishes (server/services/published-figures.ts), and analysts read what
 * was published for their scope — small numbers withheld with their reason, partnership-level
 * figures only over enough partnerships, and the benchmark on a partnership's own dashboard only
 * beside enough others.
 */
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { addDays, today } from "@/domain/dates";
import { publishFigures } from "@/server/services/published-figures";
import { callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

type Caller = Awaited<ReturnType<typeof callerFor>>;
const day = today();

/** A partnership in municipality A with a coordinator, a leader and a professional of the world. */
async function partnershipInA(name: string, sharing: "aggregates" | "full" = "aggregates") {
  const admin = await callerFor(database.db, world, "admin");
  const p = await admin.partnerships.create({
    municipalityId: world.muniA.id,
    name,
    form: "op_school",
    reflectionCadence: "quarterly",
    municipalitySharing: sharing,
  });
  for (const [email, role] of [
    ["coordinator@test.nl", "coordinator"],
    ["leader@test.nl", "leader"],
    ["professional@test.nl", "professional"],
  ] as const)
    await admin.partnerships.addMember({ partnershipId: p.id, email, role });
  return p.id;
}

/** A signed-off session that `people` participants scored (B1 = score). */
async function session(partnershipId: string, heldOn: string, people: number, score: number) {
  const coordinator = await callerFor(database.db, world, "coordinator");
  const leader = await callerFor(database.db, world, "leader");
  const p = { partnershipId };
  const s = await coordinator.reflections.plan({ ...p, heldOn });
  for (let i = 0; i < people; i++) {
    const who = await coordinator.reflections.addParticipant({
      ...p,
      sessionId: s.id,
      name: `Deelnemer ${i}`,
      sector: i % 2 === 0 ? "education" : "youth_care",
    });
    await coordinator.reflections.saveScores({
      ...p,
      sessionId: s.id,
      participantId: who.id,
      version: who.version,
      scores: [{ factorId: "B1", score }],
    });
  }
  const row = await leader.reflections.get({ ...p, sessionId: s.id });
  await leader.reflections.signOff({
    ...p,
    sessionId: s.id,
    version: row.version,
    revision: row.revision,
  });
}

async function cases(professional: Caller, partnershipId: string, n: number) {
  for (let i = 0; i < n; i++)
    await professional.cases.create({
      partnershipId,
      ageBand: i % 2 ? "4-12" : "12-16",
      schoolType: i % 3 ? "po" : "vo",
      openedOn: addDays(day, -30),
    });
}

describe("published figures", () => {
  it("reach each analyst for their scope, small numbers withheld with the reason", async () => {
    const ids = [world.p.id];
    for (const name of ["Samen A2", "Samen A3"]) ids.push(await partnershipInA(name));
    ids.push(await partnershipInA("Samen A4", "full"));
    // Memberships are read when a caller is made: after the partnerships exist.
    const professional = await callerFor(database.db, world, "professional");
    for (const [i, id] of ids.entries()) {
      await session(id, addDays(day, -20 - i), 5, 2 + i);
      await cases(professional, id, 6);
    }
    await publishFigures(database.db);

    const analyst = await callerFor(database.db, world, "analyst");
    const scope = { scopeKind: "municipality", scopeId: world.muniA.id } as const;
    const overview = await analyst.scopes.overview(scope);
    expect(overview.partnerships).toBe(4);
    expect(overview.figuresAsOf).toBeInstanceOf(Date);
    // The one that shares full access is listed by name, and opens for its municipality.
    expect(overview.shared.map((p) => [p.name, p.opens])).toEqual([["Samen A4", true]]);

    // 24 cases: the total is published; by school type, po holds all 24 and the rest are empty.
    // 24 cases, 16 in po and 8 in vo: what is published is true, what is small is withheld
    // with its reason (an empty school type too), and what is hidden besides says why.
    const latest = (await analyst.scopes.cases(scope)).quarters.at(-1);
    const shownOrProtected = (
      f: { value: number | null; withheld: string | null } | undefined,
      v: number,
    ) => f?.withheld === "protect" || (f?.withheld === null && f.value === v);
    expect(shownOrProtected(latest?.cells.all?.active, 24)).toBe(true);
    expect(shownOrProtected(latest?.cells["school_type:po"]?.active, 16)).toBe(true);
    expect(latest?.cells["school_type:vo"]?.active).toEqual({ value: null, withheld: "small" });
    expect(latest?.cells["school_type:none"]?.active).toEqual({ value: null, withheld: "small" });

    // Collaboration: four partnerships, each session scored by five: median 3.5 of 2, 3, 4, 5.
    const collab = (await analyst.scopes.collaboration(scope)).quarters.at(-1);
    expect(collab?.partnerships).toBe(4);
    expect(collab?.factors[0]?.spread?.median).toBeCloseTo(3.5);

    // The other municipality (one partnership) withholds its partnership figures.
    const other = await callerFor(database.db, world, "otherAnalyst");
    const b = { scopeKind: "municipality", scopeId: world.muniB.id } as const;
    const reporting = (await other.scopes.reporting(b)).quarters.at(-1);
    expect(reporting?.held.withheld).toBe("partnerships");

    // The region analyst reaches the municipality, the national analyst everything.
    const region = await callerFor(database.db, world, "regionAnalyst");
    expect((await region.scopes.cases(scope)).quarters.at(-1)?.cells).toEqual(latest?.cells);
    // It shares with the municipality, not with the region: a name, not a way in.
    const seenByRegion = await region.scopes.overview(scope);
    expect(seenByRegion.shared.map((p) => [p.name, p.opens])).toEqual([["Samen A4", false]]);
    await expect(region.dashboards.partnership({ partnershipId: ids[3] ?? "" })).rejects.toThrow();
    const national = await callerFor(database.db, world, "nationalAnalyst");
    const nation = await national.scopes.cases({ scopeKind: "nation", scopeId: "nl" });
    expect(nation.quarters.at(-1)?.cells.all?.active.withheld).not.toBeNull();

    // The benchmark: beside the three others of A (median of 3, 4, 5 = 4 for the first).
    const coordinator = await callerFor(database.db, world, "coordinator");
    const bench = await coordinator.dashboards.benchmark({ partnershipId: world.p.id });
    const index = bench.metrics.find((m) => m.metric === "collaborationIndex");
    expect(index?.own).toBeCloseTo(2);
    const muni = index?.groups.find((g) => g.kind === "municipality");
    expect(muni).toMatchObject({ others: 3 });
    expect(muni?.median).toBeCloseTo(4);
    // Active cases per partnership rest on six cases each: too few to put beside anyone.
    const active = bench.metrics.find((m) => m.metric === "activeCases");
    expect(active?.groups.every((g) => g.median === null)).toBe(true);
    expect(active?.own).toBe(6);
    // The municipality reads the benchmark of the one that shares with it without that
    // partnership's own case figures: those are for its people, as everywhere on its dashboard.
    const seen = await analyst.dashboards.benchmark({ partnershipId: ids[3] ?? "" });
    for (const metric of ["activeCases", "gasMean", "jointPlanShare", "voiceShare"])
      expect(seen.metrics.find((m) => m.metric === metric)?.own, metric).toBeNull();
    expect(seen.metrics.find((m) => m.metric === "collaborationIndex")?.own).toBeCloseTo(5);
  });
});
