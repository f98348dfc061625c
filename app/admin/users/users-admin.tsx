"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { z } from "zod";
import { DataTable } from "@/app/_components/data-table";
import { ModelForm } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { Pagination } from "@/app/_components/pagination";
import { SearchBox } from "@/app/_components/search-box";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTableContext } from "@/app/_components/table-context";
import { useTRPC } from "@/app/_trpc/client";
import { listFiltersQuery, usersTable } from "@/app/admin/tables";
import { PAGE_SIZE } from "@/domain/paging";
import type { userCreateInput } from "@/domain/schemas";

type NewUserValues = z.input<typeof userCreateInput>;

export function UsersAdmin() {
  const t = useTranslations();
  const trpc = useTRPC();
  const tables = useTableContext();
  const invalidate = useInvalidate((trpc) => trpc.admin.pathFilter());
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState<string | undefined>();
  const query = useQuery({
    ...trpc.admin.users.list.queryOptions({
      page,
      pageSize: PAGE_SIZE,
      ...(search ? { search } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const create = useMutation(
    trpc.admin.users.create.mutationOptions({
      onSuccess: invalidate,
    }),
  );

  return (
    <>
      <SearchBox
        label={t("app.search")}
        onSearch={(term) => {
          setSearch(term || undefined);
          setPage(1);
        }}
      />
      {query.isPending ? (
        <Loading label={t("app.loading")} />
      ) : query.isError ? (
        <ErrorAlert message={query.error.message} />
      ) : query.data.total === 0 ? (
        <EmptyState>{t("admin.emptyUsers")}</EmptyState>
      ) : (
        <>
          <DataTable
            caption={t("admin.users")}
            busy={query.isFetching}
            table={usersTable(query.data.items, tables, {
              name: (u) => (
                <Link href={`/admin/users/${u.id}`} className="utrecht-link utrecht-link--html-a">
                  {u.name}
                </Link>
              ),
              access: (u) => (
                <>
                  {u.deactivatedAt ? (
                    <span className="utrecht-status-badge utrecht-status-badge--inactive">
                      {t("admin.deactivated")}
                    </span>
                  ) : (
                    <span className="utrecht-status-badge utrecht-status-badge--success">
                      {t("admin.active")}
                    </span>
                  )}{" "}
                  {u.isAdmin && (
                    <span className="utrecht-status-badge">{t("admin.administrator")}</span>
                  )}
                </>
              ),
            })}
            rowKey={(u) => u.id}
            csv={`/admin/export/users.csv${listFiltersQuery({ search })}`}
          />
          <Pagination page={page} pageSize={PAGE_SIZE} total={query.data.total} onPage={setPage} />
        </>
      )}
      <h2 className="utrecht-heading-2">{t("admin.newUser")}</h2>
      <ModelForm<NewUserValues>
        submitLabel={t("app.add")}
        successMessage={t("admin.created")}
        resetOnSuccess
        fields={[
          {
            name: "name",
            kind: "text",
            label: t("fields.name"),
            required: true,
            autoComplete: "off",
          },
          {
            name: "email",
            kind: "email",
            label: t("fields.email"),
            required: true,
            autoComplete: "off",
          },
          {
            name: "password",
            kind: "password",
            label: t("fields.password"),
            hint: t("admin.userPasswordHint"),
            required: true,
            autoComplete: "new-password",
          },
          { name: "isAdmin", kind: "checkbox", label: t("fields.isAdmin") },
        ]}
        onSubmit={(v) => create.mutateAsync(v)}
      />
    </>
  );
}
