"use client";

/**
 * Removed records, newest removal first, each with a restore button — or the reason it cannot
 * come back yet (what it belongs to is removed, locked or closed).
 */
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DataTable } from "@/app/_components/data-table";
import { useDates } from "@/app/_components/dates";
import { useInvalidate } from "@/app/_components/invalidate";
import { useNotice } from "@/app/_components/notice";
import { Pagination } from "@/app/_components/pagination";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import type { AppRouter } from "@/server/root";

type Item = inferRouterOutputs<AppRouter>["trash"]["list"]["items"][number];

export function RemovedList({ partnershipId }: { partnershipId: string }) {
  const t = useTranslations("removed");
  const ta = useTranslations("app");
  const dates = useDates();
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

  const label = (i: Item) => {
    const day = i.day ? dates.day(i.day) : "";
    const title = i.title ?? "";
    const code = i.code ?? "";
    switch (i.kind) {
      case "measurement":
        return t("what.measurement", { title, day });
      case "session":
        return t("what.session", { day });
      case "participant":
        return t("what.participant", { title, day });
      case "action":
        return t("what.action", { title, day });
      case "caseGoal":
        return t("what.caseGoal", { title, code });
      case "checkIn":
        return t("what.checkIn", { day, code });
      default:
        return t("what.member", { title });
    }
  };

  return (
    <>
      {notice.view}
      {total === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <DataTable
            caption={t("title")}
            rows={items}
            rowKey={(i) => `${i.kind}:${i.id}`}
            busy={query.isPlaceholderData}
            columns={[
              { header: t("kind"), cell: (i) => t(`kinds.${i.kind}`) },
              { header: t("description"), cell: label },
              { header: t("removedAt"), cell: (i) => dates.moment(new Date(i.deletedAt)) },
              {
                header: t("restoreColumn"),
                cell: (i) =>
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
              },
            ]}
          />
          <Pagination page={page} pageSize={pageSize} total={total} onPage={setPage} />
        </>
      )}
    </>
  );
}
