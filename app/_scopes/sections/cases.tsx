"use client";

/**
 * Part 5: case figures summed over the scope's partnerships, by quarter, and by school type and
 * by age band for a chosen quarter. Never one case: cells over fewer than the threshold, and
 * the cells they could be worked out from, are withheld on the server.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CsvLink } from "@/app/_components/csv-link";
import { useTRPC } from "@/app/_trpc/client";
import { QuarterSelect } from "../controls";
import { WithheldLegend } from "../figures";
import { CasesChart } from "../parts";
import { type ScopeInput, scopeCsvHref } from "../scope";
import { ScopeTable } from "../scope-table";
import { FiguresGate, ScopeSection } from "../section";
import { type TableContext, withheldIn } from "../table-model";
import { breakdownRows, casesTable, quarterRows } from "../tables/cases";
import { type CasesQuarter, quarterName } from "../tables/common";

export function CasesSection({ scope }: { scope: ScopeInput }) {
  const t = useTranslations("scopes.cases");
  const trpc = useTRPC();
  const query = useQuery(trpc.scopes.cases.queryOptions(scope));
  return (
    <ScopeSection id="cases" title={t("title")}>
      <FiguresGate
        scope={scope}
        query={query}
        isEmpty={(d) =>
          d.quarters.every((q) => {
            const active = q.cells.all?.active;
            return !active || (active.value === 0 && !active.withheld);
          })
        }
        empty={t("empty")}
      >
        {(data, context) => <Cases scope={scope} quarters={data.quarters} context={context} />}
      </FiguresGate>
    </ScopeSection>
  );
}

function Cases({
  scope,
  quarters,
  context,
}: {
  scope: ScopeInput;
  quarters: CasesQuarter[];
  context: TableContext;
}) {
  const t = useTranslations("scopes.cases");
  const latest = quarters.at(-1);
  const [start, setStart] = useState(latest?.start ?? "");
  const quarter = quarters.find((q) => q.start === start) ?? latest;
  const byQuarter = casesTable(quarterRows(quarters, context), t("quarter"), context);
  const bySchool = casesTable(
    breakdownRows(quarter, "school_type", context),
    t("schoolTypeHeader"),
    context,
  );
  const byAge = casesTable(
    breakdownRows(quarter, "age_band", context),
    t("ageBandHeader"),
    context,
  );
  const quarterLabel = quarter ? quarterName(quarter.label, context) : "";
  return (
    <>
      <p className="utrecht-paragraph">{t("intro", { cases: context.thresholds.cases })}</p>
      <CasesChart quarters={quarters} context={context} />
      <ScopeTable caption={t("caption")} table={byQuarter} />
      <CsvLink href={scopeCsvHref(scope, "cases")} table={t("caption")} />
      <WithheldLegend reasons={withheldIn(byQuarter)} context={context} />

      <h3 className="utrecht-heading-3">{t("breakdownTitle")}</h3>
      {quarter && (
        <QuarterSelect
          id="cases-quarter"
          label={t("quarterChoice")}
          quarters={quarters}
          value={quarter.start}
          onChange={setStart}
          context={context}
        />
      )}
      <ScopeTable
        caption={t("bySchoolType", { quarter: quarterLabel })}
        captionHidden={false}
        table={bySchool}
      />
      {quarter && (
        <CsvLink
          href={scopeCsvHref(scope, "cases-by-school-type", { quarter: quarter.start })}
          table={t("bySchoolType", { quarter: quarterLabel })}
        />
      )}
      <ScopeTable
        caption={t("byAgeBand", { quarter: quarterLabel })}
        captionHidden={false}
        table={byAge}
      />
      {quarter && (
        <CsvLink
          href={scopeCsvHref(scope, "cases-by-age-band", { quarter: quarter.start })}
          table={t("byAgeBand", { quarter: quarterLabel })}
        />
      )}
      <WithheldLegend reasons={withheldIn(bySchool, byAge)} context={context} />
      <p className="utrecht-paragraph smo-muted">{t("measuresNote")}</p>
    </>
  );
}
