"use client";

/**
 * Part 6: collaboration against case outcomes across the scope's partnerships — one unlabelled
 * point per partnership, with Spearman's ρ and its 95 % interval. Association, not cause; below
 * the minimum number of partnerships it is not shown, and the section says why.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CsvLink } from "@/app/_components/csv-link";
import { Pagination } from "@/app/_components/pagination";
import { EmptyState } from "@/app/_components/states";
import { ScatterChart } from "@/app/_scopes/charts";
import { useTRPC } from "@/app/_trpc/client";
import { offsetOf, PAGE_SIZE } from "@/domain/paging";
import { type ScopeInput, scopeCsvHref } from "../scope";
import { ScopeTable } from "../scope-table";
import { FiguresGate, ScopeSection } from "../section";
import type { TableContext } from "../table-model";
import { quarterName, type OutcomesSection as Section } from "../tables/common";
import { correlationText, outcomesTooFew, pointsTable } from "../tables/outcomes";

export function OutcomesSection({ scope }: { scope: ScopeInput }) {
  const t = useTranslations("scopes.outcomes");
  const trpc = useTRPC();
  const query = useQuery(trpc.scopes.outcomes.queryOptions(scope));
  return (
    <ScopeSection id="outcomes" title={t("title")}>
      <FiguresGate scope={scope} query={query}>
        {(data, context) => <Outcomes scope={scope} data={data} context={context} />}
      </FiguresGate>
    </ScopeSection>
  );
}

/** Why the relation is not shown: too few partnerships with both figures. */
function OutcomesWithheld({ data, context }: { data: Section; context: TableContext }) {
  return (
    <p className="utrecht-paragraph">
      <strong>{context.t("scopes.outcomes.notShown")}</strong> {outcomesTooFew(data, context)}
    </p>
  );
}

function Outcomes({
  scope,
  data,
  context,
}: {
  scope: ScopeInput;
  data: Section;
  context: TableContext;
}) {
  const t = useTranslations("scopes.outcomes");
  // At the nation a point per partnership is thousands of rows: the table shows them a page at
  // a time, the CSV all of them.
  const [page, setPage] = useState(1);
  const points = pointsTable(data, context);
  const onPage = {
    ...points,
    rows: points.rows.slice(offsetOf(page, PAGE_SIZE), page * PAGE_SIZE),
  };
  const intro = (
    <p className="utrecht-paragraph">
      {t("intro", {
        from: quarterName(data.from, context),
        to: quarterName(data.to, context),
        cases: context.thresholds.cases,
      })}
    </p>
  );
  const association = (
    <p className="utrecht-paragraph smo-association">
      <strong>{t("associationTitle")}</strong> {t("association")}
    </p>
  );
  if (data.withheld || data.points.length === 0)
    return (
      <>
        {intro}
        <OutcomesWithheld data={data} context={context} />
        {association}
      </>
    );
  const gasPoints = data.points.flatMap((p) =>
    p.gasMean === null ? [] : [{ x: p.index, y: p.gasMean }],
  );
  const dropoutPoints = data.points.flatMap((p) =>
    p.dropoutShare === null ? [] : [{ x: p.index, y: p.dropoutShare }],
  );
  const gasValues = gasPoints.map((p) => p.y);
  // The index axis spans the points, in half points, within the scale of 1 to 5.
  const indices = data.points.map((p) => p.index);
  const xMin = Math.max(1, Math.floor(Math.min(...indices) * 2) / 2 - 0.5);
  const xMax = Math.min(5, Math.ceil(Math.max(...indices) * 2) / 2 + 0.5);
  const panel = (
    key: "gas" | "dropout",
    points: { x: number; y: number }[],
    axis: { yMin: number; yMax: number; yPercent?: boolean },
  ) => {
    const c = data[key];
    return (
      <div>
        <h3 className="utrecht-heading-3">{t(`${key}Title`)}</h3>
        {points.length === 0 ? (
          <EmptyState>{t("noPoints")}</EmptyState>
        ) : (
          <ScatterChart
            points={points}
            xLabel={t("columns.index")}
            yLabel={t(key === "gas" ? "columns.gasMean" : "columns.dropoutShare")}
            xMin={xMin}
            xMax={xMax}
            {...axis}
          />
        )}
        {points.length > 0 && (
          <p className="utrecht-paragraph">
            {c ? correlationText(c, context) : t("noCorrelation", { minimum: data.minimum })}
          </p>
        )}
      </div>
    );
  };
  return (
    <>
      {intro}
      {association}
      <div className="smo-pair">
        {panel("gas", gasPoints, {
          yMin: Math.floor(Math.min(30, ...gasValues) / 10) * 10,
          yMax: Math.ceil(Math.max(70, ...gasValues) / 10) * 10,
        })}
        {panel("dropout", dropoutPoints, { yMin: 0, yMax: 1, yPercent: true })}
      </div>
      <p className="utrecht-paragraph smo-muted">{t("rhoNote")}</p>
      <details className="smo-details">
        <summary>{t("tableOfCharts", { count: data.points.length })}</summary>
        <ScopeTable caption={t("caption")} table={onPage} />
        <Pagination page={page} pageSize={PAGE_SIZE} total={points.rows.length} onPage={setPage} />
        <CsvLink href={scopeCsvHref(scope, "outcomes")} table={t("caption")} />
      </details>
    </>
  );
}
