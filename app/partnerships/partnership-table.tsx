"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DataTable } from "@/app/_components/data-table";
import { Pagination } from "@/app/_components/pagination";
import { SearchBox } from "@/app/_components/search-box";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTableContext } from "@/app/_components/table-context";
import { useTRPC } from "@/app/_trpc/client";
import { PAGE_SIZE } from "@/domain/paging";
import { partnershipListTable } from "./tables";

export function PartnershipTable({
  roles,
  isAdmin,
}: {
  roles: Record<string, string>;
  isAdmin: boolean;
}) {
  const t = useTranslations("partnerships");
  const ta = useTranslations("app");
  const trpc = useTRPC();
  const tables = useTableContext();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState<string | undefined>(undefined);
  const query = useQuery({
    ...trpc.partnerships.list.queryOptions({
      page,
      pageSize: PAGE_SIZE,
      ...(search ? { search } : {}),
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <SearchBox
        label={t("searchLabel")}
        onSearch={(term) => {
          setSearch(term || undefined);
          setPage(1);
        }}
      />
      {query.isPending ? (
        <Loading label={ta("loading")} />
      ) : query.isError ? (
        <ErrorAlert message={query.error.message} />
      ) : query.data.total === 0 ? (
        <EmptyState>{search ? t("noResults") : isAdmin ? t("emptyAdmin") : t("empty")}</EmptyState>
      ) : (
        <>
          <DataTable
            caption={t("title")}
            busy={query.isFetching}
            table={partnershipListTable(
              query.data.items,
              { byPartnership: roles, isAdmin },
              tables,
              (p) => (
                <Link href={`/partnerships/${p.id}`} className="utrecht-link utrecht-link--html-a">
                  {p.name}
                </Link>
              ),
            )}
            rowKey={(p) => p.id}
            csv={`/partnerships/export/partnerships.csv${search ? `?${new URLSearchParams({ search })}` : ""}`}
          />
          <Pagination page={page} pageSize={PAGE_SIZE} total={query.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}
