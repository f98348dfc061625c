"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import type { FieldSpec } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { useTableContext } from "@/app/_components/table-context";
import { useTRPC } from "@/app/_trpc/client";
import { EntityList } from "@/app/admin/entity-list";
import { listFiltersQuery, type MunicipalityRow, municipalityColumns } from "@/app/admin/tables";
import type { municipalityInput } from "@/domain/schemas";

type Values = z.input<typeof municipalityInput>;
type Row = MunicipalityRow;

export function MunicipalitiesAdmin() {
  const t = useTranslations();
  const trpc = useTRPC();
  const tables = useTableContext();
  const onSuccess = useInvalidate((trpc) => trpc.admin.pathFilter());
  const create = useMutation(trpc.admin.municipalities.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.admin.municipalities.update.mutationOptions({ onSuccess }));
  const remove = useMutation(trpc.admin.municipalities.delete.mutationOptions({ onSuccess }));
  const restore = useMutation(trpc.admin.municipalities.restore.mutationOptions({ onSuccess }));

  const fields = (row?: Row): FieldSpec<Values>[] => [
    {
      name: "cbsCode",
      kind: "text",
      label: t("fields.cbsCode"),
      hint: t("hints.cbsCode"),
      defaultValue: row?.cbsCode,
      required: true,
    },
    {
      name: "name",
      kind: "text",
      label: t("fields.name"),
      defaultValue: row?.name,
      required: true,
    },
    {
      name: "youthRegion",
      kind: "text",
      label: t("fields.youthRegion"),
      defaultValue: row?.youthRegion,
      required: true,
    },
  ];

  return (
    <EntityList<Row, Values>
      title={t("admin.municipalities")}
      createTitle={t("admin.newMunicipality")}
      emptyText={t("admin.emptyMunicipalities")}
      listOptions={(input) => trpc.admin.municipalities.list.queryOptions(input)}
      columns={municipalityColumns(tables)}
      csv={(filters) => `/admin/export/municipalities.csv${listFiltersQuery(filters)}`}
      fields={fields}
      create={(v) => create.mutateAsync(v)}
      update={(row, v, version) => update.mutateAsync({ id: row.id, version, ...v })}
      remove={(row) => remove.mutateAsync({ id: row.id, version: row.version })}
      restore={(row) => restore.mutateAsync({ id: row.id, version: row.version })}
    />
  );
}
