/**
 * Collaboration trends: medians and spreads of the index, levels and factors, and the sector gaps.
 * Declared once (../table-model.ts), for the screen and the CSV download.
 */
import { currentInstrument } from "@/domain/instrument";
import { FigureText, type SpreadFigure } from "../figures";
import type { NumberColumn, NumberFormat, TableContext, TableModel } from "../table-model";
import { type CollaborationSection, count, quarterName, score, textColumn } from "./common";

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
