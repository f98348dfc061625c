/**
 * A table model (table-model.ts) as a CSV file that Excel opens right in the user's language,
 * written by csv-stringify:
 * - UTF-8 with a byte order mark, so Excel reads "ë" and "€" as such;
 * - Dutch: ";" between cells and a decimal comma; English: "," and a decimal point;
 * - records end in CRLF, and a cell holding the delimiter, a quote or a line break is quoted;
 * - numbers are written from numbers, with the digits the screen shows and never a plus sign or
 *   thousands separator, so "-1,5" (a GAS score, a gap) stays a number;
 * - text cells (the header too) that begin with =, +, -, @, a tab or a carriage return get a
 *   leading ' so that no spreadsheet runs them as a formula (csv-stringify's `escape_formulas`,
 *   which lets numbers through: only text is neutralised, so "-1,5" typed as text is too);
 * - calendar days as ISO days (2026-03-12), moments as their day in Dutch time, with the time
 *   ("2026-03-12 14:05") where the screen shows it; none is an empty cell.
 */
import { stringify } from "csv-stringify/sync";
import { TIME_ZONE } from "@/domain/dates";
import type { Locale } from "@/i18n/locales";
import { numberFormat } from "./intl";
import { columnsFor, type MomentColumn, type NumberFormat, type TableModel } from "./table-model";

/** The delimiter and the decimal separator Excel expects in the user's language. */
export function csvFormat(locale: Locale): { delimiter: string; decimal: string } {
  return locale === "en" ? { delimiter: ",", decimal: "." } : { delimiter: ";", decimal: "," };
}

/** A number as the CSV writes it: the column's digits, "-" for below zero, the locale's decimal. */
export function csvNumber(value: number, column: NumberFormat, locale: Locale): string {
  if (!Number.isFinite(value)) return "";
  const digits = column.digits ?? 0;
  const text = numberFormat("en-US", {
    minimumFractionDigits: column.minDigits ?? digits,
    maximumFractionDigits: digits,
    // No "-0" for a value that rounds to zero, and no "+" ever: a leading "+" reads as a formula.
    signDisplay: "negative",
    useGrouping: false,
  }).format(column.percent ? value * 100 : value);
  return `${text.replace(".", csvFormat(locale).decimal)}${column.percent ? "%" : ""}`;
}

const dayAndTime = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A moment as its ISO day in Dutch time, with "HH:mm" after it for `style: "long"`. */
export function csvMoment(at: Date, column: { style?: MomentColumn<never>["style"] }): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    dayAndTime.formatToParts(at).find((p) => p.type === type)?.value ?? "";
  const day = `${part("year")}-${part("month")}-${part("day")}`;
  return (column.style ?? "long") === "long" ? `${day} ${part("hour")}:${part("minute")}` : day;
}

/** The whole file, byte order mark included. */
export function toCsv<R>(table: TableModel<R>): string {
  const columns = columnsFor(table.columns, "csv");
  const { delimiter } = csvFormat(table.locale);
  const column = (index: number | string | undefined) => columns[Number(index)];
  return stringify(
    [
      columns.map((c) => c.header),
      ...table.rows.map((row) => columns.map((c) => c.csvText?.(row) ?? c.value(row))),
    ],
    {
      bom: true,
      delimiter,
      record_delimiter: "windows",
      // With a record delimiter given, csv-stringify leaves a lone "\n" in a cell unquoted.
      quote_record_delimiter: true,
      escape_formulas: true,
      cast: {
        number: (value, { column: index }) => {
          const c = column(index);
          return c?.kind === "number" ? csvNumber(value, c, table.locale) : String(value);
        },
        date: (value, { column: index }) => {
          const c = column(index);
          return csvMoment(value, c?.kind === "moment" ? c : {});
        },
      },
    },
  );
}

/** A name's ASCII slug for a file name: "Zorg in én om de school" → "zorg-in-en-om-de-school". */
export function slug(text: string, maxLength = 60): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, "");
}

/** What and when: the parts (partnership, table …) as slugs, then the day, ".csv". */
export function csvFileName(parts: string[], day: string): string {
  return `${[...parts.map((p) => slug(p)), day].filter(Boolean).join("-")}.csv`;
}
