import "@/app/_scopes/scopes.css";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { loadOr404 } from "@/app/_components/guard";
import { EmptyState } from "@/app/_components/states";
import { WithheldLegend } from "@/app/_scopes/figures";
import { loadScope, scopeName } from "@/app/_scopes/load";
import {
  CasesChart,
  GoalsChart,
  ReportingChart,
  SectorsPart,
  SpreadChart,
} from "@/app/_scopes/parts";
import { ScopeTable } from "@/app/_scopes/scope-table";
import { type TableContext, withheldIn } from "@/app/_scopes/table-model";
import { type CaseMeasure, casesTable, quarterRows } from "@/app/_scopes/tables/cases";
import { quarterSpreadTable } from "@/app/_scopes/tables/collaboration";
import { quarterName } from "@/app/_scopes/tables/common";
import { goalsTable } from "@/app/_scopes/tables/goals";
import { correlationText, outcomesTooFew } from "@/app/_scopes/tables/outcomes";
import { countTable, sharedReportingTable } from "@/app/_scopes/tables/partnerships";
import { reportingTable } from "@/app/_scopes/tables/reporting";
import { serverCaller } from "@/app/_trpc/server";
import { PrintButton } from "@/app/partnerships/[id]/reflections/[sessionId]/report/print-button";
import { intlLocale, resolveLocale, timeZone } from "@/i18n/locales";

type Props = { params: Promise<{ id: string }> };

/** The case measures the report shows: those a consultation talks about; the page has them all. */
const reportCaseMeasures: CaseMeasure[] = [
  "active",
  "gasMean",
  "jointPlanShare",
  "voiceShare",
  "closed",
  "dropoutShare",
  "realisedShare",
];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { overview } = await loadScope("municipality", (await params).id);
  const t = await getTranslations("scopes.report");
  return { title: t("pageTitle", { name: overview.name ?? "" }) };
}

/**
 * The report for the consultation between the municipality and the school partnerships
 * (OOGO): the municipality's key tables and charts on a few A4 pages (print stylesheet in
 * scopes.css and theme.css: no navigation). The same published figures as the dashboard.
 */
export default async function MunicipalityReportPage({ params }: Props) {
  const { id } = await params;
  const { input, overview } = await loadScope("municipality", id);
  const caller = await serverCaller();
  const [reporting, collaboration, goals, cases, outcomes] = await loadOr404(() =>
    Promise.all([
      caller.scopes.reporting(input),
      caller.scopes.collaboration(input),
      caller.scopes.goals(input),
      caller.scopes.cases(input),
      caller.scopes.outcomes(input),
    ]),
  );
  const [t, tAll, te, locale] = await Promise.all([
    getTranslations("scopes"),
    getTranslations(),
    getTranslations("enums"),
    getLocale(),
  ]);
  const context: TableContext = {
    t: tAll,
    has: (key) => tAll.has(key),
    locale: resolveLocale(locale),
    thresholds: overview.thresholds,
  };
  const name = scopeName("municipality", overview.name, t);
  const region = overview.parents.find((p) => p.kind === "region");
  const moment = (d: Date, o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(intlLocale(locale), { ...o, timeZone }).format(d);
  const asOf = overview.figuresAsOf;

  const byForm = countTable(
    overview.byForm.map((f) => ({
      key: f.form,
      label: te(`formShort.${f.form}`),
      partnerships: f.partnerships,
    })),
    t("partnerships.form"),
    context,
  );
  const bySharing = countTable(
    overview.bySharing.map((s) => ({
      key: s.sharing,
      label: t(`partnerships.sharing.${s.sharing}`),
      partnerships: s.partnerships,
    })),
    t("partnerships.sharingChoice"),
    context,
  );
  const reportingModel = reportingTable(reporting.quarters, context);
  const latest =
    [...collaboration.quarters].reverse().find((q) => q.partnerships > 0) ??
    collaboration.quarters.at(-1);
  const levels = latest ? quarterSpreadTable(latest, "levels", context) : null;
  const goalsModel = goalsTable(goals.quarters, context);
  const casesModel = casesTable(
    quarterRows(cases.quarters, context),
    t("cases.quarter"),
    context,
    reportCaseMeasures,
  );
  const reasons = withheldIn(reportingModel, goalsModel, casesModel, ...(levels ? [levels] : []));
  const index = { kind: "index", id: "index" } as const;

  return (
    <article className="smo-report smo-scope-report">
      <p className="utrecht-paragraph smo-no-print">
        <Link href={`/municipalities/${id}`} className="utrecht-link utrecht-link--html-a">
          {t("report.back", { name })}
        </Link>
      </p>
      <p className="utrecht-paragraph smo-report__for">
        {name}
        {region?.name ? ` · ${scopeName("region", region.name, t)}` : ""}
        {overview.cbsCode ? ` · ${overview.cbsCode}` : ""}
      </p>
      <h1 className="utrecht-heading-1">{t("report.heading")}</h1>
      <p className="utrecht-paragraph">
        {asOf
          ? t("asOf", {
              date: moment(asOf, { dateStyle: "long" }),
              time: moment(asOf, { timeStyle: "short" }),
            })
          : t("computing")}
        {" · "}
        {t("report.printedOn", { date: moment(new Date(), { dateStyle: "long" }) })}
      </p>
      <p className="utrecht-paragraph">{t("report.purpose")}</p>
      <PrintButton label={t("report.print")} />

      <section className="smo-report-part">
        <h2 className="utrecht-heading-2">{t("partnerships.title")}</h2>
        <p className="utrecht-paragraph">
          {t("report.partnershipsLine", { count: overview.partnerships })}
        </p>
        <div className="smo-pair">
          <ScopeTable caption={t("partnerships.byForm")} captionHidden={false} table={byForm} />
          <ScopeTable
            caption={t("partnerships.bySharing")}
            captionHidden={false}
            table={bySharing}
          />
        </div>
        {overview.shared.length > 0 && (
          <ScopeTable
            caption={t("partnerships.sharedCaption")}
            captionHidden={false}
            // On paper, names are not links.
            table={sharedReportingTable(
              overview.shared.map((p) => ({ ...p, opens: false })),
              context,
            )}
          />
        )}
      </section>

      {!asOf ? (
        <EmptyState>{t("computing")}</EmptyState>
      ) : (
        <>
          <section className="smo-report-part">
            <h2 className="utrecht-heading-2">{t("reporting.title")}</h2>
            <p className="utrecht-paragraph">
              {t("reporting.intro", { days: overview.thresholds.onTimeDays })}
            </p>
            <ReportingChart quarters={reporting.quarters} context={context} />
            <ScopeTable caption={t("reporting.caption")} table={reportingModel} />
          </section>

          <section className="smo-report-part">
            <h2 className="utrecht-heading-2">{t("collaboration.title")}</h2>
            <SpreadChart section={collaboration} chosen={[index]} context={context} />
            <p className="utrecht-paragraph smo-muted">{t("collaboration.bandNote")}</p>
            {latest && levels ? (
              <ScopeTable
                caption={t("report.levelsCaption", { quarter: quarterName(latest.label, context) })}
                captionHidden={false}
                table={levels}
              />
            ) : (
              <EmptyState>{t("collaboration.empty")}</EmptyState>
            )}
            <h3 className="utrecht-heading-3">{t("collaboration.sectors.title")}</h3>
            <SectorsPart section={collaboration} context={context} />
          </section>

          <section className="smo-report-part">
            <h2 className="utrecht-heading-2">{t("goals.title")}</h2>
            <GoalsChart quarters={goals.quarters} context={context} />
            <ScopeTable caption={t("goals.caption")} table={goalsModel} />
          </section>

          <section className="smo-report-part">
            <h2 className="utrecht-heading-2">{t("cases.title")}</h2>
            <CasesChart quarters={cases.quarters} context={context} />
            <ScopeTable caption={t("cases.caption")} table={casesModel} />
            <p className="utrecht-paragraph smo-muted">{t("report.casesNote")}</p>
          </section>

          <section className="smo-report-part">
            <h2 className="utrecht-heading-2">{t("outcomes.title")}</h2>
            {outcomes.withheld || outcomes.points.length === 0 ? (
              <p className="utrecht-paragraph">
                <strong>{t("outcomes.notShown")}</strong> {outcomesTooFew(outcomes, context)}
              </p>
            ) : (
              <ul className="utrecht-unordered-list">
                <li className="utrecht-unordered-list__item">
                  {t("outcomes.gasTitle")}:{" "}
                  {outcomes.gas
                    ? correlationText(outcomes.gas, context)
                    : t("outcomes.noCorrelation", { minimum: outcomes.minimum })}
                </li>
                <li className="utrecht-unordered-list__item">
                  {t("outcomes.dropoutTitle")}:{" "}
                  {outcomes.dropout
                    ? correlationText(outcomes.dropout, context)
                    : t("outcomes.noCorrelation", { minimum: outcomes.minimum })}
                </li>
              </ul>
            )}
            <p className="utrecht-paragraph">
              <strong>{t("outcomes.associationTitle")}</strong> {t("outcomes.association")}
            </p>
          </section>
          <WithheldLegend reasons={reasons} context={context} />
        </>
      )}
      <p className="utrecht-paragraph smo-muted">{t("about.aggregates")}</p>
    </article>
  );
}
