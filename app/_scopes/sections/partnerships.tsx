"use client";

/**
 * Part 1: the partnerships in the scope by form of collaboration and by sharing choice (read
 * live, not from the figures), and at a municipality the partnerships that share full access,
 * with their own reporting per quarter.
 */
import { useTranslations } from "next-intl";
import { BarChart } from "@/app/_components/charts";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import type { Overview, ScopeInput } from "../scope";
import { ScopeTable } from "../scope-table";
import { ScopeSection, useOverview, useScopeTableContext } from "../section";
import { type CountRow, countTable, sharedReportingTable } from "../tables";

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
  const t = useTranslations("scopes.partnerships");
  const te = useTranslations("enums");
  const context = useScopeTableContext(data);
  const byForm: CountRow[] = data.byForm.map((f) => ({
    key: f.form,
    label: te(`formShort.${f.form}`),
    partnerships: f.partnerships,
  }));
  const bySharing: CountRow[] = data.bySharing.map((s) => ({
    key: s.sharing,
    label: t(`sharing.${s.sharing}`),
    partnerships: s.partnerships,
  }));
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
