/**
 * The dashboard of a scope — the nation, a youth-care region, a municipality — with the same
 * parts at each, stepping down from nation to region to municipality: partnerships, reporting,
 * collaboration, goals, cases, collaboration against outcomes, where it sits and what lies
 * below, and the printable OOGO report. Aggregates only: never a child, and figures over too
 * few are withheld on the server. The sections are prefetched here and hydrated, except the
 * outcome points (one per partnership: thousands at the nation, most of the page's weight),
 * which the browser loads after the page, with a loading state.
 */
import "./scopes.css";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CsvLink } from "@/app/_components/csv-link";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { resolveLocale } from "@/i18n/locales";
import { FiguresStatus } from "./figures-status";
import { type LoadedScope, loadScope, scopeName, scopeTitle } from "./load";
import { grantsOf, opens, placeRows, type ScopeKind, scopeCsvHref } from "./scope";
import { ScopeTable } from "./scope-table";
import { CasesSection } from "./sections/cases";
import { CollaborationSection } from "./sections/collaboration";
import { GoalsSection } from "./sections/goals";
import { OutcomesSection } from "./sections/outcomes";
import { PartnershipsSection } from "./sections/partnerships";
import { ReportingSection } from "./sections/reporting";
import type { TableContext } from "./table-model";
import { placesTable } from "./tables/places";

/** The parts of every scope page, in order: their anchors and the keys of their titles. */
const parts = [
  ["partnerships", "partnerships.title"],
  ["reporting", "reporting.title"],
  ["collaboration", "collaboration.title"],
  ["goals", "goals.title"],
  ["cases", "cases.title"],
  ["outcomes", "outcomes.title"],
  ["places", "places.title"],
  ["report", "report.title"],
] as const;

export async function ScopePage({ scope }: { scope: LoadedScope }) {
  const { input, overview, user } = scope;
  await prefetch(
    trpc.scopes.reporting.queryOptions(input),
    trpc.scopes.collaboration.queryOptions(input),
    trpc.scopes.goals.queryOptions(input),
    trpc.scopes.cases.queryOptions(input),
  );
  const [t, locale] = await Promise.all([getTranslations("scopes"), getLocale()]);
  const tAll = await getTranslations();
  const context: TableContext = {
    t: tAll,
    has: (key) => tAll.has(key),
    locale: resolveLocale(locale),
    thresholds: overview.thresholds,
  };
  const grants = grantsOf(user);
  const kind = overview.scope.kind;
  const title = scopeName(kind, overview.name, t);
  const region = overview.parents.find((p) => p.kind === "region");
  const crumbs = [
    ...overview.parents.map((p) => ({
      key: `${p.kind}:${p.id}`,
      name: scopeName(p.kind, p.name, t),
      href: opens(grants, { kind: p.kind, id: p.id })
        ? p.kind === "nation"
          ? "/national"
          : `/regions/${p.id}`
        : null,
    })),
  ];
  const places = placeRows(overview, grants);

  const reportLink =
    kind === "municipality" ? (
      <p className="utrecht-paragraph smo-no-print">
        <Link
          href={`/municipalities/${overview.scope.id}/report`}
          className="utrecht-link utrecht-link--html-a"
        >
          {t("report.open")}
        </Link>
      </p>
    ) : null;

  return (
    <HydrateClient>
      <div className="smo-scope">
        {kind !== "nation" && (
          <nav aria-label={t("breadcrumb")} className="smo-breadcrumb smo-no-print">
            <ol className="smo-crumbs">
              {crumbs.map((c) => (
                <li key={c.key}>
                  {c.href ? (
                    <Link href={c.href} className="utrecht-link utrecht-link--html-a">
                      {c.name}
                    </Link>
                  ) : (
                    c.name
                  )}
                </li>
              ))}
              <li aria-current="page">{title}</li>
            </ol>
          </nav>
        )}
        <h1 className="utrecht-heading-1">{title}</h1>
        <p className="utrecht-paragraph utrecht-paragraph--lead">{t(`intro.${kind}`)}</p>
        {kind !== "nation" && (
          <p className="utrecht-paragraph">
            {kind === "municipality" && region
              ? t("placeMunicipality", { cbs: overview.cbsCode ?? "", region: region.name ?? "" })
              : t("placeRegion", { count: overview.children.length })}
          </p>
        )}
        <FiguresStatus scope={input} />
        {reportLink}
        <details className="smo-details smo-about">
          <summary>{t("about.title")}</summary>
          <p className="utrecht-paragraph">{t("about.aggregates")}</p>
          <p className="utrecht-paragraph">
            {t("about.thresholds", {
              cases: overview.thresholds.cases,
              partnerships: overview.thresholds.partnerships,
              scorers: overview.thresholds.scorers,
              correlation: overview.thresholds.correlation,
            })}
          </p>
          <p className="utrecht-paragraph">{t("about.protect")}</p>
          <p className="utrecht-paragraph">{t("about.job")}</p>
        </details>
        <nav aria-label={t("contents")} className="smo-toc smo-no-print">
          <ol>
            {parts.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}-heading`} className="utrecht-link utrecht-link--html-a">
                  {t(key)}
                </a>
              </li>
            ))}
          </ol>
        </nav>

        <PartnershipsSection scope={input} />
        <ReportingSection scope={input} />
        <CollaborationSection scope={input} />
        <GoalsSection scope={input} />
        <CasesSection scope={input} />
        <OutcomesSection scope={input} />

        <section aria-labelledby="places-heading" className="smo-scope-section">
          <h2 id="places-heading" className="utrecht-heading-2" tabIndex={-1}>
            {t("places.title")}
          </h2>
          <p className="utrecht-paragraph">
            {crumbs.length === 0
              ? t("places.top")
              : t("places.within", { path: crumbs.map((c) => c.name).join(" › ") })}
          </p>
          {crumbs.some((c) => c.href) && (
            <ul className="utrecht-unordered-list smo-no-print">
              {crumbs
                .filter((c) => c.href)
                .map((c) => (
                  <li key={c.key} className="utrecht-unordered-list__item">
                    <Link href={c.href ?? ""} className="utrecht-link utrecht-link--html-a">
                      {t("places.up", { name: c.name })}
                    </Link>
                  </li>
                ))}
            </ul>
          )}
          {kind === "municipality" ? (
            <p className="utrecht-paragraph">{t("places.bottom")}</p>
          ) : places.length === 0 ? (
            <p className="utrecht-paragraph smo-muted">{t("places.noChildren")}</p>
          ) : (
            <>
              <h3 className="utrecht-heading-3">
                {t(kind === "nation" ? "places.regions" : "places.municipalities")}
              </h3>
              <ScopeTable
                caption={t(kind === "nation" ? "places.regions" : "places.municipalities")}
                table={placesTable(
                  places,
                  t(kind === "nation" ? "places.region" : "places.municipality"),
                  context,
                )}
              />
              <CsvLink
                href={scopeCsvHref(input, "places")}
                table={t(kind === "nation" ? "places.regions" : "places.municipalities")}
              />
              {places.some((p) => !p.href) && (
                <p className="utrecht-paragraph smo-muted">{t("places.notOpen")}</p>
              )}
            </>
          )}
        </section>

        <section aria-labelledby="report-heading" className="smo-scope-section">
          <h2 id="report-heading" className="utrecht-heading-2" tabIndex={-1}>
            {t("report.title")}
          </h2>
          <p className="utrecht-paragraph">{t("report.intro")}</p>
          {reportLink ?? (
            <p className="utrecht-paragraph">
              {kind === "region" && places.some((p) => p.report)
                ? t("report.perMunicipality")
                : t("report.stepDown")}
            </p>
          )}
        </section>
      </div>
    </HydrateClient>
  );
}

/** A scope route's title: `export const generateMetadata = scopeMetadata("region")`. */
export function scopeMetadata(kind: ScopeKind) {
  return async ({ params }: { params: Promise<{ id?: string }> }): Promise<Metadata> => ({
    title: await scopeTitle((await loadScope(kind, (await params).id ?? "nl")).overview),
  });
}
