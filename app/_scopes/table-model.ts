/**
 * The tables of the scope dashboards, each declared once as columns (a header, the plain value
 * of each row, its kind and format, and the screen's own cell where it says more, such as a
 * withheld marker) and rows. The screen renders them (ScopeTable, scope-table.tsx); a CSV
 * download can write the same declaration: the shape follows the table model of the CSV work
 * (header, kind, value, cell, digits, percent, signed).
 */
import type { ReactNode } from "react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { intlLocale, type Locale } from "@/i18n/locales";

/** Why a published figure is not there (server/disclosure/publish.ts). */
export type Withheld = NonNullable<
  RouterOutputs["scopes"]["reporting"]["quarters"][number]["expected"]["withheld"]
>;

/** Translates a full key ("scopes.reporting.title"): next-intl's `useTranslations()`. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What every declaration takes: the user's language and texts, and the thresholds for markers. */
export type TableContext = {
  t: Translate;
  locale: Locale;
  thresholds: { cases: number; partnerships: number; scorers: number };
};

/** How a number is shown: at most `digits` decimals (at least `minDigits`), as a percentage. */
export type NumberFormat = {
  digits?: number;
  minDigits?: number;
  /** A share from 0 to 1, shown as a percentage. */
  percent?: boolean;
  /** A difference: a plus sign before a positive value. */
  signed?: boolean;
};

type Shared<R> = {
  header: string;
  /** The screen's rendering where it says more than the value. */
  cell?: (row: R) => ReactNode;
  /** Why the value is not there (a figure withheld on the server), for the legend and a CSV. */
  withheld?: (row: R) => Withheld | null;
};
export type TextColumn<R> = Shared<R> & { kind: "text"; value: (row: R) => string | null };
export type NumberColumn<R> = Shared<R> &
  NumberFormat & { kind: "number"; value: (row: R) => number | null };
export type TableColumn<R> = TextColumn<R> | NumberColumn<R>;

export type TableModel<R> = {
  locale: Locale;
  columns: TableColumn<R>[];
  rows: R[];
  /** A stable key per row. */
  rowKey: (row: R) => string;
};

export function formatNumber(value: number, format: NumberFormat, locale: Locale): string {
  const digits = format.digits ?? 0;
  return new Intl.NumberFormat(intlLocale(locale), {
    style: format.percent ? "percent" : "decimal",
    minimumFractionDigits: format.minDigits ?? digits,
    maximumFractionDigits: digits,
    signDisplay: format.signed ? "exceptZero" : "auto",
  }).format(value);
}

type AnyTable = {
  columns: readonly { withheld?: (row: never) => Withheld | null }[];
  rows: readonly unknown[];
};

/** The reasons withheld anywhere in these tables, for the legend beside them. */
export function withheldIn(...tables: AnyTable[]): Withheld[] {
  const found = new Set<Withheld>();
  for (const table of tables)
    for (const column of table.columns) {
      const why = column.withheld as ((row: unknown) => Withheld | null) | undefined;
      if (why)
        for (const row of table.rows) {
          const reason = why(row);
          if (reason) found.add(reason);
        }
    }
  return [...found];
}
