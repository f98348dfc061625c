"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { GroupedBarChart, LineChart } from "@/app/_components/charts";
import { CheckboxGroup } from "@/app/_components/checkbox-group";
import { CsvLink } from "@/app/_components/csv-link";
import { DataTable } from "@/app/_components/data-table";
import { formatDay } from "@/app/_components/dates";
import { FactorKnowledge } from "@/app/_components/factor-knowledge";
import { InstrumentLine } from "@/app/_components/instrument-line";
import { SectorGapTable } from "@/app/_components/sector-gaps";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { formatScore, GoalStatusBadge } from "@/app/_components/status";
import { useTableContext } from "@/app/_components/table-context";
import { useTRPC } from "@/app/_trpc/client";
import { currentInstrument } from "@/domain/instrument";
import { weakness } from "@/domain/knowledge";
import { Benchmark } from "./benchmark";
/**
 * The partnership dashboard: "how is our collaboration doing, are our goals on track, what did
 * we agree to do?" — the four headline figures first, then the collaboration trend (the index,
 * and the levels one chooses), goals and actions, and after them the detail: factors, sector
 * gaps, the comparison with others, cases. A table under every chart, and each table downloads
 * as CSV (dashboard-tables.ts declares them for both).
 */
import {
  caseQuartersTable,
  dashboardActionsTable,
  factorsTable,
  trendTable,
} from "./dashboard-tables";

export function PartnershipDashboard({
  partnershipId,
  withCases = true,
  readSessions = true,
}: {
  partnershipId: string;
  /** Case figures per quarter: for the partnership's own people, not for a municipality. */
  withCases?: boolean;
  /**
   * Whether the viewer may open the sessions (a municipality may not): without, no links lead
   * there and what is withheld is said to be withheld.
   */
  readSessions?: boolean;
}) {
  const t = useTranslations("dashboard");
  const ta = useTranslations("app");
  const locale = useLocale() as "nl" | "en";
  const trpc = useTRPC();
  const tables = useTableContext();
  const query = useQuery(trpc.dashboards.partnership.queryOptions({ partnershipId }));
  if (query.isPending) return <Loading label={ta("loading")} />;
  if (query.isError) return <ErrorAlert message={query.error.message} />;
  const d = query.data;
  const date = (iso: string) => formatDay(locale, iso);
  const shortDate = (iso: string) => formatDay(locale, iso, "month");
  const latest = d.trend.at(-1);
  const previous = d.trend.at(-2);
  const levelLabel = (id: string) =>
    currentInstrument.levels.find((l) => l.id === id)?.label[locale] ?? id;
  const onTrack = d.goals.filter((g) => g.status === "on_track" || g.status === "achieved").length;
  const overdue = d.actions.filter((a) => a.overdue).length;
  const reflections = `/partnerships/${partnershipId}/reflections`;
  const csv = (table: string) => `/partnerships/${partnershipId}/export/${table}.csv`;

  return (
    <section aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading" className="utrecht-heading-2">
        {t("title")}
      </h2>
      <ul className="smo-cards">
        <li className="smo-card">
          <span className="smo-card__number">{formatScore(latest?.index, locale)}</span>
          {t("index")}
          {previous && (
            <span className="smo-muted">
              {" "}
              ({t("previous", { value: formatScore(previous.index, locale) })})
            </span>
          )}
        </li>
        <li className="smo-card">
          <span className="smo-card__number">
            {onTrack}/{d.goals.length}
          </span>
          {t("goalsOnTrack")}
        </li>
        <li className="smo-card">
          <span className="smo-card__number">{d.actions.length}</span>
          {t("openActions")}
          {overdue > 0 && (
            <span className="smo-muted"> ({t("overdueCount", { count: overdue })})</span>
          )}
        </li>
        <li className="smo-card">
          <span className="smo-card__number" style={{ fontSize: "1.25rem" }}>
            {date(d.due.plannedOn ?? d.due.dueOn)}
          </span>
          {d.due.plannedOn ? (
            t("nextPlanned")
          ) : d.due.overdue ? (
            <strong>{t("reflectionOverdue")}</strong>
          ) : (
            t("nextDue")
          )}
          {readSessions && (
            <Link href={reflections} className="utrecht-link utrecht-link--html-a smo-card__link">
              {d.due.plannedOn ? t("toReflections") : t("planNext")}
            </Link>
          )}
        </li>
      </ul>
      {d.inProgress && (
        <p className="utrecht-paragraph smo-muted">
          {t("inProgressNote", { date: date(d.inProgress.heldOn) })}{" "}
          {readSessions && (
            <Link
              href={`${reflections}/${d.inProgress.sessionId}`}
              className="utrecht-link utrecht-link--html-a"
            >
              {t("openInProgress")}
            </Link>
          )}
        </p>
      )}

      <h3 className="utrecht-heading-3">{t("trendTitle")}</h3>
      <InstrumentLine version={currentInstrument.version} trend />
      {!readSessions && (
        <p className="utrecht-paragraph smo-muted">
          {t("sharedSessionsNote", { min: d.minScorers })}
        </p>
      )}
      {d.trend.length === 0 ? (
        <EmptyState>
          {readSessions ? t("noSessions") : t("noSharedSessions", { min: d.minScorers })}{" "}
          {readSessions && (
            <Link href={reflections} className="utrecht-link utrecht-link--html-a">
              {t("planFirst")}
            </Link>
          )}
        </EmptyState>
      ) : (
        <>
          <TrendChart trend={d.trend} label={shortDate} />
          <details className="smo-details">
            <summary>{t("tableOfChart")}</summary>
            <DataTable
              caption={t("trendTitle")}
              table={trendTable(d, tables)}
              rowKey={(p) => p.sessionId}
              csv={csv("trend")}
            />
          </details>
        </>
      )}

      <h3 className="utrecht-heading-3">{t("goalsTitle")}</h3>
      {d.goals.length === 0 ? (
        <EmptyState>
          {t("noGoals")}{" "}
          <Link
            href={`/partnerships/${partnershipId}/goals`}
            className="utrecht-link utrecht-link--html-a"
          >
            {t("toGoals")}
          </Link>
        </EmptyState>
      ) : (
        <>
          <ul className="utrecht-unordered-list">
            {d.goals.map((g) => (
              <li key={g.id} className="utrecht-unordered-list__item">
                <Link
                  href={`/partnerships/${partnershipId}/goals/${g.id}`}
                  className="utrecht-link utrecht-link--html-a"
                >
                  {g.title}
                </Link>{" "}
                <GoalStatusBadge status={g.status} />
              </li>
            ))}
          </ul>
          <CsvLink href={csv("dashboard-goals")} table={t("goalsTitle")} />
        </>
      )}

      <h3 className="utrecht-heading-3">{t("actionsTitle")}</h3>
      {d.actions.length === 0 ? (
        <EmptyState>{t("noActions")}</EmptyState>
      ) : (
        <DataTable
          caption={t("actionsTitle")}
          table={dashboardActionsTable(d, tables, (a) => (
            <>
              {date(a.dueOn)}{" "}
              {a.overdue && (
                <span className="utrecht-status-badge smo-badge-off_track">{t("overdue")}</span>
              )}
            </>
          ))}
          rowKey={(a) => a.id}
          csv={csv("actions")}
        />
      )}

      {d.trend.length > 0 && (
        <>
          <h3 className="utrecht-heading-3">{t("factorsTitle")}</h3>
          <GroupedBarChart
            labels={d.factors.map((f) => f.factorId)}
            series={[
              { label: t("previousSession"), values: d.factors.map((f) => f.previous) },
              { label: t("latestSession"), values: d.factors.map((f) => f.latest) },
            ]}
          />
          <details className="smo-details">
            <summary>{t("tableOfChart")}</summary>
            <DataTable
              caption={t("factorsTitle")}
              table={factorsTable(d, tables)}
              rowKey={(f) => f.factorId}
              csv={csv("factors")}
            />
          </details>
          <WeakFactors
            factors={d.factors}
            partnershipId={readSessions ? partnershipId : undefined}
          />
        </>
      )}
      {(d.trend.length > 0 || !readSessions) && (
        <>
          <h3 className="utrecht-heading-3">{t("gapsTitle")}</h3>
          <p className="utrecht-paragraph">{t("gapsIntro")}</p>
          {!readSessions ? (
            <p className="utrecht-paragraph">{t("gapsNotShared")}</p>
          ) : d.gaps.length === 0 ? (
            <EmptyState>{t("noGaps")}</EmptyState>
          ) : (
            <SectorGapTable
              caption={t("gapsTitle")}
              gaps={d.gaps}
              instrument={currentInstrument}
              csv={csv("gaps")}
            />
          )}
          <p className="utrecht-paragraph smo-muted">
            {t("levelsNote", {
              levels: currentInstrument.levels.map((l) => levelLabel(l.id)).join(", "),
            })}
          </p>
        </>
      )}

      <Benchmark partnershipId={partnershipId} ownCases={withCases} />

      {withCases && <CaseQuarters partnershipId={partnershipId} />}
    </section>
  );
}

/**
 * "Casussen per kwartaal": aggregates over all cases of the partnership for the last eight
 * quarters — the mean GAS T-score as a line, every figure in the table. Never a single case.
 */
function CaseQuarters({ partnershipId }: { partnershipId: string }) {
  const t = useTranslations("dashboard");
  const ta = useTranslations("app");
  const trpc = useTRPC();
  const tables = useTableContext();
  const query = useQuery(trpc.dashboards.cases.queryOptions({ partnershipId }));
  const heading = (
    <h3 id="case-quarters-heading" className="utrecht-heading-3">
      {t("casesTitle")}
    </h3>
  );
  if (query.isPending)
    return (
      <section aria-labelledby="case-quarters-heading">
        {heading}
        <Loading label={ta("loading")} />
      </section>
    );
  if (query.isError)
    return (
      <section aria-labelledby="case-quarters-heading">
        {heading}
        <ErrorAlert message={query.error.message} />
      </section>
    );
  const { quarters, minCases, limited } = query.data;
  const label = (q: (typeof quarters)[number]) =>
    t("quarterLabel", { year: String(q.year), quarter: String(q.quarter) });
  const gas = quarters.map((q) => q.meanGasT);
  const scored = gas.filter((v): v is number => v !== null);
  // The T-score's own scale: 50 ± 20 at least, widened to whole tens around what was measured.
  const min = Math.floor(Math.min(30, ...scored) / 10) * 10;
  const max = Math.ceil(Math.max(70, ...scored) / 10) * 10;

  const table = (
    <DataTable
      caption={t("casesTitle")}
      table={caseQuartersTable(query.data, tables)}
      rowKey={(q) => q.label}
      csv={`/partnerships/${partnershipId}/export/case-quarters.csv`}
    />
  );

  return (
    <section aria-labelledby="case-quarters-heading">
      {heading}
      {quarters.every((q) => q.activeCases === 0 && q.checkIns === 0) ? (
        <EmptyState>{t("noCases")}</EmptyState>
      ) : (
        <>
          <p className="utrecht-paragraph">{t("casesIntro")}</p>
          {query.data.voices.received !== null && (
            <p className="utrecht-paragraph">
              {t("voicesAnswered", {
                answered: query.data.voices.answered ?? 0,
                received: query.data.voices.received,
              })}
            </p>
          )}
          {limited && (
            <p className="utrecht-paragraph smo-muted">{t("suppressedNote", { min: minCases })}</p>
          )}
          {scored.length > 0 ? (
            <>
              <LineChart
                labels={quarters.map(label)}
                series={[{ label: t("meanGasT"), values: gas }]}
                min={min}
                max={max}
              />
              <details className="smo-details">
                <summary>{t("tableOfChart")}</summary>
                {table}
              </details>
            </>
          ) : (
            table
          )}
          <p className="utrecht-paragraph smo-muted">
            {t("gasNote")} {t("gapNote")}
          </p>
        </>
      )}
    </section>
  );
}

type TrendPoint = {
  heldOn: string;
  index: number | null;
  levels: { levelId: string; score: number | null }[];
};

/**
 * The collaboration index over the sessions, and the levels one chooses to draw beside it (by
 * keyboard too): one line each, in its own colour and marker. The table under it has them all.
 */
function TrendChart({ trend, label }: { trend: TrendPoint[]; label: (iso: string) => string }) {
  const t = useTranslations("dashboard");
  const locale = useLocale() as "nl" | "en";
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(["index"]));
  const lines = [
    { id: "index", label: t("index"), values: trend.map((p) => p.index) },
    ...currentInstrument.levels.map((l) => ({
      id: l.id,
      label: l.label[locale],
      values: trend.map((p) => p.levels.find((x) => x.levelId === l.id)?.score ?? null),
    })),
  ];
  const drawn = lines.filter((l) => chosen.has(l.id));
  return (
    <>
      <CheckboxGroup
        legend={t("chooseLines")}
        idPrefix="trend-line"
        options={lines}
        checked={chosen}
        onToggle={(id, on) =>
          setChosen((s) => {
            const next = new Set(s);
            if (on) next.add(id);
            else next.delete(id);
            return next;
          })
        }
      />
      {drawn.length === 0 ? (
        <EmptyState>{t("nothingChosen")}</EmptyState>
      ) : (
        <LineChart labels={trend.map((p) => label(p.heldOn))} series={drawn} />
      )}
    </>
  );
}

/** Beside the factors: what works for those that score low or fell (domain/knowledge.ts). */
function WeakFactors({
  factors,
  partnershipId,
}: {
  factors: { factorId: string; latest: number | null; previous: number | null }[];
  /** Members only: what other partnerships share (analysts do not read sessions). */
  partnershipId: string | undefined;
}) {
  const t = useTranslations("knowledge");
  const weak = factors.flatMap((f) => {
    const reason = weakness(f.latest, f.previous);
    return reason ? [{ factorId: f.factorId, reason }] : [];
  });
  return (
    <section aria-labelledby="knowledge-heading" className="smo-knowledge-list">
      <h3 id="knowledge-heading" className="utrecht-heading-3">
        {t("title")}
      </h3>
      {weak.length === 0 ? (
        <p className="utrecht-paragraph">{t("none")}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t("introDashboard")}</p>
          {weak.map((w) => (
            <FactorKnowledge
              key={w.factorId}
              factorId={w.factorId}
              reason={w.reason}
              partnershipId={partnershipId}
            />
          ))}
        </>
      )}
    </section>
  );
}
