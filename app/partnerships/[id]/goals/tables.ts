/**
 * The tables of goals, declared once for the screen and the CSV download
 * (app/_components/table-model.ts): the goal tree as a list (goals page, a CSV only: the
 * screen shows a tree), and a goal's measurements, reviews and history (goal page).
 */
import type { ReactNode } from "react";
import { formatDay } from "@/app/_components/dates";
import { numberFormat } from "@/app/_components/intl";
import type { TableContext, TableModel } from "@/app/_components/table-model";
import type { RouterOutputs } from "@/app/_trpc/types";
import { intlLocale } from "@/i18n/locales";

type Goals = RouterOutputs["goals"];
type ListedGoal = Goals["list"][number];
type Goal = Goals["get"];
type HistoryEntry = Goals["history"][number];

/** A goal's value as people read it: at most three decimals, with its unit ("12,5 %"). */
export function goalValue(value: number, unit: string, { t, locale }: TableContext, digits = 3) {
  const number = numberFormat(intlLocale(locale), {
    maximumFractionDigits: digits,
  }).format(value);
  return unit ? t("goals.valueWithUnit", { value: number, unit }) : number;
}

/** A value in its indicator's unit: the CSV has the number, and the unit in a column of its own. */
const value = { kind: "number", digits: 3, minDigits: 0 } as const;

/** Every goal of the tree, each with the goal it serves, as the goals page lists them. */
export function goalListTable(
  goals: ListedGoal[],
  { t, locale }: TableContext,
): TableModel<ListedGoal> {
  const title = (id: string | null) => goals.find((g) => g.id === id)?.title ?? null;
  return {
    locale,
    rows: goals,
    columns: [
      { kind: "text", header: t("fields.title"), value: (g) => g.title },
      {
        kind: "text",
        header: t("csv.goalKind"),
        value: (g) => (g.parentId ? t("goals.intermediateGoal") : t("goals.impactGoal")),
      },
      { kind: "text", header: t("goals.partOf"), value: (g) => title(g.parentId) },
      { kind: "text", header: t("goals.status"), value: (g) => t(`goalStatus.${g.status}`) },
      { kind: "text", header: t("fields.indicator"), value: (g) => g.indicator },
      { kind: "text", header: t("fields.unit"), value: (g) => g.unit || null },
      { ...value, header: t("goals.latestValue"), value: (g) => g.latestValue },
      { kind: "day", header: t("fields.measuredOn"), value: (g) => g.latestOn },
      { kind: "number", header: t("goals.progress"), value: (g) => g.progress, percent: true },
      {
        kind: "text",
        header: t("goals.latestVerdict"),
        value: (g) => (g.latestVerdict ? t(`goals.verdict.${g.latestVerdict}`) : null),
      },
    ],
  };
}

/** The goal's measurements, oldest first; who recorded each only for who may see people. */
export function measurementsTable(
  goal: Goal,
  context: TableContext,
  noteCell?: (m: Goal["measurements"][number]) => ReactNode,
): TableModel<Goal["measurements"][number]> {
  const { t, locale } = context;
  return {
    locale,
    rows: goal.measurements,
    columns: [
      { kind: "day", header: t("goals.date"), value: (m) => m.measuredOn },
      {
        ...value,
        header: t("fields.value"),
        value: (m) => m.value,
        cell: (m) => goalValue(m.value, goal.unit, context),
      },
      { kind: "text", header: t("fields.unit"), value: () => goal.unit || null, only: "csv" },
      { kind: "text", header: t("fields.note"), value: (m) => m.note || null, cell: noteCell },
      {
        kind: "text",
        header: t("goals.recordedBy"),
        value: (m) => m.recordedByName,
        empty: t("goals.unknownPerson"),
      },
    ],
  };
}

/** The leaders' verdicts on the goal. */
export function reviewsTable(
  goal: Goal,
  { t, locale }: TableContext,
  commentCell?: (r: Goal["reviews"][number]) => ReactNode,
): TableModel<Goal["reviews"][number]> {
  return {
    locale,
    rows: goal.reviews,
    columns: [
      { kind: "moment", header: t("goals.date"), value: (r) => r.reviewedAt },
      { kind: "text", header: t("fields.verdict"), value: (r) => t(`goals.verdict.${r.verdict}`) },
      {
        kind: "text",
        header: t("fields.comment"),
        value: (r) => r.comment || null,
        cell: commentCell,
      },
      {
        kind: "text",
        header: t("goals.reviewer"),
        value: (r) => r.reviewerName,
        empty: t("goals.unknownPerson"),
      },
    ],
  };
}

/** What one history entry says happened: the change, the fields or the measurement. */
export function historyText(e: HistoryEntry, goal: Goal, context: TableContext): string {
  const { t, has, locale } = context;
  const key = `goals.action.${e.entity}.${e.action}`;
  const what = has(key) ? t(key) : t("goals.action.other");
  if (e.changedFields.length > 0)
    return t("goals.changed", {
      what,
      fields: e.changedFields.map((field) => t(`fields.${field}`)).join(", "),
    });
  if (e.measurement)
    return t("goals.measurementChange", {
      what,
      detail: t("goals.valueOn", {
        value: goalValue(e.measurement.value, goal.unit, context),
        date: formatDay(locale, e.measurement.measuredOn),
      }),
    });
  return what;
}

/** Who changed what and when, as the server tells it. */
export function historyTable(
  goal: Goal,
  entries: HistoryEntry[],
  context: TableContext,
): TableModel<HistoryEntry> {
  const { t, locale } = context;
  return {
    locale,
    rows: entries,
    columns: [
      { kind: "moment", header: t("goals.when"), value: (e) => e.at },
      {
        kind: "text",
        header: t("goals.who"),
        value: (e) => e.actorName,
        empty: t("goals.unknownPerson"),
      },
      { kind: "text", header: t("goals.what"), value: (e) => historyText(e, goal, context) },
    ],
  };
}
