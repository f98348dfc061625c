"use client";

import { useTranslations } from "next-intl";
import { GoalChart } from "@/app/_components/charts";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/states";
import { GoalStatusBadge } from "@/app/_components/status";
import { useTableContext } from "@/app/_components/table-context";
import { useGoalFormat } from "@/app/partnerships/[id]/goals/goal-form";
import { measurementsTable } from "@/app/partnerships/[id]/goals/tables";
import { Item } from "./about";
import type { Goal } from "./goal";

/** How far the goal is: its status, the curve against the expected path, the measurements. */
export function GoalProgress({ partnershipId, goal }: { partnershipId: string; goal: Goal }) {
  const t = useTranslations();
  const tables = useTableContext();
  const f = useGoalFormat();
  const number = (value: number, digits?: number) => f.value(value, goal.unit, digits);
  const forecast =
    goal.forecastAtTarget === null ? null : { date: goal.targetDate, value: goal.forecastAtTarget };
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading" className="utrecht-heading-2">
        {t("goals.progress")}
      </h2>
      <dl className="utrecht-data-list">
        <Item label={t("goals.status")}>
          <GoalStatusBadge status={goal.status} />
        </Item>
        <Item label={t("goals.progress")}>{f.percent(goal.progress)}</Item>
        <Item label={t("goals.latestValue")}>
          {goal.latestValue === null || goal.latestOn === null
            ? t("goals.noMeasurementYet")
            : t("goals.valueOn", { value: number(goal.latestValue), date: f.day(goal.latestOn) })}
        </Item>
      </dl>
      <p className="utrecht-paragraph">
        {t("goals.chartText", {
          baseline: number(goal.baselineValue),
          baselineDate: f.day(goal.baselineDate),
          target: number(goal.targetValue),
          targetDate: f.day(goal.targetDate),
        })}
        {forecast &&
          ` ${t("goals.forecastText", { date: f.day(forecast.date), value: number(forecast.value, 1) })}`}
      </p>
      <GoalChart
        measurements={goal.measurements.map((m) => ({ date: m.measuredOn, value: m.value }))}
        baseline={{ date: goal.baselineDate, value: goal.baselineValue }}
        target={{ date: goal.targetDate, value: goal.targetValue }}
        forecast={forecast}
        tolerance={0.1 * Math.abs(goal.targetValue - goal.baselineValue)}
        labels={{
          measured: t("goals.chart.measured"),
          expected: t("goals.chart.expected"),
          band: t("goals.chart.band"),
          forecast: t("goals.chart.forecast"),
        }}
      />
      <details className="smo-details">
        <summary>{t("goals.tableSummary")}</summary>
        {goal.measurements.length === 0 ? (
          <EmptyState>{t("goals.noMeasurements")}</EmptyState>
        ) : (
          <DataTable
            caption={t("goals.tableCaption", { title: goal.title })}
            table={measurementsTable(goal, tables, (m) => (
              <span style={{ whiteSpace: "pre-line" }}>{m.note}</span>
            ))}
            rowKey={(m) => m.id}
            csv={`/partnerships/${partnershipId}/goals/${goal.id}/export/measurements.csv`}
          />
        )}
      </details>
    </section>
  );
}
