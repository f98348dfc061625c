/**
 * A table of a scope dashboard, rendered from its table model (table-model.ts). The first
 * column names the row (a row header). On a narrow screen the table scrolls inside a region
 * that takes keyboard focus and is named after the table, so it can be scrolled without a
 * mouse. Works in server and client components alike.
 */
import { ScrollRegion } from "@/app/_components/scroll-region";
import { columnsFor, screenCell } from "@/app/_components/table-model";
import type { TableModel } from "./table-model";

export function ScopeTable<R>({
  caption,
  captionHidden = true,
  table,
  className,
}: {
  caption: string;
  captionHidden?: boolean;
  table: TableModel<R>;
  className?: string;
}) {
  const columns = columnsFor(table.columns, "screen");
  const numeric = (c: (typeof columns)[number]) => c.kind === "number";
  // A visible caption stands above the scrolling region, so that it wraps at the screen's width
  // and does not scroll away; the table's own caption names it for screen readers.
  return (
    <>
      {!captionHidden && (
        <p className="utrecht-paragraph smo-table-title" aria-hidden="true">
          {caption}
        </p>
      )}
      <ScrollRegion label={caption} className="smo-scroll">
        <table className={`utrecht-table utrecht-table--html-table ${className ?? ""}`}>
          <caption className="utrecht-table__caption smo-visually-hidden">{caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {columns.map((c, i) => (
                <th
                  key={`${i}-${c.header}`}
                  scope="col"
                  className={`utrecht-table__header-cell${i > 0 && numeric(c) ? " utrecht-table__header-cell--numeric-column" : ""}`}
                >
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {table.rows.map((row) => (
              <tr key={table.rowKey(row)} className="utrecht-table__row">
                {columns.map((c, i) =>
                  i === 0 ? (
                    <th key={`${i}-${c.header}`} scope="row" className="utrecht-table__header-cell">
                      {screenCell(c, row, table.locale)}
                    </th>
                  ) : (
                    <td
                      key={`${i}-${c.header}`}
                      className={`utrecht-table__cell${numeric(c) ? " utrecht-table__cell--numeric-data" : ""}`}
                    >
                      {screenCell(c, row, table.locale)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
