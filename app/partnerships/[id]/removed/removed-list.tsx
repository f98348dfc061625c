"use client";

/**
 * Removed records, newest removal first, each with a restore button — or the reason it cannot
 * come back yet (what it belongs to is removed, locked or closed).
 */
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DataTable } from "@/app/_components/data-table";
import { useInvalidate } from "@/app/_components/invalidate";
import { useNotice } from "@/app/_components/notice";
import { Pagination } from "@/app/_components/pagination";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTableContext } from "@/app/_components/table-context";
import { useTRPC } from "@/app/_trpc/client";
import { type RemovedItem, removedLabel, removedTable } from "./tables";

export function RemovedList({ partnershipId }: { partnershipId: string }) {
  const t = useTranslations("removed");
  const ta = useTranslations("app");
  const tables = useTableContext();
  const trpc = useTRPC();
  // A restored record shows up again everywhere (goals, reflections, cases, dashboard).
  const invalidate = useInvalidate((trpc) => trpc.pathFilter());
  const [page, setPage] = useState(1);
  const query = useQuery({
    ...trpc.trash.list.queryOptions({ partnershipId, page }),
    placeholderData: keepPreviousData,
  });
  const restore = useMutation(trpc.trash.restore.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  if (query.isPending) return <Loading label={ta("loading")} />;
  if (query.isError) return <ErrorAlert message={query.error.message} />;
  const { items, total, pageSize } = query.data;

  const label = (i: RemovedItem) => removedLabel(i, tables);

  return (
    <>
      {notice.view}
      {total === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <DataTable
            caption={t("title")}
            table={removedTable(items, tables, (i) =>
              i.blocked ? (
                <span className="smo-muted">{t(`blocked.${i.blocked}`)}</span>
              ) : (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action"
                  disabled={restore.isPending}
                  onClick={() =>
                    void notice.run(
                      () =>
                        restore.mutateAsync({
                          partnershipId,
                          kind: i.kind,
                          id: i.id,
                          version: i.version,
                        }),
                      t("restored", { what: label(i) }),
                    )
                  }
                >
                  {ta("restore")} <span className="smo-visually-hidden">{label(i)}</span>
                </button>
              ),
            )}
            rowKey={(i) => `${i.kind}:${i.id}`}
            busy={query.isPlaceholderData}
            csv={`/partnerships/${partnershipId}/export/removed.csv`}
          />
          <Pagination page={page} pageSize={pageSize} total={total} onPage={setPage} />
        </>
      )}
    </>
  );
}
