/**
 * The attacker test: datasets shaped like the product's (a nation of regions of municipalities,
 * each cell broken down by school type and by age band), published through planSuppression,
 * then attacked with an independent linear program over everything published (HiGHS through
 * its LP text format, all cells at once — not the planner's own per-group models). Every
 * suppressed primary cell must keep its whole protection interval possible.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Block,
  highs,
  planSuppression,
  protectionInterval,
  type Relation,
} from "./suppression";

const schoolTypes = ["po", "vo", "so"] as const;
const ageBands = ["a", "b"] as const;

/** A hierarchy with joint counts per municipality, school type and age band (so every sum agrees). */
type Dataset = number[][][][]; // region → municipality → school type → age band

function blockOf(data: Dataset, threshold = 10): Block {
  const values = new Map<string, number>();
  const relations: Relation[] = [];
  const unit = (name: string, joint: number[][]) => {
    const t = `${name}|T`;
    values.set(
      t,
      joint.flat().reduce((a, b) => a + b, 0),
    );
    for (const [i, s] of schoolTypes.entries())
      values.set(
        `${name}|${s}`,
        (joint[i] ?? []).reduce((a, b) => a + b, 0),
      );
    for (const [j, a] of ageBands.entries())
      values.set(
        `${name}|${a}`,
        joint.reduce((sum, row) => sum + (row[j] ?? 0), 0),
      );
    relations.push({ total: t, parts: schoolTypes.map((s) => `${name}|${s}`) });
    relations.push({ total: t, parts: ageBands.map((a) => `${name}|${a}`) });
  };
  const add = (a: number[][], b: number[][]) =>
    a.map((row, i) => row.map((v, j) => v + (b[i]?.[j] ?? 0)));
  const zero = schoolTypes.map(() => ageBands.map(() => 0));
  let nation = zero;
  data.forEach((region, r) => {
    let regionJoint = zero;
    region.forEach((joint, m) => {
      unit(`m${r}.${m}`, joint);
      regionJoint = add(regionJoint, joint);
    });
    unit(`r${r}`, regionJoint);
    nation = add(nation, regionJoint);
    for (const b of ["T", ...schoolTypes, ...ageBands])
      relations.push({ total: `r${r}|${b}`, parts: region.map((_, m) => `m${r}.${m}|${b}`) });
  });
  unit("nl", nation);
  for (const b of ["T", ...schoolTypes, ...ageBands])
    relations.push({ total: `nl|${b}`, parts: data.map((_, r) => `r${r}|${b}`) });
  // "< 10" covers 0 to 9: an empty cell shows the same marker as a small one.
  const primary = new Set([...values].filter(([, v]) => v < threshold).map(([k]) => k));
  return {
    values,
    primary,
    relations,
    protection: threshold,
    prior: { lower: 0, upper: threshold - 1 },
  };
}

/** The attacker: the least and greatest value of `cell` given everything published. */
async function attack(block: Block, hidden: Set<string>, cell: string) {
  const solver = await highs();
  const names = new Map([...block.values.keys()].map((k, i) => [k, `x${i}`]));
  const v = (k: string) => names.get(k) as string;
  const rows = block.relations.map(
    (r, i) => ` c${i}: ${v(r.total)} ${r.parts.map((p) => `- ${v(p)}`).join(" ")} = 0`,
  );
  const bounds = [...block.values].map(([k, value]) => {
    if (!hidden.has(k)) return ` ${v(k)} = ${value}`;
    if (block.primary.has(k)) return ` ${block.prior.lower} <= ${v(k)} <= ${block.prior.upper}`;
    return ` ${v(k)} >= 0`;
  });
  const solve = (sense: "Minimize" | "Maximize") => {
    const lp = `${sense}\n obj: ${v(cell)}\nSubject To\n${rows.join("\n")}\nBounds\n${bounds.join("\n")}\nEnd\n`;
    const result = solver.solve(lp, { output_flag: false });
    if (result.Status === "Unbounded") return Number.POSITIVE_INFINITY;
    if (result.Status !== "Optimal") throw new Error(`attack: ${result.Status}`);
    return result.ObjectiveValue;
  };
  return { lower: solve("Minimize"), upper: solve("Maximize") };
}

async function expectProtected(block: Block) {
  const plan = await planSuppression(block);
  for (const cell of block.primary) {
    expect(plan.hidden.has(cell), `${cell} published`).toBe(true);
    const got = await attack(block, plan.hidden, cell);
    const need = protectionInterval(block, block.values.get(cell) ?? 0);
    expect(got.lower, `${cell} lower bound`).toBeLessThanOrEqual(need.lower + 1e-6);
    expect(got.upper, `${cell} upper bound`).toBeGreaterThanOrEqual(need.upper - 1e-6);
  }
  return plan;
}

describe("planSuppression, by hand", () => {
  it("hides a second municipality, so the region minus the visible ones is no single one", async () => {
    // One region: a small municipality (4 cases) beside two larger ones.
    const small = [
      [1, 1],
      [1, 0],
      [0, 1],
    ];
    const larger = [
      [10, 12],
      [11, 13],
      [14, 15],
    ];
    const largest = [
      [20, 22],
      [21, 23],
      [24, 25],
    ];
    const plan = await expectProtected(blockOf([[small, larger, largest]]));
    expect(plan.hidden.has("m0.0|T")).toBe(true);
    // The smaller of the two large ones is hidden with it; the largest and the region are not.
    expect(plan.hidden.has("m0.1|T")).toBe(true);
    const untouched = [...plan.hidden].filter((c) => c.startsWith("m0.2|") || c.startsWith("r0|"));
    expect(untouched).toEqual([]);
  });

  it("hides nothing where nothing is small", async () => {
    const big = [
      [20, 15],
      [12, 30],
      [11, 40],
    ];
    const plan = await expectProtected(blockOf([[big, big], [big]]));
    expect(plan.hidden.size).toBe(0);
  });

  it("protects a small school type against its total and its region at once", async () => {
    const a = [
      [20, 15],
      [3, 0],
      [11, 40],
    ]; // vo: 3
    const b = [
      [25, 12],
      [14, 20],
      [10, 30],
    ];
    const plan = await expectProtected(blockOf([[a, b]]));
    expect(plan.hidden.has("m0.0|vo")).toBe(true);
    // Its own total minus its other school types, and the region minus the other municipality,
    // must both leave a second unknown.
    expect(plan.complementary.size).toBeGreaterThanOrEqual(3);
  });
});

describe("planSuppression, attacked", () => {
  const count = fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 6 }),
    fc.integer({ min: 0, max: 25 }),
  );
  const joint = fc.array(fc.array(count, { minLength: 2, maxLength: 2 }), {
    minLength: 3,
    maxLength: 3,
  });
  const dataset = fc.array(fc.array(joint, { minLength: 1, maxLength: 4 }), {
    minLength: 1,
    maxLength: 3,
  });

  it("leaves every primary cell its whole protection interval, whatever the data", async () => {
    await fc.assert(
      fc.asyncProperty(dataset, async (data) => {
        await expectProtected(blockOf(data));
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
