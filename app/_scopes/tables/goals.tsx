/**
 * Goals across partnerships, by status per quarter.
 * Declared once (../table-model.ts), for the screen and the CSV download.
 */
import type { TableContext, TableModel } from "../table-model";
import { count, figureColumn, type GoalsQuarter, quarterName, textColumn } from "./common";

export const goalKeys = ["achieved", "onTrack", "atRisk", "offTrack", "noData"] as const;

/** The chart colours of the statuses, theme variables in the order of goalKeys. */
export const goalColours = [
  "--smo-color-ok",
  "--smo-chart-1",
  "--smo-chart-5",
  "--smo-color-error",
  "--smo-color-border",
] as const;

export function goalsTable(
  quarters: GoalsQuarter[],
  context: TableContext,
): TableModel<GoalsQuarter> {
  const { t, locale } = context;
  return {
    locale,
    rowKey: (q) => q.start,
    rows: quarters,
    columns: [
      textColumn(t("scopes.goals.quarter"), (q) => quarterName(q.label, context)),
      ...goalKeys.map((k) =>
        figureColumn(t(`scopes.goals.status.${k}`), (q: GoalsQuarter) => q[k], count, context),
      ),
    ],
  };
}
