/**
 * A table in the NL Design System style; works in server and client components alike.
 * The caption names the table for screen readers (visible or not). Its columns and rows are a
 * table model (table-model.ts), the same one its CSV download is written from; `csv` is that
 * download's address, linked under the table. `stacked` turns each row into a card on a phone
 * (every cell under its column's name), for lists whose columns do not fit side by side there.
 */
import { CsvLink } from "./csv-link";
import { ScrollRegion } from "./scroll-region";
import { columnsFor, screenCell, type TableModel } from "./table-model";

export function DataTable<R>({
  caption,
  captionHidden = true,
  table,
  rowKey,
  busy,
  className,
  csv,
  stacked,
}: {
  caption: string;
  captionHidden?: boolean;
  table: TableModel<R>;
  rowKey: (row: R) => string;
  busy?: boolean;
  className?: string;
  csv?: string;
  stacked?: boolean;
}) {
  const columns = columnsFor(table.columns, "screen");
  const numeric = (c: (typeof columns)[number]) => c.kind === "number";
  // A stacked table's CSS display is not a table's: its roles are said outright, so a screen
  // reader still reads rows and columns.
  const role = (name: string) => (stacked ? name : undefined);
  return (
    <>
      <ScrollRegion label={caption}>
        <table
          className={`utrecht-table utrecht-table--html-table${stacked ? " smo-table-stacked" : ""} ${className ?? ""}`}
          aria-busy={busy || undefined}
          role={role("table")}
        >
          <caption
            className={`utrecht-table__caption${captionHidden ? " smo-visually-hidden" : ""}`}
          >
            {caption}
          </caption>
          <thead className="utrecht-table__header" role={role("rowgroup")}>
            <tr className="utrecht-table__row" role={role("row")}>
              {columns.map((c) => (
                <th
                  key={c.header}
                  scope="col"
                  role={role("columnheader")}
                  className={`utrecht-table__header-cell${numeric(c) ? " utrecht-table__header-cell--numeric-column" : ""}`}
                >
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body" role={role("rowgroup")}>
            {table.rows.map((row) => (
              <tr key={rowKey(row)} className="utrecht-table__row" role={role("row")}>
                {columns.map((c) => (
                  <td
                    key={c.header}
                    data-label={stacked ? c.header : undefined}
                    role={role("cell")}
                    className={`utrecht-table__cell${numeric(c) ? " utrecht-table__cell--numeric-data" : ""}`}
                  >
                    {screenCell(c, row, table.locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {csv && <CsvLink href={csv} table={caption} />}
    </>
  );
}
