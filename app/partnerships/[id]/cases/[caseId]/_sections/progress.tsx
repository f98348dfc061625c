"use client";

import { useTranslations } from "next-intl";
import { LineChart } from "@/app/_components/charts";
import { DataTable } from "@/app/_components/data-table";
import { useDates } from "@/app/_components/dates";
import { useNotice } from "@/app/_components/notice";
import { EmptyState } from "@/app/_components/states";
import { useTableContext } from "@/app/_components/table-context";
import { gasTable, perspectivesTable } from "@/app/partnerships/[id]/cases/tables";
import { casePerspectives } from "@/domain/vocabulary";
import type { Case, CheckIn, Ids } from "./case";
import { Timeline } from "./timeline";

/**
 * How the case moved over the check-ins: the four perspectives and the GAS T-score as charts,
 * each with its table, then the check-ins themselves (newest first).
 */
export function Progress({ c, ids, editable }: { c: Case; ids: Ids; editable: boolean }) {
  const t = useTranslations("cases");
  const date = useDates().day;
  const tables = useTableContext();
  const csv = (table: string) =>
    `/partnerships/${ids.partnershipId}/cases/${ids.caseId}/export/${table}.csv`;
  const notice = useNotice();
  if (c.timeline.length === 0)
    return (
      <>
        {/* The message of a removal that emptied the timeline still shows. */}
        {notice.view}
        <EmptyState>{editable ? t("noCheckIns") : t("noCheckInsClosed")}</EmptyState>
      </>
    );
  const labels = c.timeline.map((x) => date(x.heldOn));
  const rating = (x: CheckIn, p: (typeof casePerspectives)[number]) =>
    x.ratings.find((r) => r.perspective === p);
  return (
    <>
      <h2 className="utrecht-heading-2">{t("perspectivesTitle")}</h2>
      <LineChart
        labels={labels}
        series={casePerspectives.map((p) => ({
          label: t(`perspective.${p}`),
          values: c.timeline.map((x) => rating(x, p)?.wellbeing ?? null),
        }))}
      />
      <details className="smo-details">
        <summary>{t("tableOfChart")}</summary>
        <DataTable
          caption={t("perspectivesTitle")}
          table={perspectivesTable(c, tables)}
          rowKey={(x) => x.id}
          csv={csv("perspectives")}
        />
        <p className="utrecht-paragraph smo-muted">{t("ratingsLegend")}</p>
      </details>

      <h2 className="utrecht-heading-2">{t("gasTitle")}</h2>
      <LineChart
        labels={labels}
        min={20}
        max={80}
        series={[{ label: t("gasT"), values: c.timeline.map((x) => x.gasT) }]}
      />
      <details className="smo-details">
        <summary>{t("tableOfChart")}</summary>
        <DataTable
          caption={t("gasTitle")}
          table={gasTable(c, tables)}
          rowKey={(x) => x.id}
          csv={csv("gas")}
        />
      </details>

      <Timeline c={c} ids={ids} editable={editable} notice={notice} />
    </>
  );
}
