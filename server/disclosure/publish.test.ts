/**
 * The attacker test over everything published: generated nations of regions, municipalities
 * and partnerships (some sharing full access) with case figures per school type and age band,
 * published by publishAll exactly as the analysts receive them, then attacked with a linear
 * program (HiGHS) over every published table at once — totals, both breakdowns, every level.
 * For each case count withheld as small, every value within the protection (its true value ± 5,
 * within 0 to 9, what "< 10" already says) must stay possible, to an attacker who knows every
 * published cell and that the breakdowns add up; for each
 * reporting figure withheld because it sums too few partnerships, the part that is not shared
 * must stay unknown by at least one session either way; and so for each goal status, which is
 * protected on its own (nothing published ties the statuses together).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quarterOf } from "@/domain/dates";
import { ageBands, schoolTypes } from "@/domain/vocabulary";
import {
  type CaseFigures,
  caseDims,
  type Figure,
  type GoalFigures,
  type PartnershipUnit,
  type Published,
  publishAll,
  type ReportingFigures,
  type ScopeKey,
} from "./publish";
import { highs, protectionInterval } from "./suppression";

const quarter = quarterOf("2026-05-01");
const thresholds = { cases: 10, partnerships: 3, scorers: 5, correlation: 10 };
/** What publish promises a small count (docs/ARCHITECTURE.md): ±5 of its value, inside 0–9. */
const protection = { protection: 5, prior: { lower: 0, upper: 9 } };
const sts = schoolTypes.slice(0, 3);
const abs = ageBands.slice(1, 3);
const goalStatuses = ["achieved", "onTrack", "atRisk", "offTrack", "noData"] as const;

type Generated = {
  regions: {
    municipalities: {
      partnerships: { shares: boolean; joint: number[][]; held: number; goals: number[] }[];
    }[];
  }[];
};

const joint = fc.array(
  fc.array(
    fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 30 })),
    {
      minLength: abs.length,
      maxLength: abs.length,
    },
  ),
  { minLength: sts.length, maxLength: sts.length },
);
const generated: fc.Arbitrary<Generated> = fc.record({
  regions: fc.array(
    fc.record({
      municipalities: fc.array(
        fc.record({
          partnerships: fc.array(
            fc.record({
              shares: fc.boolean(),
              joint,
              held: fc.integer({ min: 0, max: 3 }),
              // Many zeros: a zero cannot hide a neighbour's count upward.
              goals: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 4 })), {
                minLength: goalStatuses.length,
                maxLength: goalStatuses.length,
              }),
            }),
            { minLength: 0, maxLength: 4 },
          ),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

function inputOf(g: Generated) {
  const partnerships: PartnershipUnit[] = [];
  const municipalities: { id: string; regionId: string }[] = [];
  const cases: CaseFigures[] = [];
  const reporting: ReportingFigures[] = [];
  const goals: GoalFigures[] = [];
  const zero = {
    gasT: [] as number[],
    jointPlan: 0,
    checkIns: 0,
    voiceCheckIns: 0,
    changes: 0,
    caseDays: 0,
    referrals: 0,
    tooQuick: 0,
    dropouts: 0,
    continuesKnown: 0,
    continuesYes: 0,
    realisedKnown: 0,
    realisedYes: 0,
    realisedPartly: 0,
    satisfactionParentN: 0,
    satisfactionParentSum: 0,
    satisfactionYoungN: 0,
    satisfactionYoungSum: 0,
  };
  g.regions.forEach((r, ri) => {
    r.municipalities.forEach((m, mi) => {
      const muni = `m${ri}-${mi}`;
      municipalities.push({ id: muni, regionId: `r${ri}` });
      m.partnerships.forEach((p, pi) => {
        const id = `p${ri}-${mi}-${pi}`;
        partnerships.push({
          id,
          municipalityId: muni,
          regionId: `r${ri}`,
          sharing: p.shares ? "full" : "aggregates",
        });
        // Some of the active cases have a GAS score and some closed: counts within counts, each
        // decided per case (per cell of the joint table), so that every breakdown adds up.
        const counts = (cells: number[]) => ({
          active: cells.reduce((a, b) => a + b, 0),
          gasCases: cells.reduce((a, b) => a + Math.floor(b / 2), 0),
          closed: cells.reduce((a, b) => a + Math.floor(b / 3), 0),
        });
        const row = (dim: string, dimValue: string, cells: number[]): CaseFigures => ({
          partnershipId: id,
          quarterStart: quarter.start,
          dim,
          dimValue,
          ...zero,
          ...counts(cells),
        });
        cases.push(row("all", "", p.joint.flat()));
        for (const [i, s] of sts.entries()) cases.push(row("school_type", s, p.joint[i] ?? []));
        for (const [j, a] of abs.entries())
          cases.push(
            row(
              "age_band",
              a,
              p.joint.map((rr) => rr[j] ?? 0),
            ),
          );
        reporting.push({
          partnershipId: id,
          quarterStart: quarter.start,
          expected: 1,
          held: p.held,
          heldCapped: Math.min(1, p.held),
          onTimeCapped: 0,
        });
        goals.push({
          partnershipId: id,
          quarterStart: quarter.start,
          ...(Object.fromEntries(goalStatuses.map((k, i) => [k, p.goals[i] ?? 0])) as Record<
            (typeof goalStatuses)[number],
            number
          >),
        });
      });
    });
  });
  return { partnerships, municipalities, cases, reporting, goals };
}

/** Solves min and max of one variable over an LP in CPLEX text, with everything else fixed. */
async function bounds(rows: string[], boundsText: string[], variable: string) {
  const solver = await highs();
  const solve = (sense: string) => {
    const lp = `${sense}\n obj: ${variable}\nSubject To\n${rows.join("\n")}\nBounds\n${boundsText.join("\n")}\nEnd\n`;
    const r = solver.solve(lp, { output_flag: false });
    if (r.Status === "Unbounded") return Number.POSITIVE_INFINITY;
    if (r.Status !== "Optimal") throw new Error(r.Status);
    return r.ObjectiveValue;
  };
  return { lower: solve("Minimize"), upper: solve("Maximize") };
}

/** The true value of a cell, from the generated figures. */
function trueValue(
  input: ReturnType<typeof inputOf>,
  scope: ScopeKey,
  dim: string,
  measure: "active" | "gasCases" | "closed",
) {
  const inScope = new Set(
    input.partnerships
      .filter((p) =>
        scope === "nation:nl"
          ? true
          : scope.startsWith("region:")
            ? `region:${p.regionId}` === scope
            : `municipality:${p.municipalityId}` === scope,
      )
      .map((p) => p.id),
  );
  return input.cases
    .filter(
      (r) =>
        inScope.has(r.partnershipId) &&
        (r.dim === "all" ? "all" : `${r.dim}:${r.dimValue}`) === dim,
    )
    .reduce((sum, r) => sum + r[measure], 0);
}

/** What the analysts see of one count, laid out as the attacker's unknowns and relations. */
async function attackCounts(
  published: Map<ScopeKey, Published>,
  input: ReturnType<typeof inputOf>,
  measure: "active" | "gasCases" | "closed",
) {
  // Every cell the analysts receive, also those of school types and age bands the data leaves
  // empty: the attacker does not know they are empty, only what is published of them.
  const dims = caseDims;
  const scopes = [...published.keys()];
  const name = new Map<string, string>();
  const variable = (scope: string, dim: string) => {
    const key = `${scope}|${dim}`;
    if (!name.has(key)) name.set(key, `x${name.size}`);
    return name.get(key) as string;
  };
  const cellOf = (scope: ScopeKey, dim: string) =>
    published.get(scope)?.cases.quarters[0]?.cells[dim]?.[measure];
  const rows: string[] = [];
  const boundsText: string[] = [];
  const small: { scope: ScopeKey; dim: string }[] = [];
  for (const scope of scopes) {
    for (const dim of dims) {
      const figure = cellOf(scope, dim);
      const v = variable(scope, dim);
      if (!figure || figure.withheld === null) boundsText.push(` ${v} = ${figure?.value ?? 0}`);
      else if (figure.withheld === "small") {
        boundsText.push(` 0 <= ${v} <= 9`);
        small.push({ scope, dim });
      } else boundsText.push(` ${v} >= 0`);
    }
    const parts = (prefix: string) =>
      dims
        .filter((d) => d.startsWith(prefix))
        .map((d) => `- ${variable(scope, d)}`)
        .join(" ");
    rows.push(` c${rows.length}: ${variable(scope, "all")} ${parts("school_type:")} = 0`);
    rows.push(` c${rows.length}: ${variable(scope, "all")} ${parts("age_band:")} = 0`);
  }
  const regionsOf = new Map<string, string[]>();
  for (const m of input.municipalities)
    regionsOf.set(m.regionId, [...(regionsOf.get(m.regionId) ?? []), m.id]);
  for (const dim of dims) {
    for (const [region, munis] of regionsOf)
      rows.push(
        ` c${rows.length}: ${variable(`region:${region}`, dim)} ${munis.map((m) => `- ${variable(`municipality:${m}`, dim)}`).join(" ")} = 0`,
      );
    rows.push(
      ` c${rows.length}: ${variable("nation:nl", dim)} ${[...regionsOf.keys()].map((r) => `- ${variable(`region:${r}`, dim)}`).join(" ")} = 0`,
    );
  }
  for (const cell of small) {
    const got = await bounds(rows, boundsText, variable(cell.scope, cell.dim));
    const need = protectionInterval(protection, trueValue(input, cell.scope, cell.dim, measure));
    expect(got.lower, `${measure} ${cell.scope} ${cell.dim} lower`).toBeLessThanOrEqual(
      need.lower + 1e-6,
    );
    expect(got.upper, `${measure} ${cell.scope} ${cell.dim} upper`).toBeGreaterThanOrEqual(
      need.upper - 1e-6,
    );
  }
  return small.length;
}

/**
 * A sum over partnerships (reporting, a goal status): the analysts also see each sharing
 * partnership's own figure.
 */
async function attackPartnershipSum(
  published: Map<ScopeKey, Published>,
  input: ReturnType<typeof inputOf>,
  label: string,
  trueValueOf: (partnershipId: string) => number,
  figureOf: (sections: Published) => Figure | undefined,
) {
  const held = new Map(input.partnerships.map((p) => [p.id, trueValueOf(p.id)]));
  const name = new Map<string, string>();
  const variable = (key: string) => {
    if (!name.has(key)) name.set(key, `y${name.size}`);
    return name.get(key) as string;
  };
  const rows: string[] = [];
  const boundsText: string[] = [];
  // Each partnership's figure: known when it shares, unknown (0 or more) when it does not.
  for (const p of input.partnerships)
    boundsText.push(
      p.sharing === "full"
        ? ` ${variable(p.id)} = ${held.get(p.id) ?? 0}`
        : ` ${variable(p.id)} >= 0`,
    );
  const membersOf = (scope: ScopeKey) =>
    input.partnerships.filter((p) =>
      scope === "nation:nl"
        ? true
        : scope.startsWith("region:")
          ? `region:${p.regionId}` === scope
          : `municipality:${p.municipalityId}` === scope,
    );
  const withheld: { scope: ScopeKey; rest: number }[] = [];
  for (const [scope, sections] of published) {
    const figure = figureOf(sections);
    const members = membersOf(scope);
    if (members.length === 0) continue;
    const sum = members.map((p) => `+ ${variable(p.id)}`).join(" ");
    if (figure?.withheld === null) rows.push(` c${rows.length}: ${sum} = ${figure.value ?? 0}`);
    else if (figure?.withheld === "partnerships")
      withheld.push({
        scope,
        rest: members
          .filter((p) => p.sharing !== "full")
          .reduce((a, p) => a + (held.get(p.id) ?? 0), 0),
      });
  }
  for (const w of withheld) {
    // The attacker's unknown: the sum over the scope's partnerships that do not share.
    const rest = membersOf(w.scope).filter((p) => p.sharing !== "full");
    const obj = variable(`rest:${w.scope}`);
    const rowsWithRest = [
      ...rows,
      ` r: ${obj} ${rest.map((p) => `- ${variable(p.id)}`).join(" ")} = 0`,
    ];
    const got = await bounds(rowsWithRest, [...boundsText, ` ${obj} >= 0`], obj);
    expect(got.lower, `${label} ${w.scope} lower`).toBeLessThanOrEqual(
      Math.max(0, w.rest - 1) + 1e-6,
    );
    expect(got.upper, `${label} ${w.scope} upper`).toBeGreaterThanOrEqual(w.rest + 1 - 1e-6);
  }
  return withheld.length;
}

describe("everything published, attacked", () => {
  it("recovers no small case count and no few-partnership figure, from any table or level", async () => {
    let smallSeen = 0;
    let fewSeen = 0;
    let goalsSeen = 0;
    await fc.assert(
      fc.asyncProperty(generated, async (g) => {
        const input = inputOf(g);
        const published = await publishAll({
          quarters: [quarter],
          ...input,
          collaboration: [],
          thresholds,
          factorIds: [],
          levelCount: 0,
        });
        for (const measure of ["active", "gasCases", "closed"] as const)
          smallSeen += await attackCounts(published, input, measure);
        const held = new Map(input.reporting.map((r) => [r.partnershipId, r.heldCapped]));
        fewSeen += await attackPartnershipSum(
          published,
          input,
          "reporting",
          (id) => held.get(id) ?? 0,
          (s) => s.reporting.quarters[0]?.held,
        );
        const goals = new Map(input.goals.map((r) => [r.partnershipId, r]));
        for (const status of goalStatuses)
          goalsSeen += await attackPartnershipSum(
            published,
            input,
            `goals ${status}`,
            (id) => goals.get(id)?.[status] ?? 0,
            (s) => s.goals.quarters[0]?.[status],
          );
      }),
      { numRuns: 40 },
    );
    // The datasets did put the rules to work.
    expect(smallSeen).toBeGreaterThan(50);
    expect(fewSeen).toBeGreaterThan(5);
    expect(goalsSeen).toBeGreaterThan(25);
  }, 300_000);
});
