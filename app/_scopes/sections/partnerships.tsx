"use client";

/**
 * Part 1: the partnerships in the scope by form of collaboration and by sharing choice (read
 * live, not from the figures), and at a municipality the partnerships that share full access,
 * with their own reporting per quarter.
 */
import { useTranslations } from "next-intl";
import { BarChart } from "@/app/_components/charts";
import { CsvLink } from "@/app/_components/csv-link";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { type Overview, type ScopeInput, scopeCsvHref, scopeInput } from "../scope";
import { ScopeTable } from "../scope-table";
import { ScopeSection, useOverview, useScopeTableContext } from "../section";
import { countTable, formRows, sharedReportingTable, sharingRows } from "../tables/partnerships";

export function PartnershipsSection({ scope }: { scope: ScopeInput }) {
  const t = useTranslations("scopes.partnerships");
  const ta = useTranslations("app");
  const overview = useOverview(scope);
  return (
    <ScopeSection id="partnerships" title={t("title")}>
      {overview.isPending ? (
        <Loading label={ta("loading")} />
      ) : overview.isError ? (
        <ErrorAlert message={overview.error.message} />
      ) : (
        <Partnerships data={overview.data} />
      )}
    </ScopeSection>
  );
}

function Partnerships({ data }: { data: Overview }) {
  const input = scopeInput(data.scope.kind, data.scope.id);
  const t = useTranslations("scopes.partnerships");
  const context = useScopeTableContext(data);
  const byForm = formRows(data, context);
  const bySharing = sharingRows(data, context);
  const full = data.bySharing.find((s) => s.sharing === "full")?.partnerships ?? 0;
  if (data.partnerships === 0) return <EmptyState>{t("none")}</EmptyState>;
  return (
    <>
      <ul className="smo-cards">
        <li className="smo-card">
          <span className="smo-card__number">{data.partnerships}</span>
          {t("total", { count: data.partnerships })}
        </li>
        <li className="smo-card">
          <span className="smo-card__number">{full}</span>
          {t("sharingFull", { count: full })}
        </li>
      </ul>
      <div className="smo-pair">
        <div>
          <h3 className="utrecht-heading-3">{t("byForm")}</h3>
          <BarChart
            labels={byForm.map((r) => r.label)}
            values={byForm.map((r) => r.partnerships)}
            label={t("count")}
          />
          <ScopeTable
            caption={t("byForm")}
            className="smo-table-compact"
            table={countTable(byForm, t("form"), context)}
          />
          <CsvLink href={scopeCsvHref(input, "partnerships-by-form")} table={t("byForm")} />
        </div>
        <div>
          <h3 className="utrecht-heading-3">{t("bySharing")}</h3>
          <BarChart
            labels={bySharing.map((r) => r.label)}
            values={bySharing.map((r) => r.partnerships)}
            label={t("count")}
          />
          <ScopeTable
            caption={t("bySharing")}
            className="smo-table-compact"
            table={countTable(bySharing, t("sharingChoice"), context)}
          />
          <CsvLink href={scopeCsvHref(input, "partnerships-by-sharing")} table={t("bySharing")} />
        </div>
      </div>
      <p className="utrecht-paragraph smo-muted">{t("sharingNote")}</p>

      {data.scope.kind === "municipality" && (
        <>
          <h3 className="utrecht-heading-3">{t("sharedTitle")}</h3>
          <p className="utrecht-paragraph">{t("sharedIntro")}</p>
          {data.shared.length === 0 ? (
            <EmptyState>{t("sharedNone")}</EmptyState>
          ) : (
            <>
              <ScopeTable
                caption={t("sharedCaption")}
                table={sharedReportingTable(data.shared, context)}
              />
              <CsvLink href={scopeCsvHref(input, "shared-reporting")} table={t("sharedCaption")} />
              <p className="utrecht-paragraph smo-muted">
                {t("sharedReportingNote")} {data.shared.some((p) => !p.opens) && t("sharedNoLinks")}
              </p>
            </>
          )}
        </>
      )}
    </>
  );
}
