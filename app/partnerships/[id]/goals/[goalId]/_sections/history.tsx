"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTableContext } from "@/app/_components/table-context";
import { useTRPC } from "@/app/_trpc/client";
import { historyTable } from "@/app/partnerships/[id]/goals/tables";
import type { Goal } from "./goal";

/** Who changed what and when, as the server tells it (never the raw audit rows). */
export function History({ partnershipId, goal }: { partnershipId: string; goal: Goal }) {
  const t = useTranslations();
  const tables = useTableContext();
  const trpc = useTRPC();
  const history = useQuery(trpc.goals.history.queryOptions({ partnershipId, goalId: goal.id }));

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" className="utrecht-heading-2">
        {t("goals.history")}
      </h2>
      <p className="utrecht-paragraph">{t("goals.historyIntro")}</p>
      {history.isPending ? (
        <Loading label={t("app.loading")} />
      ) : history.isError ? (
        <ErrorAlert message={history.error.message} />
      ) : history.data.length === 0 ? (
        <EmptyState>{t("goals.noHistory")}</EmptyState>
      ) : (
        <DataTable
          caption={t("goals.historyCaption", { title: goal.title })}
          table={historyTable(goal, history.data, tables)}
          rowKey={(e) => String(e.id)}
          csv={`/partnerships/${partnershipId}/goals/${goal.id}/export/history.csv`}
        />
      )}
    </section>
  );
}
