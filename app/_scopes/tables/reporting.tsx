/**
 * Reporting completeness and timeliness per quarter.
 * Declared once (../table-model.ts), for the screen and the CSV download.
 */
import type { TableContext, TableModel } from "../table-model";
import { figureColumn, quarterName, type ReportingQuarter, share, sum, textColumn } from "./common";

export function reportingTable(
  quarters: ReportingQuarter[],
  context: TableContext,
): TableModel<ReportingQuarter> {
  const { t, locale } = context;
  const h = (key: string) => t(`scopes.reporting.columns.${key}`);
  return {
    locale,
    rowKey: (q) => q.start,
    rows: quarters,
    columns: [
      textColumn(h("quarter"), (q) => quarterName(q.label, context)),
      { kind: "number", header: h("partnerships"), value: (q) => q.partnerships },
      figureColumn(h("expected"), (q) => q.expected, sum, context),
      figureColumn(h("held"), (q) => q.held, sum, context),
      figureColumn(h("onTime"), (q) => q.onTime, sum, context),
      figureColumn(h("rate"), (q) => q.rate, share, context),
      figureColumn(h("onTimeRate"), (q) => q.onTimeRate, share, context),
    ],
  };
}
