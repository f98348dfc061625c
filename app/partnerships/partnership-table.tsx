"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Pagination } from "../_components/pagination";
import { SearchBox } from "../_components/search-box";
import { EmptyState, ErrorAlert, Loading } from "../_components/states";
import { useTRPC } from "../_trpc/client";

export const PAGE_SIZE = 25;

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
          <div className="smo-table-wrap">
            <table
              className="utrecht-table utrecht-table--html-table"
              aria-busy={query.isFetching || undefined}
            >
              <caption className="utrecht-table__caption smo-visually-hidden">{t("title")}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    {t("columns.name")}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t("columns.municipality")}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t("columns.form")}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t("columns.role")}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {query.data.items.map((p) => (
                  <tr key={p.id} className="utrecht-table__row">
                    <td className="utrecht-table__cell">
                      <Link
                        href={`/partnerships/${p.id}`}
                        className="utrecht-link utrecht-link--html-a"
                      >
                        {p.name}
                      </Link>
                    </td>
                    <td className="utrecht-table__cell">{p.municipalityName}</td>
                    <td className="utrecht-table__cell">{te(`formShort.${p.form}`)}</td>
                    <td className="utrecht-table__cell">
                      {roles[p.id]
                        ? te(`role.${roles[p.id]}` as "role.coordinator")
                        : isAdmin
                          ? te("role.admin")
                          : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={query.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}
