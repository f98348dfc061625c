/**
 * The charts of the scope figures and the parts the dashboard and the OOGO report share, built
 * from the published sections: the same in a client section and on the server-rendered report.
 * No hooks here; the charts themselves are client components (app/_components/charts.tsx) and
 * get plain arrays.
 */
import { LineChart } from "@/app/_components/charts";
import { CsvLink } from "@/app/_components/csv-link";
import { EmptyState } from "@/app/_components/states";
import { BandLineChart, BarLineChart, StackedBarChart } from "./charts";
import { shownValue, WithheldMark } from "./figures";
import { ScopeTable } from "./scope-table";
import type { TableContext } from "./table-model";
import { type Measure, measureName, sectorsTable, spreadOf } from "./tables/collaboration";
import {
  type CasesQuarter,
  type CollaborationSection,
  type GoalsQuarter,
  quarterName,
  type ReportingQuarter,
} from "./tables/common";
import { goalColours, goalKeys } from "./tables/goals";

const labelsOf = (quarters: readonly { label: string }[], context: TableContext) =>
  quarters.map((q) => quarterName(q.label, context));

const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Completeness and timeliness per quarter, in percent. */
export function ReportingChart({
  quarters,
  context,
}: {
  quarters: ReportingQuarter[];
  context: TableContext;
}) {
  const { t } = context;
  return (
    <LineChart
      labels={labelsOf(quarters, context)}
      min={0}
      max={100}
      series={[
        {
          label: t("scopes.reporting.rateSeries"),
          values: quarters.map((q) => percent(shownValue(q.rate))),
        },
        {
          label: t("scopes.reporting.onTimeSeries"),
          values: quarters.map((q) => percent(shownValue(q.onTimeRate))),
        },
      ]}
    />
  );
}

/** Medians with their interquartile band over the quarters, one line per measure. */
export function SpreadChart({
  section,
  chosen,
  context,
}: {
  section: CollaborationSection;
  chosen: Measure[];
  context: TableContext;
}) {
  return (
    <BandLineChart
      labels={labelsOf(section.quarters, context)}
      series={chosen.map((m) => {
        const spreads = section.quarters.map((q) => spreadOf(q, m).spread);
        return {
          label: measureName(m, context),
          median: spreads.map((s) => s?.median ?? null),
          q1: spreads.map((s) => s?.q1 ?? null),
          q3: spreads.map((s) => s?.q3 ?? null),
        };
      })}
    />
  );
}

/** Goals by status, stacked per quarter. */
export function GoalsChart({
  quarters,
  context,
}: {
  quarters: GoalsQuarter[];
  context: TableContext;
}) {
  return (
    <StackedBarChart
      labels={labelsOf(quarters, context)}
      colourVars={goalColours}
      series={goalKeys.map((k) => ({
        label: context.t(`scopes.goals.status.${k}`),
        values: quarters.map((q) => shownValue(q[k])),
      }))}
    />
  );
}

/** Active cases as bars, the mean GAS T-score as a line on its own axis. */
export function CasesChart({
  quarters,
  context,
}: {
  quarters: CasesQuarter[];
  context: TableContext;
}) {
  const { t } = context;
  const gas = quarters.map((q) => shownValue(q.cells.all?.gasMean));
  const shown = gas.filter((v): v is number => v !== null);
  return (
    <BarLineChart
      labels={labelsOf(quarters, context)}
      bars={{
        label: t("scopes.cases.measures.active"),
        values: quarters.map((q) => shownValue(q.cells.all?.active)),
      }}
      line={{ label: t("scopes.cases.measures.gasMean"), values: gas }}
      // The T-score's own scale: 50 ± 20 at least, widened to whole tens around what was shown.
      lineMin={Math.floor(Math.min(30, ...shown) / 10) * 10}
      lineMax={Math.ceil(Math.max(70, ...shown) / 10) * 10}
    />
  );
}

/** The median gap between the sectors per factor, or why it is not shown. */
export function SectorsPart({
  section,
  context,
  csvHref,
}: {
  section: CollaborationSection;
  context: TableContext;
  /** Where its table downloads (not on paper). */
  csvHref?: string;
}) {
  const { t } = context;
  const { sectors } = section;
  const quarter = quarterName(sectors.quarter ?? "", context);
  if (sectors.withheld)
    return (
      <p className="utrecht-paragraph">
        <WithheldMark why={sectors.withheld} context={context} />{" "}
        {t("scopes.collaboration.sectors.withheld", { quarter })}
      </p>
    );
  if (sectors.factors.length === 0)
    return <EmptyState>{t("scopes.collaboration.sectors.empty")}</EmptyState>;
  return (
    <>
      <p className="utrecht-paragraph smo-muted">
        {t("scopes.collaboration.sectors.basis", { quarter, partnerships: sectors.partnerships })}
      </p>
      <ScopeTable
        caption={t("scopes.collaboration.sectors.caption")}
        table={sectorsTable(section, context)}
      />
      {csvHref && <CsvLink href={csvHref} table={t("scopes.collaboration.sectors.caption")} />}
    </>
  );
}
