/**
 * A table declared once: its columns (a header, the plain value of each row, what kind of value
 * it is) and its rows. The screen renders it (`DataTable`, data-table.tsx) and the CSV download
 * writes it (`toCsv`, csv.ts), so a file has the columns and the rows the screen has and cannot
 * drift from it. A plain module: server pages, client components and route handlers use it.
 *
 * - `value` is the plain value, the one the CSV gets: text, a number, an ISO day, a moment, or
 *   null for none (an empty cell).
 * - `cell` is the screen's own rendering where it is richer (a link, a badge, a unit, "< 10");
 *   without it the screen shows the value formatted in the user's language, "–" for none.
 * - `csvText` is what the CSV writes instead where the value is withheld ("< 10").
 * - `only` keeps a column to one side: "screen" (a button), "csv" (a figure the screen shows
 *   inside another column's cell, such as the number of referrals beside their share).
 */
import type { ReactNode } from "react";
import { intlLocale, type Locale } from "@/i18n/locales";
import { formatDay, formatMoment } from "./dates";
import { numberFormat } from "./intl";

/** Translates a full key ("dashboard.session"): next-intl's `useTranslations()`, or serverTranslator. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What every table declaration takes: the user's language and its texts. */
export type TableContext = { t: Translate; has: (key: string) => boolean; locale: Locale };

type Shared<R> = {
  header: string;
  cell?: (row: R) => ReactNode;
  only?: "screen" | "csv";
  /** What the screen shows for none (default "–"); the CSV cell stays empty. */
  empty?: string;
  /**
   * Text the CSV writes instead of the value where there is one: the marker of a figure that
   * is withheld ("< 10"), so that the file says why the cell is empty.
   */
  csvText?: (row: R) => string | null;
};

export type TextColumn<R> = Shared<R> & { kind: "text"; value: (row: R) => string | null };

/** How a number is shown and written. */
export type NumberFormat = {
  /** Decimals shown and written: at most `digits` (default 0), at least `minDigits` (default `digits`). */
  digits?: number;
  minDigits?: number;
  /** A share from 0 to 1, shown and written as a percentage ("45%"). */
  percent?: boolean;
  /** A difference: the screen puts a plus sign before a positive value; the CSV never does. */
  signed?: boolean;
};

export type NumberColumn<R> = Shared<R> &
  NumberFormat & { kind: "number"; value: (row: R) => number | null };

/** A calendar day, "YYYY-MM-DD" as stored: the CSV writes it so. */
export type DayColumn<R> = Shared<R> & {
  kind: "day";
  value: (row: R) => string | null;
  style?: "long" | "medium" | "month";
};

/** A moment: the CSV writes its day in Dutch time, and with `style: "long"` the time beside it. */
export type MomentColumn<R> = Shared<R> & {
  kind: "moment";
  value: (row: R) => Date | null;
  style?: "long" | "day";
};

export type TableColumn<R> = TextColumn<R> | NumberColumn<R> | DayColumn<R> | MomentColumn<R>;

export type TableModel<R> = { locale: Locale; columns: TableColumn<R>[]; rows: R[] };

/** The columns a side shows, in order. */
export function columnsFor<R>(columns: TableColumn<R>[], side: "screen" | "csv"): TableColumn<R>[] {
  return columns.filter((c) => c.only === undefined || c.only === side);
}

/** A number as the screen shows it ("3,5", "45%", "+0,5"); the same digits as the CSV. */
export function formatNumber(value: number, column: NumberFormat, locale: Locale): string {
  const digits = column.digits ?? 0;
  return numberFormat(intlLocale(locale), {
    style: column.percent ? "percent" : "decimal",
    minimumFractionDigits: column.minDigits ?? digits,
    maximumFractionDigits: digits,
    signDisplay: column.signed ? "exceptZero" : "auto",
    useGrouping: false,
  }).format(value);
}

/** One cell as the screen shows it. */
export function screenCell<R>(column: TableColumn<R>, row: R, locale: Locale): ReactNode {
  if (column.cell) return column.cell(row);
  const none = column.empty ?? "–";
  switch (column.kind) {
    case "text":
      return column.value(row) ?? none;
    case "number": {
      const value = column.value(row);
      return value === null ? none : formatNumber(value, column, locale);
    }
    case "day": {
      const value = column.value(row);
      return value === null ? none : formatDay(locale, value, column.style);
    }
    case "moment": {
      const value = column.value(row);
      return value === null ? none : formatMoment(locale, value, column.style);
    }
  }
}
