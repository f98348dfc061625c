/**
 * A published figure on screen: its value, or a marker saying why it is withheld ("< 10",
 * "—", "< 3 sv"), with the reason in words beside it for screen readers and in the legend under
 * the tables. Works in server and client components alike.
 */
import type { RouterOutputs } from "@/app/_trpc/types";
import { formatNumber, type NumberFormat, type TableContext, type Withheld } from "./table-model";

export type { Withheld };

export type Figure = RouterOutputs["scopes"]["reporting"]["quarters"][number]["expected"];
export type SpreadFigure = RouterOutputs["scopes"]["collaboration"]["quarters"][number]["index"];

/** In the order the legend explains them. */
export const withheldReasons = ["small", "protect", "partnerships", "scorers", "few"] as const;

function thresholdParams(context: TableContext) {
  const { cases, partnerships, scorers } = context.thresholds;
  return { cases, partnerships, scorers };
}

export function withheldMarker(why: Withheld, context: TableContext): string {
  return context.t(`scopes.withheld.${why}.marker`, thresholdParams(context));
}

export function withheldReason(why: Withheld, context: TableContext): string {
  return context.t(`scopes.withheld.${why}.reason`, thresholdParams(context));
}

/** The marker of a withheld figure, with its reason in words for screen readers. */
export function WithheldMark({ why, context }: { why: Withheld; context: TableContext }) {
  return (
    <span className="smo-withheld">
      {withheldMarker(why, context)}
      <span className="smo-visually-hidden"> ({withheldReason(why, context)})</span>
    </span>
  );
}

/** A figure as text: the value in the user's language, a withheld marker, or "geen". */
export function FigureText({
  figure,
  format = {},
  context,
}: {
  figure: Figure;
  format?: NumberFormat;
  context: TableContext;
}) {
  if (figure.withheld) return <WithheldMark why={figure.withheld} context={context} />;
  if (figure.value === null) return <span className="smo-muted">{context.t("scopes.none")}</span>;
  return <>{formatNumber(figure.value, format, context.locale)}</>;
}

/** The figure's value for a chart: nothing where it is withheld. */
export const shownValue = (figure: Figure | undefined) => figure?.value ?? null;

/** Explains the markers that occur in the tables above it. */
export function WithheldLegend({
  reasons,
  context,
}: {
  reasons: readonly Withheld[];
  context: TableContext;
}) {
  if (reasons.length === 0) return null;
  const present = withheldReasons.filter((r) => reasons.includes(r));
  return (
    <div className="smo-legend">
      <p className="utrecht-paragraph smo-legend__title">{context.t("scopes.legendTitle")}</p>
      <dl>
        {present.map((why) => (
          <div key={why}>
            <dt>{withheldMarker(why, context)}</dt>
            <dd>{withheldReason(why, context)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
