/**
 * The tables of the scope dashboards are table models (app/_components/table-model.ts): the
 * columns of each declared once, for the screen and a CSV download alike. A figure published
 * by the server may be withheld: its value is then null (an empty CSV cell) and its column says
 * why, for the marker on screen and the legend under the tables.
 */
import type * as Base from "@/app/_components/table-model";
import type { RouterOutputs } from "@/app/_trpc/types";

export { formatNumber, type NumberFormat } from "@/app/_components/table-model";

/** Why a published figure is not there (server/disclosure/publish.ts). */
export type Withheld = NonNullable<
  RouterOutputs["scopes"]["reporting"]["quarters"][number]["expected"]["withheld"]
>;

/** The table context with the thresholds the markers name ("< 10", "< 3 sv"). */
export type TableContext = Base.TableContext & {
  thresholds: { cases: number; partnerships: number; scorers: number };
};

type Withholding<R> = {
  /** Why the value is not there, where the server withheld it. */
  withheld?: (row: R) => Withheld | null;
};
export type TextColumn<R> = Base.TextColumn<R> & Withholding<R>;
export type NumberColumn<R> = Base.NumberColumn<R> & Withholding<R>;
export type TableColumn<R> = TextColumn<R> | NumberColumn<R>;

export type TableModel<R> = Base.TableModel<R> & {
  columns: TableColumn<R>[];
  /** A stable key per row. */
  rowKey: (row: R) => string;
};

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
