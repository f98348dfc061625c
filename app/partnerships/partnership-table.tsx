"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DataTable } from "@/app/_components/data-table";
import { Pagination } from "@/app/_components/pagination";
import { SearchBox } from "@/app/_components/search-box";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import { PAGE_SIZE } from "@/domain/paging";

export function PartnershipTable({
  roles,
  isAdmin,
}: {
  roles: Record<string, string>;
  isAdmin: boolean;
}) {
  const t = useTranslations("partnerships");
  const te = useTranslations("enums");
  const ta = useTranslations("app");
  const trpc = useTRPC();
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
            rows={query.data.items}
            rowKey={(p) => p.id}
            columns={[
              {
                header: t("columns.name"),
                cell: (p) => (
                  <Link
                    href={`/partnerships/${p.id}`}
                    className="utrecht-link utrecht-link--html-a"
                  >
                    {p.name}
                  </Link>
                ),
              },
              { header: t("columns.municipality"), cell: (p) => p.municipalityName },
              { header: t("columns.form"), cell: (p) => te(`formShort.${p.form}`) },
              {
                header: t("columns.role"),
                cell: (p) => {
                  const role = roles[p.id];
                  return role
                    ? te(`role.${role}` as "role.coordinator")
                    : isAdmin
                      ? te("role.admin")
                      : "";
                },
              },
            ]}
          />
          <Pagination page={page} pageSize={PAGE_SIZE} total={query.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}
