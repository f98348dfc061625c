"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import { useGoalFormat } from "@/app/partnerships/[id]/goals/goal-form";
import type { Goal, HistoryEntry } from "./goal";

/** Who changed what and when, as the server tells it (never the raw audit rows). */
export function History({ partnershipId, goal }: { partnershipId: string; goal: Goal }) {
  const t = useTranslations();
  const f = useGoalFormat();
  const trpc = useTRPC();
  const history = useQuery(trpc.goals.history.queryOptions({ partnershipId, goalId: goal.id }));

  function whatHappened(e: HistoryEntry): string {
    const key = `goals.action.${e.entity}.${e.action}`;
    const what = t.has(key) ? t(key) : t("goals.action.other");
    if (e.changedFields.length > 0)
      return t("goals.changed", {
        what,
        fields: e.changedFields.map((field) => t(`fields.${field}`)).join(", "),
      });
    if (e.measurement)
      return t("goals.measurementChange", {
        what,
        detail: t("goals.valueOn", {
          value: f.value(e.measurement.value, goal.unit),
          date: f.day(e.measurement.measuredOn),
        }),
      });
    return what;
  }

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" className="utrecht-heading-2">
        {t("goals.history")}
      </h2>
      {history.isPending ? (
        <Loading label={t("app.loading")} />
      ) : history.isError ? (
        <ErrorAlert message={history.error.message} />
      ) : history.data.length === 0 ? (
        <EmptyState>{t("goals.noHistory")}</EmptyState>
      ) : (
        <DataTable
          caption={t("goals.historyCaption", { title: goal.title })}
          rows={history.data}
          rowKey={(e) => String(e.id)}
          columns={[
            { header: t("goals.when"), cell: (e) => f.moment(e.at) },
            { header: t("goals.who"), cell: (e) => e.actorName ?? t("goals.unknownPerson") },
            { header: t("goals.what"), cell: (e) => whatHappened(e) },
          ]}
        />
      )}
    </section>
  );
}
