/**
 * Every table of the scope dashboards and the OOGO report, declared once (table-model.ts):
 * the columns of each table in one place, for the screen now and a CSV download later.
 * Figures withheld on the server are null values with a marker on screen (figures.tsx).
 */
import Link from "next/link";
import type { RouterOutputs } from "@/app/_trpc/types";
import { currentInstrument } from "@/domain/instrument";
import { ageBands, schoolTypes } from "@/domain/vocabulary";
import { type Figure, FigureText, type SpreadFigure } from "./figures";
import type { Overview } from "./scope";
import {
  formatNumber,
  type NumberColumn,
  type NumberFormat,
  type TableColumn,
  type TableContext,
  type TableModel,
  type TextColumn,
} from "./table-model";

type Outputs = RouterOutputs["scopes"];
export type ReportingQuarter = Outputs["reporting"]["quarters"][number];
export type GoalsQuarter = Outputs["goals"]["quarters"][number];
export type CasesQuarter = Outputs["cases"]["quarters"][number];
export type CaseCell = CasesQuarter["cells"][string];
export type CollaborationSection = Outputs["collaboration"];
export type OutcomesSection = Outputs["outcomes"];

const count: NumberFormat = { digits: 0 };
/** Expected reflections are pro rata, so sums of them can have a decimal. */
const sum: NumberFormat = { digits: 1, minDigits: 0 };
const share: NumberFormat = { percent: true };
const score: NumberFormat = { digits: 1 };

/** "2026-K4" as the user reads it ("2026-K4", "2026-Q4"). */
export function quarterName(label: string, { t }: TableContext): string {
  const [year = "", quarter = ""] = label.split("-K");
  return t("scopes.quarterLabel", { year, quarter });
}

/** The quarter a day falls in, as the server labels it ("2026-10-01" → "2026-K4"). */
export function quarterOfDay(iso: string): string {
  const [year, month] = iso.split("-").map(Number);
  return `${year}-K${Math.floor(((month ?? 1) - 1) / 3) + 1}`;
}

/** A column of published figures: the value for a CSV, the marker or the value on screen. */
export function figureColumn<R>(
  header: string,
  pick: (row: R) => Figure,
  format: NumberFormat,
  context: TableContext,
): NumberColumn<R> {
  return {
    kind: "number",
    header,
    ...format,
    value: (row) => pick(row).value,
    withheld: (row) => pick(row).withheld,
    cell: (row) => <FigureText figure={pick(row)} format={format} context={context} />,
  };
}

function textColumn<R>(header: string, value: (row: R) => string): TextColumn<R> {
  return { kind: "text", header, value };
}

/* ------------------------------------------------------------------ partnerships */

export type CountRow = { key: string; label: string; partnerships: number; total?: boolean };

/** The rows of the partnerships by form of collaboration. */
export function formRows(data: Overview, { t }: TableContext): CountRow[] {
  return data.byForm.map((f) => ({
    key: f.form,
    label: t(`enums.formShort.${f.form}`),
    partnerships: f.partnerships,
  }));
}

/** The rows of the partnerships by sharing choice. */
export function sharingRows(data: Overview, { t }: TableContext): CountRow[] {
  return data.bySharing.map((s) => ({
    key: s.sharing,
    label: t(`scopes.partnerships.sharing.${s.sharing}`),
    partnerships: s.partnerships,
  }));
}

/** Partnerships by form of collaboration or by sharing choice, with their share and a total. */
export function countTable(
  rows: CountRow[],
  header: string,
  { t, locale }: TableContext,
): TableModel<CountRow> {
  const total = rows.reduce((s, r) => s + r.partnerships, 0);
  const all: CountRow[] = [
    ...rows,
    { key: "total", label: t("scopes.partnerships.totalRow"), partnerships: total, total: true },
  ];
  return {
    locale,
    rowKey: (r) => r.key,
    rows: all,
    columns: [
      {
        kind: "text",
        header,
        value: (r) => r.label,
        cell: (r) => (r.total ? <strong>{r.label}</strong> : r.label),
      },
      { kind: "number", header: t("scopes.partnerships.count"), value: (r) => r.partnerships },
      {
        kind: "number",
        header: t("scopes.partnerships.share"),
        ...share,
        value: (r) => (total === 0 ? null : r.partnerships / total),
      },
    ],
  };
}

type Shared = Overview["shared"][number];

/**
 * The partnerships that share full access, each with its own reporting per quarter ("2 van 3,
 * 1 op tijd"); on screen a link to the partnership where the user may open it.
 */
export function sharedReportingTable(shared: Shared[], context: TableContext): TableModel<Shared> {
  const { t, locale } = context;
  const starts = [...new Set(shared.flatMap((p) => p.reporting.map((r) => r.quarterStart)))].sort();
  const n = (v: number) => formatNumber(v, sum, locale);
  return {
    locale,
    rowKey: (p) => p.id,
    rows: shared,
    columns: [
      {
        kind: "text",
        header: t("scopes.partnerships.name"),
        value: (p) => p.name,
        cell: (p) =>
          p.opens ? (
            <Link href={`/partnerships/${p.id}`} className="utrecht-link utrecht-link--html-a">
              {p.name}
            </Link>
          ) : (
            p.name
          ),
      },
      ...starts.map(
        (start): TextColumn<Shared> => ({
          kind: "text",
          header: quarterName(quarterOfDay(start), context),
          value: (p) => {
            const r = p.reporting.find((x) => x.quarterStart === start);
            return r && (r.expected > 0 || r.held > 0)
              ? t("scopes.partnerships.heldOf", {
                  held: n(r.held),
                  expected: n(r.expected),
                  onTime: n(r.onTime),
                })
              : null;
          },
        }),
      ),
    ],
  };
}

/* ------------------------------------------------------------------ reporting */

export function reportingTable(
  quarters: ReportingQuarter[],
  context: TableContext,
): TableModel<ReportingQuarter> {
  const { t, locale } = context;
  const h = (key: string) => t(`scopes.reporting.columns.${key}`);
  return {
    locale,
    rowKey: (q) => q.start,
    rows: quarters,
    columns: [
      textColumn(h("quarter"), (q) => quarterName(q.label, context)),
      { kind: "number", header: h("partnerships"), value: (q) => q.partnerships },
      figureColumn(h("expected"), (q) => q.expected, sum, context),
      figureColumn(h("held"), (q) => q.held, sum, context),
      figureColumn(h("onTime"), (q) => q.onTime, sum, context),
      figureColumn(h("rate"), (q) => q.rate, share, context),
      figureColumn(h("onTimeRate"), (q) => q.onTimeRate, share, context),
    ],
  };
}

/* ------------------------------------------------------------------ collaboration */

/** What the trend chart can draw: the index, a level, a factor (by position in the instrument). */
export type Measure =
  | { kind: "index"; id: "index" }
  | { kind: "level"; id: string; at: number }
  | { kind: "factor"; id: string; at: number };

export const measures: Measure[] = [
  { kind: "index", id: "index" },
  ...currentInstrument.levels.map((l, at): Measure => ({ kind: "level", id: l.id, at })),
  ...currentInstrument.levels
    .flatMap((l) => l.factors)
    .map((f, at): Measure => ({ kind: "factor", id: f.id, at })),
];

export function measureName(m: Measure, { t, locale }: TableContext): string {
  if (m.kind === "index") return t("scopes.collaboration.index");
  if (m.kind === "level") return currentInstrument.levels[m.at]?.label[locale] ?? m.id;
  const factor = currentInstrument.levels.flatMap((l) => l.factors)[m.at];
  return factor ? `${factor.id} ${factor.label[locale]}` : m.id;
}

type CollaborationQuarter = CollaborationSection["quarters"][number];

export function spreadOf(q: CollaborationQuarter, m: Measure): SpreadFigure {
  const none: SpreadFigure = { spread: null, withheld: null };
  if (m.kind === "index") return q.index;
  return (m.kind === "level" ? q.levels[m.at] : q.factors[m.at]) ?? none;
}

/** One spread figure per cell: its part (median, Q1, Q3, n), or the marker where withheld. */
function spreadColumns<R>(
  pick: (row: R) => SpreadFigure,
  context: TableContext,
): NumberColumn<R>[] {
  const { t } = context;
  const part = (
    header: string,
    value: (s: NonNullable<SpreadFigure["spread"]>) => number,
    format: NumberFormat,
  ): NumberColumn<R> => ({
    kind: "number",
    header,
    ...format,
    value: (row) => {
      const s = pick(row).spread;
      return s ? value(s) : null;
    },
    withheld: (row) => pick(row).withheld,
    cell: (row) => {
      const f = pick(row);
      return (
        <FigureText
          figure={{ value: f.spread ? value(f.spread) : null, withheld: f.withheld }}
          format={format}
          context={context}
        />
      );
    },
  });
  return [
    part(t("scopes.collaboration.median"), (s) => s.median, score),
    part(t("scopes.collaboration.q1"), (s) => s.q1, score),
    part(t("scopes.collaboration.q3"), (s) => s.q3, score),
    part(t("scopes.collaboration.n"), (s) => s.n, count),
  ];
}

/** The quarter the factor table opens on: the latest with partnerships in it. */
export function latestCollaborationQuarter(
  section: CollaborationSection,
): CollaborationQuarter | undefined {
  return [...section.quarters].reverse().find((q) => q.partnerships > 0) ?? section.quarters.at(-1);
}

/** One measure over the quarters: median, Q1, Q3 and the number of partnerships. */
export function spreadTable(
  section: CollaborationSection,
  m: Measure,
  context: TableContext,
): TableModel<CollaborationQuarter> {
  return {
    locale: context.locale,
    rowKey: (q) => q.start,
    rows: section.quarters,
    columns: [
      textColumn(context.t("scopes.collaboration.quarter"), (q) => quarterName(q.label, context)),
      ...spreadColumns((q: CollaborationQuarter) => spreadOf(q, m), context),
    ],
  };
}

type SpreadRow = { measure: Measure; level: string; figure: SpreadFigure };

/**
 * Measures of one quarter side by side: the 21 factors (with their level), or the index and the
 * five levels.
 */
export function quarterSpreadTable(
  quarter: CollaborationQuarter,
  of: "factors" | "levels",
  context: TableContext,
): TableModel<SpreadRow> {
  const { t, locale } = context;
  const rows = measures
    .filter((m) => (of === "factors" ? m.kind === "factor" : m.kind !== "factor"))
    .map((m) => ({
      measure: m,
      level:
        currentInstrument.levels.find((l) => l.factors.some((f) => f.id === m.id))?.label[locale] ??
        "",
      figure: spreadOf(quarter, m),
    }));
  const name = textColumn(
    t(of === "factors" ? "scopes.collaboration.factor" : "scopes.collaboration.measure"),
    (r: SpreadRow) => measureName(r.measure, context),
  );
  return {
    locale,
    rowKey: (r) => r.measure.id,
    rows,
    columns: [
      name,
      ...(of === "factors"
        ? [textColumn(t("scopes.collaboration.level"), (r: SpreadRow) => r.level)]
        : []),
      ...spreadColumns((r: SpreadRow) => r.figure, context),
    ],
  };
}

type SectorRow = CollaborationSection["sectors"]["factors"][number] & { id: string; name: string };

/** Per factor, the median over partnerships of each sector's mean and of the gaps between them. */
export function sectorsTable(
  section: CollaborationSection,
  context: TableContext,
): TableModel<SectorRow> {
  const { t, locale } = context;
  const factors = measures.filter((m) => m.kind === "factor");
  const rows = section.sectors.factors.map((f, i) => {
    const m = factors[i];
    return { ...f, id: m?.id ?? String(i), name: m ? measureName(m, context) : "" };
  });
  const h = (key: string) => t(`scopes.collaboration.sectors.${key}`);
  const none = t("scopes.none");
  const gap = { ...score, signed: true, empty: none };
  return {
    locale,
    rowKey: (r) => r.id,
    rows,
    columns: [
      textColumn(t("scopes.collaboration.factor"), (r) => r.name),
      { kind: "number", header: h("education"), ...score, empty: none, value: (r) => r.education },
      { kind: "number", header: h("youthCare"), ...score, empty: none, value: (r) => r.youthCare },
      { kind: "number", header: h("families"), ...score, empty: none, value: (r) => r.families },
      {
        kind: "number",
        header: h("gapEducationYouthCare"),
        ...gap,
        value: (r) => r.gapEducationYouthCare,
      },
      {
        kind: "number",
        header: h("gapEducationFamilies"),
        ...gap,
        value: (r) => r.gapEducationFamilies,
      },
    ],
  };
}

/* ------------------------------------------------------------------ goals */

export const goalKeys = ["achieved", "onTrack", "atRisk", "offTrack", "noData"] as const;

/** The chart colours of the statuses, theme variables in the order of goalKeys. */
export const goalColours = [
  "--smo-color-ok",
  "--smo-chart-1",
  "--smo-chart-5",
  "--smo-color-error",
  "--smo-color-border",
] as const;

export function goalsTable(
  quarters: GoalsQuarter[],
  context: TableContext,
): TableModel<GoalsQuarter> {
  const { t, locale } = context;
  return {
    locale,
    rowKey: (q) => q.start,
    rows: quarters,
    columns: [
      textColumn(t("scopes.goals.quarter"), (q) => quarterName(q.label, context)),
      ...goalKeys.map((k) =>
        figureColumn(t(`scopes.goals.status.${k}`), (q: GoalsQuarter) => q[k], count, context),
      ),
    ],
  };
}

/* ------------------------------------------------------------------ cases */

export const caseMeasures = [
  ["active", count],
  ["gasCases", count],
  ["gasMean", score],
  ["gasMedian", score],
  ["jointPlanShare", share],
  ["voiceShare", share],
  ["changesPerCaseYear", { digits: 2 }],
  ["tooQuickShare", share],
  ["closed", count],
  ["dropoutShare", share],
  ["continuesShare", share],
  ["realisedShare", share],
  ["satisfactionParent", score],
  ["satisfactionYoung", score],
] as const satisfies readonly (readonly [keyof CaseCell, NumberFormat])[];

export type CaseMeasure = (typeof caseMeasures)[number][0];

export type CaseRow = { key: string; label: string; cell: CaseCell | undefined };

const missing: Figure = { value: null, withheld: null };

/** Case figures, one row per quarter or per school type or age band: every measure a column. */
export function casesTable(
  rows: CaseRow[],
  first: string,
  context: TableContext,
  /** The measures to show, all by default. */
  only?: readonly CaseMeasure[],
): TableModel<CaseRow> {
  const { t, locale } = context;
  const shown = only ? caseMeasures.filter(([key]) => only.includes(key)) : caseMeasures;
  return {
    locale,
    rowKey: (r) => r.key,
    rows,
    columns: [
      textColumn(first, (r) => r.label),
      ...shown.map(([key, format]) =>
        figureColumn(
          t(`scopes.cases.measures.${key}`),
          (r: CaseRow) => r.cell?.[key] ?? missing,
          format,
          context,
        ),
      ),
    ],
  };
}

/** The rows of the quarter table: each quarter's cell over all cases. */
export function quarterRows(quarters: CasesQuarter[], context: TableContext): CaseRow[] {
  return quarters.map((q) => ({
    key: q.start,
    label: quarterName(q.label, context),
    cell: q.cells.all,
  }));
}

/** The rows of one quarter by school type or by age band. */
export function breakdownRows(
  quarter: CasesQuarter | undefined,
  by: "school_type" | "age_band",
  { t }: TableContext,
): CaseRow[] {
  const label = (v: string) => {
    if (by === "school_type") return t(`cases.schoolType.${v}`);
    const [from = "", to = ""] = v.split("-");
    return t("cases.ageBandValue", { from, to });
  };
  const values: readonly string[] = by === "school_type" ? schoolTypes : ageBands;
  return values.map((v) => ({ key: v, label: label(v), cell: quarter?.cells[`${by}:${v}`] }));
}

/* ------------------------------------------------------------------ outcomes */

type Point = OutcomesSection["points"][number] & { n: number };

export function pointsTable(section: OutcomesSection, context: TableContext): TableModel<Point> {
  const { t, locale } = context;
  const none = t("scopes.none");
  const h = (key: string) => t(`scopes.outcomes.columns.${key}`);
  return {
    locale,
    rowKey: (p) => String(p.n),
    rows: section.points.map((p, i) => ({ ...p, n: i + 1 })),
    columns: [
      { kind: "text", header: h("point"), value: (p) => String(p.n) },
      { kind: "number", header: h("index"), ...score, value: (p) => p.index },
      { kind: "number", header: h("gasMean"), ...count, empty: none, value: (p) => p.gasMean },
      {
        kind: "number",
        header: h("dropoutShare"),
        ...share,
        empty: none,
        value: (p) => p.dropoutShare,
      },
    ],
  };
}

/** ρ with its interval, as people read it: "ρ = 0,42 (95%-BI 0,05 tot 0,69; n = 12)". */
export function correlationText(
  c: NonNullable<OutcomesSection["gas"]>,
  { t, locale }: TableContext,
): string {
  // A real minus sign, not a hyphen.
  const r = (v: number) => formatNumber(v, { digits: 2 }, locale).replace("-", "−");
  return t("scopes.outcomes.rho", { rho: r(c.rho), low: r(c.low), high: r(c.high), n: c.n });
}

/** Why the relation is not shown: too few partnerships with both figures. */
export function outcomesTooFew(data: OutcomesSection, { t }: TableContext): string {
  return t("scopes.outcomes.tooFew", { partnerships: data.partnerships, minimum: data.minimum });
}

/* ------------------------------------------------------------------ places */

export type PlaceRow = {
  id: string;
  name: string;
  href: string | null;
  partnerships: number;
  report: string | null;
};

/** The scopes one level down: a link where the user may open them, and their partnerships. */
export function placesTable(
  rows: PlaceRow[],
  header: string,
  context: TableContext,
): TableModel<PlaceRow> {
  const { t, locale } = context;
  const columns: TableColumn<PlaceRow>[] = [
    {
      kind: "text",
      header,
      value: (r) => r.name,
      cell: (r) =>
        r.href ? (
          <Link href={r.href} className="utrecht-link utrecht-link--html-a">
            {r.name}
          </Link>
        ) : (
          r.name
        ),
    },
    { kind: "number", header: t("scopes.places.partnerships"), value: (r) => r.partnerships },
  ];
  if (rows.some((r) => r.report))
    columns.push({
      kind: "text",
      header: t("scopes.places.report"),
      value: (r) => r.report,
      cell: (r) =>
        r.report ? (
          <Link href={r.report} className="utrecht-link utrecht-link--html-a">
            {t("scopes.places.reportLink")}
            <span className="smo-visually-hidden"> {r.name}</span>
          </Link>
        ) : (
          "–"
        ),
    });
  return { locale, rowKey: (r) => r.id, rows, columns };
}
