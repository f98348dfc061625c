/**
 * What may leave, for every scope at once: the municipality, region and national figures are
 * computed here from tier 1 (db/schema/figures.ts) and suppressed over the whole set of
 * published tables before any response or CSV is built (docs/ARCHITECTURE.md "Disclosure
 * control"). The rules:
 *
 * - Case figures: a cell (a scope, a quarter, all cases or one school type or age band) over
 *   fewer than SUPPRESS_BELOW_CASES cases is not sent ("small", an empty cell too); more cells
 *   are hidden so that no small one can be recovered from totals, siblings, the other breakdown
 *   or the other levels ("protect", server/disclosure/suppression.ts): whatever is published
 *   beside it, every value within half the threshold of the true one (5, for 10) stays possible,
 *   as far as "< 10" itself leaves open. Each figure that counts cases of its own (the
 *   GAS-scored cases, the closed cases and their answers) is protected the same way, on top of
 *   the pattern of the cases it is part of. Shares over fewer than that many check-ins or
 *   referrals are left out as too uncertain ("few"); they describe events, not children.
 * - Figures over partnerships (reporting, goals): a cell that sums fewer than
 *   SUPPRESS_BELOW_PARTNERSHIPS partnerships other than those that share full access (whose own
 *   figures the analysts see anyway) is not sent, with complementary suppression across levels.
 * - Collaboration medians and spreads need at least SUPPRESS_BELOW_PARTNERSHIPS such
 *   partnerships, each with a session that at least SUPPRESS_BELOW_SCORERS people scored.
 * - The relation between collaboration and outcomes needs CORRELATION_MIN_PARTNERSHIPS.
 */
import { medianSorted, quantileSorted, sampleRankCorrelation } from "simple-statistics";
import {
  type BenchmarkMetric,
  benchmarkMetrics,
  benchmarkValues,
  type ListMiddle,
  middleOf,
} from "@/domain/benchmark";
import type { Quarter } from "@/domain/dates";
import type { MunicipalitySharing } from "@/domain/vocabulary";
import { ageBands, schoolTypes } from "@/domain/vocabulary";
import { type Block, planSuppression, type Relation } from "./suppression";

/* ------------------------------------------------------------------ input: tier 1 */

export type PartnershipUnit = {
  id: string;
  municipalityId: string;
  regionId: string;
  sharing: MunicipalitySharing;
};
export type CaseFigures = {
  partnershipId: string;
  quarterStart: string;
  dim: string;
  dimValue: string;
  active: number;
  gasCases: number;
  gasT: number[];
  jointPlan: number;
  checkIns: number;
  voiceCheckIns: number;
  changes: number;
  caseDays: number;
  referrals: number;
  tooQuick: number;
  closed: number;
  dropouts: number;
  continuesKnown: number;
  continuesYes: number;
  realisedKnown: number;
  realisedYes: number;
  realisedPartly: number;
  satisfactionParentN: number;
  satisfactionParentSum: number;
  satisfactionYoungN: number;
  satisfactionYoungSum: number;
};
export type CollaborationFigures = {
  partnershipId: string;
  quarterStart: string;
  scorers: number;
  collaborationIndex: number | null;
  levels: (number | null)[];
  factors: (number | null)[];
  education: (number | null)[];
  youthCare: (number | null)[];
  families: (number | null)[];
};
export type ReportingFigures = {
  partnershipId: string;
  quarterStart: string;
  expected: number;
  held: number;
  heldCapped: number;
  onTimeCapped: number;
};
export type GoalFigures = {
  partnershipId: string;
  quarterStart: string;
  achieved: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  noData: number;
};

export type Thresholds = {
  cases: number;
  partnerships: number;
  scorers: number;
  correlation: number;
};

export type PublishInput = {
  quarters: readonly Quarter[];
  partnerships: readonly PartnershipUnit[];
  municipalities: readonly { id: string; regionId: string }[];
  cases: readonly CaseFigures[];
  collaboration: readonly CollaborationFigures[];
  reporting: readonly ReportingFigures[];
  goals: readonly GoalFigures[];
  thresholds: Thresholds;
  /** Factor ids in the instrument's order, and how many levels. */
  factorIds: readonly string[];
  levelCount: number;
};

/* ------------------------------------------------------------------ output: what is sent */

/** Why a figure is not there. */
export type Withheld = "small" | "protect" | "partnerships" | "scorers" | "few";
/** A published figure: its value, or why it is withheld. */
export type Figure = { value: number | null; withheld: Withheld | null };
const shown = (value: number | null): Figure => ({ value, withheld: null });
const withheld = (why: Withheld): Figure => ({ value: null, withheld: why });

export type Spread = { median: number; q1: number; q3: number; n: number } | null;
export type SpreadFigure = { spread: Spread; withheld: Withheld | null };

export type ScopeKind = "municipality" | "region" | "nation";
export type ScopeKey = `${ScopeKind}:${string}`;

export type CaseCell = {
  active: Figure;
  gasCases: Figure;
  gasMean: Figure;
  gasMedian: Figure;
  jointPlanShare: Figure;
  voiceShare: Figure;
  changesPerCaseYear: Figure;
  tooQuickShare: Figure;
  closed: Figure;
  dropoutShare: Figure;
  continuesShare: Figure;
  realisedShare: Figure;
  satisfactionParent: Figure;
  satisfactionYoung: Figure;
};
export type CasesSection = {
  quarters: { start: string; label: string; cells: Record<string, CaseCell> }[];
};
export type ReportingSection = {
  quarters: {
    start: string;
    label: string;
    partnerships: number;
    expected: Figure;
    held: Figure;
    onTime: Figure;
    rate: Figure;
    onTimeRate: Figure;
  }[];
};
export type GoalsSection = {
  quarters: {
    start: string;
    label: string;
    achieved: Figure;
    onTrack: Figure;
    atRisk: Figure;
    offTrack: Figure;
    noData: Figure;
  }[];
};
export type CollaborationSection = {
  quarters: {
    start: string;
    label: string;
    partnerships: number;
    index: SpreadFigure;
    levels: SpreadFigure[];
    factors: SpreadFigure[];
  }[];
  /** Per factor, the median of each sector's mean and of the gap, in the latest quarter. */
  sectors: {
    quarter: string | null;
    partnerships: number;
    withheld: Withheld | null;
    factors: {
      education: number | null;
      youthCare: number | null;
      families: number | null;
      gapEducationYouthCare: number | null;
      gapEducationFamilies: number | null;
    }[];
  };
};
export type OutcomesSection = {
  /** The four latest quarters the points are taken over. */
  from: string;
  to: string;
  partnerships: number;
  minimum: number;
  withheld: Withheld | null;
  /** One point per partnership, unlabelled and in no particular order. */
  points: { index: number; gasMean: number | null; dropoutShare: number | null }[];
  gas: Correlation | null;
  dropout: Correlation | null;
};
export type Correlation = { n: number; rho: number; low: number; high: number };

/**
 * Per metric, the sorted figures of the scope's partnerships that rest on enough: kept on the
 * server for the benchmark on a partnership's dashboard, which sends only medians of others.
 */
/** Per headline figure, the middle of the sorted figures of the scope's partnerships. */
export type BenchmarkSection = Record<BenchmarkMetric, ListMiddle>;

export type Published = {
  benchmark: BenchmarkSection;
  cases: CasesSection;
  reporting: ReportingSection;
  goals: GoalsSection;
  collaboration: CollaborationSection;
  outcomes: OutcomesSection;
};

/** The breakdown cells of a scope: all cases, each school type, each age band. */
export const caseDims = [
  "all",
  ...schoolTypes.map((s) => `school_type:${s}`),
  ...ageBands.map((a) => `age_band:${a}`),
] as const;
const dimKey = (dim: string, value: string) => (dim === "all" ? "all" : `${dim}:${value}`);

/* ------------------------------------------------------------------ the scopes */

type Scopes = {
  keys: ScopeKey[];
  /** The partnerships in each scope. */
  members: Map<ScopeKey, PartnershipUnit[]>;
  /** For each parent, its children: nation → regions → municipalities. */
  children: Map<ScopeKey, ScopeKey[]>;
};

function scopesOf(input: PublishInput): Scopes {
  const members = new Map<ScopeKey, PartnershipUnit[]>();
  const children = new Map<ScopeKey, ScopeKey[]>();
  const add = (key: ScopeKey, p?: PartnershipUnit) => {
    const list = members.get(key) ?? [];
    if (p) list.push(p);
    members.set(key, list);
  };
  add("nation:nl");
  for (const m of input.municipalities) {
    const muni: ScopeKey = `municipality:${m.id}`;
    const region: ScopeKey = `region:${m.regionId}`;
    add(muni);
    add(region);
    const regionChildren = children.get(region) ?? [];
    regionChildren.push(muni);
    children.set(region, regionChildren);
  }
  children.set(
    "nation:nl",
    [...members.keys()].filter((k) => k.startsWith("region:")),
  );
  for (const p of input.partnerships) {
    add(`municipality:${p.municipalityId}`, p);
    add(`region:${p.regionId}`, p);
    add("nation:nl", p);
  }
  return { keys: [...members.keys()], members, children };
}

/** The relations between scopes: every parent is the sum of its children, cell by cell. */
function hierarchyRelations(scopes: Scopes, cellsOf: (scope: ScopeKey) => string[]): Relation[] {
  const relations: Relation[] = [];
  for (const [parent, kids] of scopes.children) {
    if (kids.length === 0) continue;
    const parentCells = cellsOf(parent);
    for (const [i, cell] of parentCells.entries())
      relations.push({
        total: cell,
        parts: kids.map((k) => cellsOf(k)[i] as string),
      });
  }
  return relations;
}

/* ------------------------------------------------------------------ cases */

type CaseSums = Omit<CaseFigures, "partnershipId" | "quarterStart" | "dim" | "dimValue">;
const emptySums = (): CaseSums => ({
  active: 0,
  gasCases: 0,
  gasT: [],
  jointPlan: 0,
  checkIns: 0,
  voiceCheckIns: 0,
  changes: 0,
  caseDays: 0,
  referrals: 0,
  tooQuick: 0,
  closed: 0,
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
});
function addSums(into: CaseSums, row: CaseSums) {
  for (const key of Object.keys(into) as (keyof CaseSums)[]) {
    if (key === "gasT") into.gasT.push(...row.gasT);
    else into[key] += row[key];
  }
}

/**
 * The case counts protected against recovery, each on top of the pattern of what it is part of.
 * The closings of a quarter are few (a handful per municipality), so the outcome set is
 * published for all cases only, not broken down by school type and age band, where it would be
 * withheld almost everywhere and only make the rest harder to protect.
 */
const protectedCounts = [
  { measure: "active", within: null, breakdown: true },
  { measure: "gasCases", within: "active", breakdown: true },
  { measure: "closed", within: "active", breakdown: false },
  { measure: "continuesKnown", within: "closed", breakdown: false },
  { measure: "realisedKnown", within: "closed", breakdown: false },
  { measure: "satisfactionParentN", within: "closed", breakdown: false },
  { measure: "satisfactionYoungN", within: "closed", breakdown: false },
] as const satisfies readonly {
  measure: keyof CaseSums;
  within: keyof CaseSums | null;
  breakdown: boolean;
}[];
type ProtectedCount = (typeof protectedCounts)[number]["measure"];

async function publishCases(input: PublishInput, scopes: Scopes, quarter: Quarter) {
  const rowsOf = groupBy(input.cases.filter((r) => r.quarterStart === quarter.start));
  // Sums per scope and breakdown cell.
  const sums = new Map<string, CaseSums>();
  const cellKey = (scope: ScopeKey, dim: string) => `${scope}|${dim}`;
  for (const scope of scopes.keys) {
    for (const dim of caseDims) sums.set(cellKey(scope, dim), emptySums());
    for (const p of scopes.members.get(scope) ?? [])
      for (const r of rowsOf(p.id)) {
        const cell = sums.get(cellKey(scope, dimKey(r.dim, r.dimValue)));
        if (cell) addSums(cell, r);
      }
  }
  const cellsOf = (scope: ScopeKey) => caseDims.map((d) => cellKey(scope, d));
  const totals = hierarchyRelations(scopes, (scope) => [cellKey(scope, "all")]);
  const relations: Relation[] = [...hierarchyRelations(scopes, cellsOf)];
  const schoolCells = caseDims.filter((d) => d.startsWith("school_type:"));
  const ageCells = caseDims.filter((d) => d.startsWith("age_band:"));
  for (const scope of scopes.keys) {
    relations.push({
      total: cellKey(scope, "all"),
      parts: schoolCells.map((d) => cellKey(scope, d)),
    });
    relations.push({ total: cellKey(scope, "all"), parts: ageCells.map((d) => cellKey(scope, d)) });
  }
  const t = input.thresholds.cases;
  const hiddenOf = new Map<ProtectedCount, Set<string>>();
  const primaryOf = new Map<ProtectedCount, Set<string>>();
  for (const { measure, within, breakdown } of protectedCounts) {
    const cells = [...sums].filter(([k]) => breakdown || k.endsWith("|all"));
    const values = new Map(cells.map(([k, s]) => [k, s[measure]]));
    const primary = new Set([...values].filter(([, v]) => v < t).map(([k]) => k));
    const block: Block = {
      values,
      primary,
      relations: breakdown ? relations : totals,
      // Half the threshold each way: "3" stays anything from 0 to 8, "9" anything from 4 to 9.
      protection: Math.ceil(t / 2),
      prior: { lower: 0, upper: t - 1 },
      alsoHidden: within ? hiddenOf.get(within) : undefined,
    };
    const plan = await planSuppression(block);
    hiddenOf.set(measure, plan.hidden);
    primaryOf.set(measure, primary);
  }
  const brokenDown = new Set<ProtectedCount>(
    protectedCounts.filter((c) => c.breakdown).map((c) => c.measure),
  );
  const figureFor = (key: string, measure: ProtectedCount, value: () => number | null): Figure => {
    if (!brokenDown.has(measure) && !key.endsWith("|all")) return withheld("few");
    if (hiddenOf.get(measure)?.has(key))
      return withheld(primaryOf.get(measure)?.has(key) ? "small" : "protect");
    return shown(value());
  };
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  const published = new Map<ScopeKey, Record<string, CaseCell>>();
  for (const scope of scopes.keys) {
    const cells: Record<string, CaseCell> = {};
    for (const dim of caseDims) {
      const key = cellKey(scope, dim);
      const s = sums.get(key) ?? emptySums();
      const fewer = (n: number, v: () => number | null) => (n < t ? withheld("few") : shown(v()));
      const active = figureFor(key, "active", () => s.active);
      const hiddenActive = active.withheld !== null;
      const sorted = [...s.gasT].sort((a, b) => a - b);
      const closed = figureFor(key, "closed", () => s.closed);
      cells[dim] = {
        active,
        gasCases: figureFor(key, "gasCases", () => s.gasCases),
        gasMean: figureFor(key, "gasCases", () =>
          sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null,
        ),
        gasMedian: figureFor(key, "gasCases", () => (sorted.length ? medianSorted(sorted) : null)),
        jointPlanShare: hiddenActive ? active : shown(ratio(s.jointPlan, s.active)),
        changesPerCaseYear: hiddenActive
          ? active
          : shown(s.caseDays === 0 ? null : s.changes / (s.caseDays / 365.25)),
        voiceShare: hiddenActive
          ? active
          : fewer(s.checkIns, () => ratio(s.voiceCheckIns, s.checkIns)),
        tooQuickShare: hiddenActive
          ? active
          : fewer(s.referrals, () => ratio(s.tooQuick, s.referrals)),
        closed,
        dropoutShare: closed.withheld ? closed : shown(ratio(s.dropouts, s.closed)),
        continuesShare: figureFor(key, "continuesKnown", () =>
          ratio(s.continuesYes, s.continuesKnown),
        ),
        realisedShare: figureFor(key, "realisedKnown", () => ratio(s.realisedYes, s.realisedKnown)),
        satisfactionParent: figureFor(key, "satisfactionParentN", () =>
          ratio(s.satisfactionParentSum, s.satisfactionParentN),
        ),
        satisfactionYoung: figureFor(key, "satisfactionYoungN", () =>
          ratio(s.satisfactionYoungSum, s.satisfactionYoungN),
        ),
      };
    }
    published.set(scope, cells);
  }
  return published;
}

/* ------------------------------------------------------------------ over partnerships */

/**
 * Sums over partnerships, suppressed by how many partnerships that do not share full access
 * they add up (the sharing ones' own figures are visible anyway, so what must stay unknown is
 * the rest). The engine works on that rest, which adds up over the levels just like the whole.
 */
async function publishPartnershipSums<R extends { partnershipId: string }>(
  input: PublishInput,
  scopes: Scopes,
  rows: readonly R[],
  measures: readonly (keyof R & string)[],
  /**
   * "linked" when the measures are published as related figures (held ≤ expected, and a rate
   * of the two): then they share one pattern, the union of each measure's, since a figure
   * shown for one measure would narrow the others. "independent" when nothing published ties
   * them together (the goal statuses, which have no total beside them): each measure gets its
   * own pattern, and a zero in one status does not hide the whole scope in every status.
   */
  measuresAre: "linked" | "independent",
) {
  const byPartnership = new Map(rows.map((r) => [r.partnershipId, r]));
  const cellOf = (scope: ScopeKey) => `${scope}|all`;
  const relations = hierarchyRelations(scopes, (s) => [cellOf(s)]);
  const primary = new Set<string>();
  const totals = new Map<ScopeKey, Record<string, number>>();
  const rest = new Map<string, Record<string, number>>();
  for (const scope of scopes.keys) {
    const members = scopes.members.get(scope) ?? [];
    const closed = members.filter((p) => p.sharing !== "full");
    if (closed.length > 0 && closed.length < input.thresholds.partnerships)
      primary.add(cellOf(scope));
    const sum = (list: PartnershipUnit[]) =>
      Object.fromEntries(
        measures.map((m) => [
          m,
          list.reduce((acc, p) => acc + Number(byPartnership.get(p.id)?.[m] ?? 0), 0),
        ]),
      );
    totals.set(scope, sum(members));
    rest.set(cellOf(scope), sum(closed));
  }
  // Linked measures: the union of the patterns, built up measure by measure (hiding more never
  // narrows an interval). Independent ones: a pattern each.
  const union = new Set<string>(primary);
  const hiddenOf = new Map<string, Set<string>>();
  for (const m of measures) {
    const plan = await planSuppression({
      values: new Map([...rest].map(([k, v]) => [k, v[m] ?? 0])),
      primary,
      relations,
      protection: 1,
      prior: { lower: 0, upper: Number.POSITIVE_INFINITY },
      alsoHidden: measuresAre === "linked" ? union : undefined,
    });
    for (const c of plan.hidden) union.add(c);
    hiddenOf.set(m, new Set([...primary, ...plan.hidden]));
  }
  return (scope: ScopeKey, measure: keyof R & string): Figure => {
    const key = cellOf(scope);
    const hidden = measuresAre === "linked" ? union : hiddenOf.get(measure);
    if (hidden?.has(key)) return withheld(primary.has(key) ? "partnerships" : "protect");
    return shown(totals.get(scope)?.[measure] ?? 0);
  };
}

/* ------------------------------------------------------------------ collaboration */

function spreadOf(values: number[]): Spread {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: medianSorted(sorted),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
    n: sorted.length,
  };
}

/** Rows by partnership, so each scope reads only its own partnerships' rows. */
function groupBy<R extends { partnershipId: string }>(rows: readonly R[]): (id: string) => R[] {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const list = groups.get(r.partnershipId);
    if (list) list.push(r);
    else groups.set(r.partnershipId, [r]);
  }
  return (id) => groups.get(id) ?? [];
}

function publishCollaboration(input: PublishInput, scopes: Scopes) {
  const { partnerships: minPartnerships, scorers: minScorers } = input.thresholds;
  const usable = groupBy(input.collaboration.filter((r) => r.scorers >= minScorers));
  const sharing = new Map(input.partnerships.map((p) => [p.id, p.sharing]));
  const out = new Map<ScopeKey, CollaborationSection>();
  for (const scope of scopes.keys) {
    const mine = (scopes.members.get(scope) ?? []).flatMap((p) => usable(p.id));
    const enough = (rows: CollaborationFigures[]) =>
      rows.filter((r) => sharing.get(r.partnershipId) !== "full").length >= minPartnerships;
    const figure = (
      rows: CollaborationFigures[],
      pick: (r: CollaborationFigures) => number | null,
    ): SpreadFigure => {
      const values = rows.map(pick).filter((v): v is number => v !== null);
      if (values.length === 0) return { spread: null, withheld: null };
      if (!enough(rows.filter((r) => pick(r) !== null)))
        return { spread: null, withheld: "partnerships" };
      return { spread: spreadOf(values), withheld: null };
    };
    const quarters = input.quarters.map((q) => {
      const rows = mine.filter((r) => r.quarterStart === q.start);
      return {
        start: q.start,
        label: q.label,
        partnerships: rows.length,
        index: figure(rows, (r) => r.collaborationIndex),
        levels: Array.from({ length: input.levelCount }, (_, i) =>
          figure(rows, (r) => r.levels[i] ?? null),
        ),
        factors: input.factorIds.map((_, i) => figure(rows, (r) => r.factors[i] ?? null)),
      };
    });
    const latest = [...input.quarters]
      .reverse()
      .find((q) => mine.some((r) => r.quarterStart === q.start));
    const rows = latest ? mine.filter((r) => r.quarterStart === latest.start) : [];
    const median = (values: (number | null)[]) => {
      const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
      return v.length ? medianSorted(v) : null;
    };
    const gap = (a: (number | null)[], b: (number | null)[], i: number) =>
      a[i] != null && b[i] != null ? (a[i] as number) - (b[i] as number) : null;
    const sectorsShown = rows.length > 0 && enough(rows);
    out.set(scope, {
      quarters,
      sectors: {
        quarter: latest?.label ?? null,
        partnerships: rows.length,
        withheld: rows.length > 0 && !sectorsShown ? "partnerships" : null,
        factors: sectorsShown
          ? input.factorIds.map((_, i) => ({
              education: median(rows.map((r) => r.education[i] ?? null)),
              youthCare: median(rows.map((r) => r.youthCare[i] ?? null)),
              families: median(rows.map((r) => r.families[i] ?? null)),
              gapEducationYouthCare: median(rows.map((r) => gap(r.education, r.youthCare, i))),
              gapEducationFamilies: median(rows.map((r) => gap(r.education, r.families, i))),
            }))
          : [],
      },
    });
  }
  return out;
}

/* ------------------------------------------------------------------ collaboration and outcomes */

/** Spearman's ρ with a 95 % interval by Fisher's z with the Fieller–Hartley–Pearson variance. */
export function spearman(x: number[], y: number[]): Correlation | null {
  const n = x.length;
  if (n < 4) return null;
  const rho = sampleRankCorrelation(x, y);
  if (!Number.isFinite(rho)) return null;
  const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, rho)));
  const se = Math.sqrt(1.06 / (n - 3));
  return { n, rho, low: Math.tanh(z - 1.96 * se), high: Math.tanh(z + 1.96 * se) };
}

function publishOutcomes(input: PublishInput, scopes: Scopes): Map<ScopeKey, OutcomesSection> {
  const recent = input.quarters.slice(-4);
  const starts = new Set(recent.map((q) => q.start));
  const { cases: minCases, scorers: minScorers, correlation: minimum } = input.thresholds;
  // One point per partnership: its mean index over the quarters with a well-scored session,
  // against its cases' outcomes over the same quarters.
  const points = new Map<string, OutcomesSection["points"][number]>();
  const collabOf = groupBy(
    input.collaboration.filter(
      (r) => starts.has(r.quarterStart) && r.scorers >= minScorers && r.collaborationIndex !== null,
    ),
  );
  const casesOf = groupBy(input.cases.filter((r) => r.dim === "all" && starts.has(r.quarterStart)));
  for (const p of input.partnerships) {
    const collab = collabOf(p.id);
    if (collab.length === 0) continue;
    const cases = casesOf(p.id);
    const gas = cases.flatMap((r) => r.gasT);
    const closed = cases.reduce((a, r) => a + r.closed, 0);
    const dropouts = cases.reduce((a, r) => a + r.dropouts, 0);
    const gasMean = gas.length >= minCases ? gas.reduce((a, b) => a + b, 0) / gas.length : null;
    const dropoutShare = closed >= minCases ? dropouts / closed : null;
    if (gasMean === null && dropoutShare === null) continue;
    const index = collab.reduce((a, r) => a + (r.collaborationIndex ?? 0), 0) / collab.length;
    // Rounded, so that a point is not a key to look a partnership up by.
    points.set(p.id, {
      index: Math.round(index * 10) / 10,
      gasMean: gasMean === null ? null : Math.round(gasMean),
      dropoutShare: dropoutShare === null ? null : Math.round(dropoutShare * 100) / 100,
    });
  }
  const out = new Map<ScopeKey, OutcomesSection>();
  for (const scope of scopes.keys) {
    const mine = (scopes.members.get(scope) ?? [])
      .map((p) => points.get(p.id))
      .filter((x): x is OutcomesSection["points"][number] => x !== undefined)
      .sort((a, b) => a.index - b.index || (a.gasMean ?? 0) - (b.gasMean ?? 0));
    const enough = mine.length >= minimum;
    const pairs = (pick: (p: (typeof mine)[number]) => number | null) => {
      const ok = mine.filter((p) => pick(p) !== null);
      return ok.length >= minimum
        ? spearman(
            ok.map((p) => p.index),
            ok.map((p) => pick(p) as number),
          )
        : null;
    };
    out.set(scope, {
      from: recent[0]?.label ?? "",
      to: recent.at(-1)?.label ?? "",
      partnerships: mine.length,
      minimum,
      withheld: enough ? null : "partnerships",
      points: enough ? mine : [],
      gas: enough ? pairs((p) => p.gasMean) : null,
      dropout: enough ? pairs((p) => p.dropoutShare) : null,
    });
  }
  return out;
}

/* ------------------------------------------------------------------ benchmark */

function publishBenchmark(input: PublishInput, scopes: Scopes): Map<ScopeKey, BenchmarkSection> {
  const quarters = input.quarters.slice(-4).map((q) => q.start);
  const collaborationOf = groupBy(input.collaboration);
  const reportingOf = groupBy(input.reporting);
  const goalsOf = groupBy(input.goals);
  const casesOf = groupBy(input.cases.filter((r) => r.dim === "all"));
  const minimum = { scorers: input.thresholds.scorers, cases: input.thresholds.cases };
  const values = new Map(
    input.partnerships.map((p) => [
      p.id,
      benchmarkValues(
        {
          quarters,
          collaboration: collaborationOf(p.id),
          reporting: reportingOf(p.id),
          goals: goalsOf(p.id),
          cases: casesOf(p.id),
        },
        minimum,
      ),
    ]),
  );
  const out = new Map<ScopeKey, BenchmarkSection>();
  for (const scope of scopes.keys) {
    const mine = (scopes.members.get(scope) ?? []).map((p) => values.get(p.id));
    out.set(
      scope,
      Object.fromEntries(
        benchmarkMetrics.map((m) => [
          m,
          middleOf(
            mine
              .map((v) => v?.[m] ?? null)
              .filter((v): v is number => v !== null)
              .sort((a, b) => a - b),
          ),
        ]),
      ) as BenchmarkSection,
    );
  }
  return out;
}

/* ------------------------------------------------------------------ everything */

/** Every scope's published sections, suppression applied over the whole set. */
export async function publishAll(input: PublishInput): Promise<Map<ScopeKey, Published>> {
  const scopes = scopesOf(input);
  const result = new Map<ScopeKey, Published>();
  for (const scope of scopes.keys)
    result.set(scope, {
      benchmark: Object.fromEntries(
        benchmarkMetrics.map((m) => [m, middleOf([])]),
      ) as BenchmarkSection,
      cases: { quarters: [] },
      reporting: { quarters: [] },
      goals: { quarters: [] },
      collaboration: {
        quarters: [],
        sectors: { quarter: null, partnerships: 0, withheld: null, factors: [] },
      },
      outcomes: {
        from: "",
        to: "",
        partnerships: 0,
        minimum: 0,
        withheld: null,
        points: [],
        gas: null,
        dropout: null,
      },
    });
  for (const quarter of input.quarters) {
    const cases = await publishCases(input, scopes, quarter);
    const reportingRows = input.reporting.filter((r) => r.quarterStart === quarter.start);
    const reporting = await publishPartnershipSums(
      input,
      scopes,
      reportingRows,
      ["expected", "heldCapped", "onTimeCapped"],
      "linked",
    );
    const goalRows = input.goals.filter((r) => r.quarterStart === quarter.start);
    const goals = await publishPartnershipSums(
      input,
      scopes,
      goalRows,
      ["achieved", "onTrack", "atRisk", "offTrack", "noData"],
      "independent",
    );
    const reported = new Set(reportingRows.map((r) => r.partnershipId));
    for (const scope of scopes.keys) {
      const out = result.get(scope) as Published;
      out.cases.quarters.push({
        start: quarter.start,
        label: quarter.label,
        cells: cases.get(scope) ?? {},
      });
      const expected = reporting(scope, "expected");
      const held = reporting(scope, "heldCapped");
      const onTime = reporting(scope, "onTimeCapped");
      const rate = (f: Figure) =>
        f.withheld || expected.withheld
          ? withheld(f.withheld ?? expected.withheld ?? "protect")
          : shown((expected.value ?? 0) > 0 ? (f.value ?? 0) / (expected.value as number) : null);
      out.reporting.quarters.push({
        start: quarter.start,
        label: quarter.label,
        partnerships: (scopes.members.get(scope) ?? []).filter((p) => reported.has(p.id)).length,
        expected,
        held,
        onTime,
        rate: rate(held),
        onTimeRate: rate(onTime),
      });
      out.goals.quarters.push({
        start: quarter.start,
        label: quarter.label,
        achieved: goals(scope, "achieved"),
        onTrack: goals(scope, "onTrack"),
        atRisk: goals(scope, "atRisk"),
        offTrack: goals(scope, "offTrack"),
        noData: goals(scope, "noData"),
      });
    }
  }
  const collaboration = publishCollaboration(input, scopes);
  const outcomes = publishOutcomes(input, scopes);
  const benchmark = publishBenchmark(input, scopes);
  for (const scope of scopes.keys) {
    const out = result.get(scope) as Published;
    out.benchmark = benchmark.get(scope) as BenchmarkSection;
    out.collaboration = collaboration.get(scope) as CollaborationSection;
    out.outcomes = outcomes.get(scope) as OutcomesSection;
  }
  return result;
}
