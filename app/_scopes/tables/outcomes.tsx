/**
 * Collaboration against outcomes: the points and the correlation.
 * Declared once (../table-model.ts), for the screen and the CSV download.
 */
import { formatNumber, type TableContext, type TableModel } from "../table-model";
import { count, type OutcomesSection, score, share } from "./common";

type Point = OutcomesSection["points"][number] & { n: number };

export function pointsTable(section: OutcomesSection, context: TableContext): TableModel<Point> {
  const { t, locale } = context;
  const none = t("scopes.none");
  const h = (key: string) => t(`scopes.outcomes.columns.${key}`);
  return {
    locale,
    rowKey: (p) => String(p.n),
    rows: section.points.map((p, i) => ({ ...p, n: i + 1 })),
    columns: [
      { kind: "text", header: h("point"), value: (p) => String(p.n) },
      { kind: "number", header: h("index"), ...score, value: (p) => p.index },
      { kind: "number", header: h("gasMean"), ...count, empty: none, value: (p) => p.gasMean },
      {
        kind: "number",
        header: h("dropoutShare"),
        ...share,
        empty: none,
        value: (p) => p.dropoutShare,
      },
    ],
  };
}

/** ρ with its interval, as people read it: "ρ = 0,42 (95%-BI 0,05 tot 0,69; n = 12)". */
export function correlationText(
  c: NonNullable<OutcomesSection["gas"]>,
  { t, locale }: TableContext,
): string {
  // A real minus sign, not a hyphen.
  const r = (v: number) => formatNumber(v, { digits: 2 }, locale).replace("-", "−");
  return t("scopes.outcomes.rho", { rho: r(c.rho), low: r(c.low), high: r(c.high), n: c.n });
}

/** Why the relation is not shown: too few partnerships with both figures. */
export function outcomesTooFew(data: OutcomesSection, { t }: TableContext): string {
  return t("scopes.outcomes.tooFew", { partnerships: data.partnerships, minimum: data.minimum });
}
