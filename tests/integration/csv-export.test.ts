/**
 * The CSV downloads are built from the procedures' answers, as the signed-in user
 * (app/_components/csv-route.ts): here the table builders get what `createCaller` answers each
 * actor, and the file must hide exactly what the procedure hid.
 */
import { describe, expect, it, vi } from "vitest";
import { toCsv } from "@/app/_components/csv";
import type { TableContext } from "@/app/_components/table-model";
import { caseQuartersTable } from "@/app/partnerships/[id]/dashboard-tables";
import { measurementsTable } from "@/app/partnerships/[id]/goals/tables";
import type { Database } from "@/db/client";
import { env } from "@/env";
import { serverTranslator } from "@/server/i18n";
import { goalFields } from "../helpers/fixtures";
import { type Actor, callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

const dutch: TableContext = { ...serverTranslator("nl"), locale: "nl" };
/** A Dutch CSV's rows as cells (these files hold no quoted cells), header first. */
const cellsOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(";"));

/** The case figures as `actor` gets them on 15 May 2026 (only the query runs on that day). */
async function casesOn(actor: Actor) {
  const caller = await callerFor(database.db, world, actor);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-05-15T12:00:00Z"));
  try {
    return await caller.dashboards.cases({ partnershipId: world.p.id });
  } finally {
    vi.useRealTimers();
  }
}

describe("CSV downloads keep the screen's suppression", () => {
  it("a leader's case figures per quarter have the hidden quarters empty, as the procedure answers", async () => {
    expect(env.SUPPRESS_BELOW_CASES).toBe(10);
    const professional = await callerFor(database.db, world, "professional");
    const p = { partnershipId: world.p.id };
    const rating = (perspective: "school" | "parent", wellbeing: number) => ({
      perspective,
      collaboration: 3,
      wellbeing,
    });
    // One case in 2025-K1 only: a quarter about one child.
    const alone = await professional.cases.create({
      ...p,
      ageBand: "4-12",
      schoolType: "po",
      openedOn: "2025-02-01",
    });
    await professional.cases.addCheckIn({
      ...p,
      caseId: alone.id,
      clientRequestId: crypto.randomUUID(),
      heldOn: "2025-03-01",
      ratings: [rating("school", 4), rating("parent", 1)],
    });
    await professional.cases.close({
      ...p,
      caseId: alone.id,
      version: alone.version,
      closedOn: "2025-03-31",
      ending: "planned",
    });
    // Ten cases from 2025-K4 on, each with a check-in where the parent is less positive.
    for (let i = 0; i < 10; i++) {
      const c = await professional.cases.create({
        ...p,
        ageBand: "12-16",
        schoolType: "vo",
        openedOn: "2025-10-01",
      });
      await professional.cases.addCheckIn({
        ...p,
        caseId: c.id,
        clientRequestId: crypto.randomUUID(),
        heldOn: "2025-11-01",
        ratings: [rating("school", 4), rating("parent", 2)],
      });
    }

    const leader = await casesOn("leader");
    expect(leader.limited).toBe(true);
    const csv = toCsv(caseQuartersTable(leader, dutch));
    const [header, ...rows] = cellsOf(csv);
    expect(header).toEqual([
      "Kwartaal",
      "Actieve casussen",
      "Verborgen: minder dan 10 casussen",
      "Check-ins",
      "Gemiddelde GAS T-score",
      "Verschil ouders en jongeren met professionals over hoe het gaat",
      "Wisselingen van professional per casusjaar",
      "Casussen met een gezamenlijk plan",
      "Check-ins waarin een ouder of jongere zelf iets zei",
      "Verwijzingen te snel volgens de partners",
      "Verwijzingen",
    ]);
    expect(rows).toHaveLength(leader.quarters.length);
    const byLabel = new Map(rows.map((r) => [r[0], r]));
    const k1 = leader.quarters.find((q) => q.label === "2025-K1");
    expect(k1?.suppressed).toBe(true);
    // The hidden quarter: every figure empty, said in words; nothing of the one case shows.
    expect(byLabel.get("2025-K1")).toEqual(["2025-K1", "", "Ja", "", "", "", "", "", "", "", ""]);
    // Ten cases: shown, with a negative difference as a number.
    expect(byLabel.get("2025-K4")?.slice(0, 6)).toEqual(["2025-K4", "10", "Nee", "10", "", "-2,0"]);
    // Every cell is empty exactly where the procedure answered no figure.
    const figures = [
      "activeCases",
      "checkIns",
      "meanGasT",
      "wellbeingGap",
      "professionalChangesPerCaseYear",
      "jointPlanShare",
      "voiceShare",
      "tooQuickShare",
    ] as const;
    for (const q of leader.quarters) {
      const row = byLabel.get(q.label) ?? [];
      const cells = [row[1], ...row.slice(3, 10)];
      expect(
        cells.map((c) => c === ""),
        q.label,
      ).toEqual(figures.map((f) => q[f] === null));
      expect(row[10] === "", q.label).toBe(q.referrals === null);
    }

    // The coordinator sees the small quarter, and the file says nothing is hidden.
    const coordinator = await casesOn("coordinator");
    const [coordinatorHeader, ...coordinatorRows] = cellsOf(
      toCsv(caseQuartersTable(coordinator, dutch)),
    );
    expect(coordinatorHeader).not.toContain("Verborgen: minder dan 10 casussen");
    expect(coordinatorRows.find((r) => r[0] === "2025-K1")?.slice(0, 3)).toEqual([
      "2025-K1",
      "1",
      "1",
    ]);
  });

  it("a goal's measurements name who recorded them only for those who may see people", async () => {
    const coordinator = await callerFor(database.db, world, "coordinator");
    const goal = await coordinator.goals.create({
      partnershipId: world.p.id,
      ...goalFields,
    });
    await coordinator.goals.addMeasurement({
      partnershipId: world.p.id,
      goalId: goal.id,
      value: -1.5,
      measuredOn: "2026-01-15",
    });
    const ref = { partnershipId: world.p.id, goalId: goal.id };
    const asCoordinator = cellsOf(
      toCsv(measurementsTable(await coordinator.goals.get(ref), dutch)),
    );
    expect(asCoordinator[1]?.[0]).toBe("2026-01-15");
    expect(asCoordinator[1]?.[1]).toBe("-1,5");
    expect(asCoordinator[1]?.at(-1)).toBe("Coördinator P");

    const sharing = await coordinator.partnerships.update({
      partnershipId: world.p.id,
      ...(await coordinator.partnerships.get({ partnershipId: world.p.id })),
      municipalitySharing: "full",
    });
    expect(sharing.municipalitySharing).toBe("full");
    const analyst = await callerFor(database.db, world, "analyst");
    const asAnalyst = cellsOf(toCsv(measurementsTable(await analyst.goals.get(ref), dutch)));
    expect(asAnalyst[1]?.[1]).toBe("-1,5");
    expect(asAnalyst[1]?.at(-1)).toBe("");
  });
});
