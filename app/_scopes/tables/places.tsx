/**
 * Where a scope sits and what lies below it.
 * Declared once (../table-model.ts), for the screen and the CSV download.
 */
import Link from "next/link";
import type { TableColumn, TableContext, TableModel } from "../table-model";

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
