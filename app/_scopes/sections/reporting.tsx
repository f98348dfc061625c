"use client";

/**
 * Part 2: reporting in DHIS2's sense — reflections held against those expected by each
 * partnership's cadence (completeness), and those signed off on time (timeliness), per quarter.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { CsvLink } from "@/app/_components/csv-link";
import { useTRPC } from "@/app/_trpc/client";
import { WithheldLegend } from "../figures";
import { ReportingChart } from "../parts";
import { type ScopeInput, scopeCsvHref } from "../scope";
import { ScopeTable } from "../scope-table";
import { FiguresGate, ScopeSection } from "../section";
import { withheldIn } from "../table-model";
import { reportingTable } from "../tables/reporting";

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
              <ReportingChart quarters={data.quarters} context={context} />
              <ScopeTable caption={t("caption")} table={table} />
              <CsvLink href={scopeCsvHref(scope, "reporting")} table={t("caption")} />
              <WithheldLegend reasons={withheldIn(table)} context={context} />
            </>
          );
        }}
      </FiguresGate>
    </ScopeSection>
  );
}
