"use client";

/**
 * "Ten opzichte van anderen": the partnership's headline figures beside the median of the other
 * partnerships in its municipality, region and the nation (dashboards.benchmark), with the
 * quarters they cover and when the others' figures were computed.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { DataTable } from "@/app/_components/data-table";
import { useDates } from "@/app/_components/dates";
import { ErrorAlert, Loading } from "@/app/_components/states";
import { useTableContext } from "@/app/_components/table-context";
import { useTRPC } from "@/app/_trpc/client";
import { benchmarkTable } from "./dashboard-tables";

export function Benchmark({
  partnershipId,
  ownCases = true,
}: {
  partnershipId: string;
  /** Whether the viewer sees the partnership's own case figures (a municipality does not). */
  ownCases?: boolean;
}) {
  const t = useTranslations("benchmark");
  const ta = useTranslations("app");
  const trpc = useTRPC();
  const dates = useDates();
  const tables = useTableContext();
  const query = useQuery(trpc.dashboards.benchmark.queryOptions({ partnershipId }));
  return (
    <section aria-labelledby="benchmark-heading">
      <h3 id="benchmark-heading" className="utrecht-heading-3">
        {t("title")}
      </h3>
      {query.isPending ? (
        <Loading label={ta("loading")} />
      ) : query.isError ? (
        <ErrorAlert message={query.error.message} />
      ) : (
        <>
          <p className="utrecht-paragraph smo-muted">
            {t("intro", {
              from: query.data.from ?? "",
              to: query.data.to ?? "",
              minimum: query.data.minimum,
            })}{" "}
            {query.data.figuresAsOf
              ? t("asOf", { moment: dates.moment(query.data.figuresAsOf) })
              : t("computing")}
          </p>
          <DataTable
            caption={t("title")}
            table={benchmarkTable(query.data, tables)}
            rowKey={(r) => r.metric}
            csv={`/partnerships/${partnershipId}/export/benchmark.csv`}
          />
          {!ownCases && (
            <p className="utrecht-paragraph smo-muted">
              {t("ownCasesNotShared", { minimum: query.data.minimum })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
