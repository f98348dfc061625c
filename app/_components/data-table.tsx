/**
 * A table in the NL Design System style; works in server and client components alike.
 * The caption names the table for screen readers (visible or not). Its columns and rows are a
 * table model (table-model.ts), the same one its CSV download is written from; `csv` is that
 * download's address, linked under the table.
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
}: {
  caption: string;
  captionHidden?: boolean;
  table: TableModel<R>;
  rowKey: (row: R) => string;
  busy?: boolean;
  className?: string;
  csv?: string;
}) {
  const columns = columnsFor(table.columns, "screen");
  const numeric = (c: (typeof columns)[number]) => c.kind === "number";
  return (
    <>
      <ScrollRegion label={caption}>
        <table
          className={`utrecht-table utrecht-table--html-table ${className ?? ""}`}
          aria-busy={busy || undefined}
        >
          <caption
            className={`utrecht-table__caption${captionHidden ? " smo-visually-hidden" : ""}`}
          >
            {caption}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {columns.map((c) => (
                <th
                  key={c.header}
                  scope="col"
                  className={`utrecht-table__header-cell${numeric(c) ? " utrecht-table__header-cell--numeric-column" : ""}`}
                >
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {table.rows.map((row) => (
              <tr key={rowKey(row)} className="utrecht-table__row">
                {columns.map((c) => (
                  <td
                    key={c.header}
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
