/**
 * What the tables of the scope dashboards and the OOGO report share: the published sections'
 * types, number formats, quarter names and the column of published figures. Each table is
 * declared once (../table-model.ts), for the screen and its CSV download, in the file of its
 * section beside this one. Figures withheld on the server are null values with a marker on
 * screen (../figures.tsx).
 */
import type { RouterOutputs } from "@/app/_trpc/types";
import { type Figure, FigureText } from "../figures";
import type { NumberColumn, NumberFormat, TableContext, TextColumn } from "../table-model";

type Outputs = RouterOutputs["scopes"];
export type ReportingQuarter = Outputs["reporting"]["quarters"][number];
export type GoalsQuarter = Outputs["goals"]["quarters"][number];
export type CasesQuarter = Outputs["cases"]["quarters"][number];
export type CaseCell = CasesQuarter["cells"][string];
export type CollaborationSection = Outputs["collaboration"];
export type OutcomesSection = Outputs["outcomes"];

export const count: NumberFormat = { digits: 0 };
/** Expected reflections are pro rata, so sums of them can have a decimal. */
export const sum: NumberFormat = { digits: 1, minDigits: 0 };
export const share: NumberFormat = { percent: true };
export const score: NumberFormat = { digits: 1 };

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

export function textColumn<R>(header: string, value: (row: R) => string): TextColumn<R> {
  return { kind: "text", header, value };
}
