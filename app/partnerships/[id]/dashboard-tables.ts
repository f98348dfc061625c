/**
 * The tables of a partnership's overview, declared once for the screen and the CSV download
 * (app/_components/table-model.ts): the dashboard's (dashboard.tsx) and the partners (page.tsx).
 */
import type { ReactNode } from "react";
import { factorName } from "@/app/_components/sector-gaps";
import {
  formatNumber,
  type NumberColumn,
  type TableColumn,
  type TableContext,
  type TableModel,
} from "@/app/_components/table-model";
import type { RouterOutputs } from "@/app/_trpc/types";
import { currentInstrument } from "@/domain/instrument";

type Dashboard = RouterOutputs["dashboards"]["partnership"];
type TrendPoint = Dashboard["trend"][number];
type Quarter = RouterOutputs["dashboards"]["cases"]["quarters"][number];
type Partner = RouterOutputs["partnerships"]["get"]["organisations"][number];

const score = { kind: "number", digits: 1 } as const;

/** The collaboration index and the level scores of every signed-off session. */
export function trendTable(d: Dashboard, context: TableContext): TableModel<TrendPoint> {
  const { t, locale } = context;
  return {
    locale,
    rows: d.trend,
    columns: [
      { kind: "day", header: t("dashboard.session"), value: (p) => p.heldOn },
      { ...score, header: t("dashboard.index"), value: (p) => p.index },
      ...currentInstrument.levels.map(
        (l): TableColumn<TrendPoint> => ({
          ...score,
          header: l.label[locale],
          value: (p) => p.levels.find((x) => x.levelId === l.id)?.score ?? null,
        }),
      ),
    ],
  };
}

/** Each factor's mean in the latest session beside the one before. */
export function factorsTable(
  d: Dashboard,
  context: TableContext,
): TableModel<Dashboard["factors"][number]> {
  const { t, locale } = context;
  return {
    locale,
    rows: d.factors,
    columns: [
      {
        kind: "text",
        header: t("dashboard.factor"),
        value: (f) => factorName(currentInstrument, f.factorId, context),
      },
      { ...score, header: t("dashboard.previousSession"), value: (f) => f.previous },
      { ...score, header: t("dashboard.latestSession"), value: (f) => f.latest },
    ],
  };
}

/** The goals at a glance: on screen a list of links with their status. */
export function dashboardGoalsTable(
  d: Dashboard,
  { t, locale }: TableContext,
): TableModel<Dashboard["goals"][number]> {
  return {
    locale,
    rows: d.goals,
    columns: [
      { kind: "text", header: t("fields.title"), value: (g) => g.title },
      { kind: "text", header: t("goals.status"), value: (g) => t(`goalStatus.${g.status}`) },
      { kind: "number", header: t("goals.progress"), value: (g) => g.progress, percent: true },
    ],
  };
}

/** Open and overdue actions; on screen "over tijd" is a badge beside the date. */
export function dashboardActionsTable(
  d: Dashboard,
  { t, locale }: TableContext,
  dueCell?: (a: Dashboard["actions"][number]) => ReactNode,
): TableModel<Dashboard["actions"][number]> {
  return {
    locale,
    rows: d.actions,
    columns: [
      { kind: "text", header: t("dashboard.action"), value: (a) => a.description },
      { kind: "text", header: t("dashboard.owner"), value: (a) => a.ownerName },
      { kind: "day", header: t("dashboard.due"), value: (a) => a.dueOn, cell: dueCell },
      {
        kind: "text",
        header: t("dashboard.overdue"),
        value: (a) => (a.overdue ? t("app.yes") : t("app.no")),
        only: "csv",
      },
    ],
  };
}

/**
 * The case figures per quarter as the procedure answers them (dashboards.cases): a hidden
 * quarter has no figures, so its cells are empty in the CSV and "< 10" on screen.
 */
export function caseQuartersTable(
  data: RouterOutputs["dashboards"]["cases"],
  { t, locale }: TableContext,
): TableModel<Quarter> {
  const hidden = `< ${data.minCases}`;
  const share = { kind: "number", percent: true } as const;
  const tooQuick: NumberColumn<Quarter> = {
    ...share,
    header: t("dashboard.tooQuickShare"),
    value: (q) => q.tooQuickShare,
  };
  return {
    locale,
    rows: data.quarters,
    columns: [
      {
        kind: "text",
        header: t("dashboard.quarter"),
        value: (q) =>
          t("dashboard.quarterLabel", { year: String(q.year), quarter: String(q.quarter) }),
      },
      {
        kind: "number",
        header: t("dashboard.activeCases"),
        value: (q) => q.activeCases,
        cell: (q) => (q.suppressed ? hidden : q.activeCases),
      },
      // In the file, which quarters are hidden is said in words, where the screen shows "< 10".
      ...(data.limited
        ? [
            {
              kind: "text",
              header: t("csv.suppressed", { min: data.minCases }),
              value: (q) => (q.suppressed ? t("app.yes") : t("app.no")),
              only: "csv",
            } satisfies TableColumn<Quarter>,
          ]
        : []),
      { kind: "number", header: t("dashboard.checkIns"), value: (q) => q.checkIns },
      { ...score, header: t("dashboard.meanGasT"), value: (q) => q.meanGasT },
      {
        ...score,
        signed: true,
        header: t("dashboard.wellbeingGap"),
        value: (q) => q.wellbeingGap,
      },
      {
        ...score,
        header: t("dashboard.changesPerCaseYear"),
        value: (q) => q.professionalChangesPerCaseYear,
      },
      { ...share, header: t("dashboard.jointPlanShare"), value: (q) => q.jointPlanShare },
      { ...share, header: t("dashboard.voiceShare"), value: (q) => q.voiceShare },
      {
        ...tooQuick,
        // The count beside the share: one referral of one is not a trend.
        cell: (q) => {
          const shown =
            q.tooQuickShare === null ? "–" : formatNumber(q.tooQuickShare, share, locale);
          return q.referrals !== null && q.referrals > 0 && q.tooQuickShare !== null
            ? `${shown} (${t("dashboard.ofCount", { count: q.referrals })})`
            : shown;
        },
      },
      { kind: "number", header: t("fields.referrals"), value: (q) => q.referrals, only: "csv" },
    ],
  };
}

/** The partner organisations, each with its type (under the name on screen). */
export function partnersTable(
  partners: Partner[],
  { t, locale }: TableContext,
  cells: { name?: (o: Partner) => ReactNode; ownInterest?: (o: Partner) => ReactNode },
): TableModel<Partner> {
  return {
    locale,
    rows: partners,
    columns: [
      {
        kind: "text",
        header: t("partnerships.columns.name"),
        value: (o) => o.name,
        cell: cells.name,
      },
      {
        kind: "text",
        header: t("fields.type"),
        value: (o) => t(`enums.organisationType.${o.type}`),
        only: "csv",
      },
      {
        kind: "text",
        header: t("partnerships.core"),
        value: (o) => (o.isCore ? t("partnerships.core") : t("partnerships.notCore")),
      },
      {
        kind: "text",
        header: t("partnerships.ownInterest"),
        value: (o) => o.ownInterest || null,
        cell: cells.ownInterest,
      },
    ],
  };
}

type Benchmark = RouterOutputs["dashboards"]["benchmark"];
type BenchmarkRow = Benchmark["metrics"][number];

/** How each headline figure is shown: a score, a share, a count or a T-score. */
const benchmarkFormat: Record<
  BenchmarkRow["metric"],
  Omit<NumberColumn<BenchmarkRow>, "header" | "value" | "kind">
> = {
  collaborationIndex: { digits: 1 },
  reportingRate: { percent: true },
  goalsOnTrack: { percent: true },
  activeCases: {},
  gasMean: { digits: 1 },
  jointPlanShare: { percent: true },
  voiceShare: { percent: true },
};

/**
 * The partnership's headline figures beside the median of the others in its municipality,
 * region and the nation; where too few others have the figure, the cell says so.
 */
export function benchmarkTable(b: Benchmark, context: TableContext): TableModel<BenchmarkRow> {
  const { t, locale } = context;
  const groupColumn = (kind: "municipality" | "region" | "nation"): TableColumn<BenchmarkRow> => {
    const group = (r: BenchmarkRow) => r.groups.find((g) => g.kind === kind);
    const name = b.metrics[0]?.groups.find((g) => g.kind === kind)?.name;
    return {
      kind: "number",
      header:
        kind === "nation" ? t("benchmark.nation") : t(`benchmark.${kind}`, { name: name ?? "" }),
      value: (r) => group(r)?.median ?? null,
      ...benchmarkFormat.collaborationIndex,
      cell: (r): ReactNode => {
        const g = group(r);
        if (!g || g.median === null)
          return t("benchmark.tooFew", { others: g?.others ?? 0, minimum: b.minimum });
        return formatNumber(g.median, benchmarkFormat[r.metric], locale);
      },
    };
  };
  return {
    locale,
    rows: b.metrics,
    columns: [
      {
        kind: "text",
        header: t("benchmark.figure"),
        value: (r) => t(`benchmark.metric.${r.metric}`),
      },
      {
        kind: "number",
        header: t("benchmark.own"),
        value: (r) => r.own,
        ...benchmarkFormat.collaborationIndex,
        cell: (r): ReactNode =>
          r.own === null ? "–" : formatNumber(r.own, benchmarkFormat[r.metric], locale),
      },
      groupColumn("municipality"),
      groupColumn("region"),
      groupColumn("nation"),
    ],
  };
}
