/**
 * A table in the NL Design System style; works in server and client components alike.
 * The caption names the table for screen readers (visible or not).
 */
export type Column<R> = { header: string; cell: (row: R) => React.ReactNode; numeric?: boolean };

export function DataTable<R>({
  caption,
  captionHidden = true,
  columns,
  rows,
  rowKey,
  busy,
  className,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  busy?: boolean;
  className?: string;
}) {
  return (
    <div className="smo-table-wrap">
      <table
        className={`utrecht-table utrecht-table--html-table ${className ?? ""}`}
        aria-busy={busy || undefined}
      >
        <caption className={`utrecht-table__caption${captionHidden ? " smo-visually-hidden" : ""}`}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((c) => (
              <th
                key={c.header}
                scope="col"
                className={`utrecht-table__header-cell${c.numeric ? " utrecht-table__header-cell--numeric-column" : ""}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="utrecht-table__row">
              {columns.map((c) => (
                <td
                  key={c.header}
                  className={`utrecht-table__cell${c.numeric ? " utrecht-table__cell--numeric-data" : ""}`}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
