/**
 * The partnerships in a scope: by form and by sharing choice, and the reporting of those that share full access.
 * Declared once (../table-model.ts), for the screen and the CSV download.
 */
import Link from "next/link";
import type { Overview } from "../scope";
import { formatNumber, type TableContext, type TableModel, type TextColumn } from "../table-model";
import { quarterName, quarterOfDay, share, sum } from "./common";

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
