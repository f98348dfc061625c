"use client";

/**
 * Part 2: reporting in DHIS2's sense — reflections held against those expected by each
 * partnership's cadence (completeness), and those signed off on time (timeliness), per quarter.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { LineChart } from "@/app/_components/charts";
import { useTRPC } from "@/app/_trpc/client";
import { shownValue, WithheldLegend } from "../figures";
import type { ScopeInput } from "../scope";
import { ScopeTable } from "../scope-table";
import { FiguresGate, ScopeSection } from "../section";
import { withheldIn } from "../table-model";
import { quarterName, reportingTable } from "../tables";

const asPercent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function ReportingSection({ scope }: { scope: ScopeInput }) {
  const t = useTranslations("scopes.reporting");
  const trpc = useTRPC();
  const query = useQuery(trpc.scopes.reporting.queryOptions(scope));
  return (
    <ScopeSection id="reporting" title={t("title")}>
      <FiguresGate
        scope={scope}
        query={query}
        isEmpty={(d) => d.quarters.every((q) => q.partnerships === 0)}
        empty={t("empty")}
      >
        {(data, context, overview) => {
          const table = reportingTable(data.quarters, context);
          return (
            <>
              <p className="utrecht-paragraph">
                {t("intro", { days: overview.thresholds.onTimeDays })}
              </p>
              <LineChart
                labels={data.quarters.map((q) => quarterName(q.label, context))}
                min={0}
                max={100}
                series={[
                  {
                    label: t("rateSeries"),
                    values: data.quarters.map((q) => asPercent(shownValue(q.rate))),
                  },
                  {
                    label: t("onTimeSeries"),
                    values: data.quarters.map((q) => asPercent(shownValue(q.onTimeRate))),
                    dashed: true,
                  },
                ]}
              />
              <ScopeTable caption={t("caption")} table={table} />
              <WithheldLegend reasons={withheldIn(table)} context={context} />
            </>
          );
        }}
      </FiguresGate>
    </ScopeSection>
  );
}
