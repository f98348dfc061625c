/**
 * Cell suppression with complementary suppression, proven cell by cell with a linear program.
 *
 * A block is a set of additive cells and the relations between them ("this cell is the sum of
 * those"): a municipality's active cases are the sum over school types and over age bands, a
 * region's are the sum of its municipalities', the nation's the sum of its regions'. Cells that
 * are too small (the caller decides: fewer than 10 cases, fewer than 3 partnerships) are
 * *primary*: they are not published. That alone is not enough — a region's figure minus its
 * visible municipalities would give the hidden one back — so more cells are hidden
 * (*complementary*) until every primary cell is protected against everything published beside
 * it:
 *
 *   For each primary cell with true value v, an attacker who knows every published cell, every
 *   relation, that counts are not negative and what the marker says ("< 10": between 0 and 9,
 *   as an empty cell shows the same marker as a small one) must still find both v − p and v + p
 *   possible (clipped to what the marker says), where p is the block's protection. For cases
 *   publish.ts sets p = 5, half the threshold: a 3 stays anything from 0 to 8, a 9 anything
 *   from 4 to 9.
 *
 * The plan: (1) hide the primary cells; (2) in every relation with exactly one hidden cell, hide
 * one more (complementFor: a part before a total, the smallest of at least p), until no
 * relation has one; (3) for every primary cell, solve the two linear programs (least and
 * greatest value it can have given everything published) over its connected group of hidden
 * cells with HiGHS; where the interval is too narrow, hide one more cell in one of its relations
 * and go back to (2). Groups that passed and did not change are not audited again. Hiding
 * everything protects everything, so this ends. scripts/bench-suppression.ts measures it on a
 * nation-sized block.
 */
import loadHighs from "highs";

export type Relation = { total: string; parts: readonly string[] };

export type Block = {
  /** Every cell's true value (counts or sums, never negative). */
  values: ReadonlyMap<string, number>;
  /** The cells that may not be published on their own. */
  primary: ReadonlySet<string>;
  relations: readonly Relation[];
  /** How far each side of its true value a primary cell must stay uncertain. */
  protection: number;
  /** What the marker of a primary cell tells anyone: its value lies in [lower, upper]. */
  prior: { lower: number; upper: number };
  /**
   * Cells hidden from the start without being small themselves: where a related figure is
   * hidden (GAS-scored cases where the active cases are), so that one cannot bound the other.
   */
  alsoHidden?: ReadonlySet<string>;
};

export type Plan = {
  /** Primary and complementary cells together: what is not published. */
  hidden: Set<string>;
  complementary: Set<string>;
  /** Linear programs solved, for the benchmark. */
  solves: number;
};

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | undefined;
/** HiGHS (WebAssembly), loaded once per process. */
export function highs(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

/** The interval a primary cell must keep open, given its true value. */
export function protectionInterval(block: Pick<Block, "protection" | "prior">, value: number) {
  return {
    lower: Math.max(block.prior.lower, value - block.protection),
    upper: Math.min(block.prior.upper, value + block.protection),
  };
}

export async function planSuppression(block: Block): Promise<Plan> {
  const solver = await highs();
  const hidden = new Set([...block.primary, ...(block.alsoHidden ?? [])]);
  const byCell = new Map<string, Relation[]>();
  for (const r of block.relations)
    for (const key of [r.total, ...r.parts]) {
      const list = byCell.get(key);
      if (list) list.push(r);
      else byCell.set(key, [r]);
    }
  const value = (key: string) => block.values.get(key) ?? 0;
  let solves = 0;

  // Groups whose cells did not change since they passed need no second audit.
  const passed = new Set<string>();
  for (;;) {
    closeSingles(block, hidden, value);
    const failing: string[] = [];
    const groups = hiddenGroups(block.relations, hidden);
    for (const group of groups) {
      if (!group.cells.some((c) => block.primary.has(c))) continue;
      const signature = [...group.cells].sort().join(",");
      if (passed.has(signature)) continue;
      const { failures, count } = auditGroup(solver, block, group, value);
      solves += count;
      if (failures.length === 0) passed.add(signature);
      failing.push(...failures);
    }
    if (failing.length === 0) break;
    let widened = false;
    for (const cell of failing) {
      const choice = complementFor(block, byCell.get(cell) ?? [], hidden, value);
      if (choice === undefined) continue;
      hidden.add(choice);
      widened = true;
    }
    // Every relation of every failing cell is hidden already: widen from anywhere instead.
    if (!widened) {
      const any = block.relations.flatMap((r) => [r.total, ...r.parts]).find((c) => !hidden.has(c));
      if (!any) break;
      hidden.add(any);
    }
  }
  const complementary = new Set([...hidden].filter((c) => !block.primary.has(c)));
  return { hidden, complementary, solves };
}

/** Step (2): no relation may have exactly one hidden cell. */
function closeSingles(block: Block, hidden: Set<string>, value: (key: string) => number) {
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of block.relations) {
      const cells = [r.total, ...r.parts];
      if (cells.filter((c) => hidden.has(c)).length !== 1) continue;
      const choice = complementFor(block, [r], hidden, value);
      if (choice === undefined) continue;
      hidden.add(choice);
      changed = true;
    }
  }
}

/**
 * The cell to hide beside a hidden one in these relations: a part rather than a total (hiding
 * a region's or the nation's figure would tie every municipality's suppression together and
 * hide what most people come for), and the smallest that can hold the protection (at least p),
 * else the largest there is.
 */
function complementFor(
  block: Block,
  relations: readonly Relation[],
  hidden: Set<string>,
  value: (key: string) => number,
): string | undefined {
  const parts = relations.flatMap((r) => r.parts).filter((c) => !hidden.has(c));
  const totals = relations.map((r) => r.total).filter((c) => !hidden.has(c));
  for (const candidates of [parts, totals]) {
    if (candidates.length === 0) continue;
    const enough = candidates
      .filter((c) => value(c) >= block.protection)
      .sort((a, b) => value(a) - value(b));
    return enough[0] ?? candidates.reduce((a, b) => (value(b) > value(a) ? b : a));
  }
  return undefined;
}

type Group = { cells: string[]; relations: Relation[] };

/** Hidden cells connected through relations they share, with those relations. */
function hiddenGroups(relations: readonly Relation[], hidden: Set<string>): Group[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  for (const c of hidden) parent.set(c, c);
  const touching: Relation[] = [];
  for (const r of relations) {
    const inside = [r.total, ...r.parts].filter((c) => hidden.has(c));
    if (inside.length === 0) continue;
    touching.push(r);
    for (const c of inside.slice(1)) parent.set(find(c), find(inside[0] as string));
  }
  const groups = new Map<string, Group>();
  for (const c of hidden) {
    const root = find(c);
    const group = groups.get(root) ?? { cells: [], relations: [] };
    group.cells.push(c);
    groups.set(root, group);
  }
  for (const r of touching) {
    const first = [r.total, ...r.parts].find((c) => hidden.has(c)) as string;
    groups.get(find(first))?.relations.push(r);
  }
  return [...groups.values()];
}

/** Step (3) for one group: which of its primary cells an attacker could narrow too far. */
function auditGroup(
  solver: Highs,
  block: Block,
  group: Group,
  value: (key: string) => number,
): { failures: string[]; count: number } {
  const index = new Map(group.cells.map((c, i) => [c, i]));
  const inf = solver.infinity;
  const rowLower: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const coefficients: number[] = [];
  for (const r of group.relations) {
    // total − Σ parts = 0, with the published cells moved to the right-hand side.
    let rhs = 0;
    const terms = new Map<number, number>();
    const add = (cell: string, sign: number) => {
      const i = index.get(cell);
      if (i === undefined) rhs -= sign * value(cell);
      else terms.set(i, (terms.get(i) ?? 0) + sign);
    };
    add(r.total, 1);
    for (const part of r.parts) add(part, -1);
    for (const [i, coefficient] of terms) {
      if (coefficient === 0) continue;
      indices.push(i);
      coefficients.push(coefficient);
    }
    starts.push(indices.length);
    rowLower.push(rhs);
  }
  const colLower = group.cells.map((c) => (block.primary.has(c) ? block.prior.lower : 0));
  const colUpper = group.cells.map((c) => (block.primary.has(c) ? block.prior.upper : inf));
  const model = solver.createModel({
    numCols: group.cells.length,
    numRows: group.relations.length,
    colCost: new Array(group.cells.length).fill(0),
    colLower,
    colUpper,
    rowLower,
    rowUpper: rowLower,
    matrix: {
      format: "csr",
      numRows: group.relations.length,
      numCols: group.cells.length,
      starts,
      indices,
      values: coefficients,
    },
  });
  try {
    model.options.set("output_flag", false);
    const sense = solver.constants.objectiveSense;
    const failures: string[] = [];
    let count = 0;
    let previous = -1;
    for (const cell of group.cells) {
      if (!block.primary.has(cell)) continue;
      const i = index.get(cell) as number;
      if (previous >= 0) model.changeColCost(previous, 0);
      model.changeColCost(i, 1);
      previous = i;
      const need = protectionInterval(block, value(cell));
      model.changeObjectiveSense(sense.minimize);
      model.run();
      const lo = model.getObjectiveValue();
      model.changeObjectiveSense(sense.maximize);
      const status = model.run().modelStatus;
      const hi =
        status === solver.constants.modelStatus.unbounded ? inf : model.getObjectiveValue();
      count += 2;
      if (lo > need.lower + 1e-6 || hi < need.upper - 1e-6) failures.push(cell);
    }
    return { failures, count };
  } finally {
    model[Symbol.dispose]();
  }
}
