/**
 * Case aggregates per quarter, and by school type and age band.
 * Declared once (../table-model.ts), for the screen and the CSV download.
 */
import { ageBands, schoolTypes } from "@/domain/vocabulary";
import type { Figure } from "../figures";
import type { NumberFormat, TableContext, TableModel } from "../table-model";
import {
  type CaseCell,
  type CasesQuarter,
  count,
  figureColumn,
  quarterName,
  score,
  share,
  textColumn,
} from "./common";

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
