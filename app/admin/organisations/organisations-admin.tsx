"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import type { FieldSpec } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { useTableContext } from "@/app/_components/table-context";
import { useTRPC } from "@/app/_trpc/client";
import { EntityList } from "@/app/admin/entity-list";
import { listFiltersQuery, type OrganisationRow, organisationColumns } from "@/app/admin/tables";
import type { organisationInput } from "@/domain/schemas";
import { organisationTypes } from "@/domain/vocabulary";

type Values = z.input<typeof organisationInput>;
type Row = OrganisationRow;

export function OrganisationsAdmin() {
  const t = useTranslations();
  const trpc = useTRPC();
  const tables = useTableContext();
  const onSuccess = useInvalidate((trpc) => trpc.admin.pathFilter());
  const municipalities = useQuery(trpc.admin.municipalities.options.queryOptions());
  const create = useMutation(trpc.admin.organisations.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.admin.organisations.update.mutationOptions({ onSuccess }));
  const remove = useMutation(trpc.admin.organisations.delete.mutationOptions({ onSuccess }));
  const restore = useMutation(trpc.admin.organisations.restore.mutationOptions({ onSuccess }));

  const fields = (row?: Row): FieldSpec<Values>[] => [
    {
      name: "name",
      kind: "text",
      label: t("fields.name"),
      defaultValue: row?.name,
      required: true,
    },
    {
      name: "type",
      kind: "select",
      label: t("fields.type"),
      defaultValue: row?.type,
      required: true,
      options: organisationTypes.map((o) => ({
        value: o,
        label: t(`enums.organisationType.${o}`),
      })),
    },
    {
      name: "municipalityId",
      kind: "select",
      label: t("fields.municipalityId"),
      nullable: true,
      defaultValue: row?.municipalityId ?? null,
      options: (municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name })),
    },
  ];

  return (
    <EntityList<Row, Values>
      title={t("admin.organisations")}
      createTitle={t("admin.newOrganisation")}
      emptyText={t("admin.emptyOrganisations")}
      listOptions={(input) => trpc.admin.organisations.list.queryOptions(input)}
      columns={organisationColumns(tables)}
      csv={(filters) => `/admin/export/organisations.csv${listFiltersQuery(filters)}`}
      fields={fields}
      create={(v) => create.mutateAsync(v)}
      update={(row, v, version) => update.mutateAsync({ id: row.id, version, ...v })}
      remove={(row) => remove.mutateAsync({ id: row.id, version: row.version })}
      restore={(row) => restore.mutateAsync({ id: row.id, version: row.version })}
    />
  );
}
