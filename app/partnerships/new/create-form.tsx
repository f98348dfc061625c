"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { ModelForm } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import type { partnershipCreateInput } from "@/domain/schemas";
import { collaborationForms, municipalitySharings, reflectionCadences } from "@/domain/vocabulary";

type CreateValues = z.input<typeof partnershipCreateInput>;

export function CreatePartnershipForm() {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidate((trpc) => trpc.partnerships.pathFilter());
  const municipalities = useQuery(trpc.admin.municipalities.options.queryOptions());
  const create = useMutation(
    trpc.partnerships.create.mutationOptions({
      onSuccess: async (row) => {
        await invalidate();
        router.push(`/partnerships/${row.id}/settings`);
      },
    }),
  );
  if (municipalities.isPending) return <Loading label={t("app.loading")} />;
  if (municipalities.isError) return <ErrorAlert message={municipalities.error.message} />;
  if (municipalities.data.length === 0)
    return <EmptyState>{t("partnerships.noMunicipalities")}</EmptyState>;
  return (
    <ModelForm<CreateValues>
      submitLabel={t("partnerships.new")}
      successMessage={t("partnerships.created")}
      fields={[
        { name: "name", kind: "text", label: t("fields.name"), required: true },
        {
          name: "municipalityId",
          kind: "select",
          label: t("fields.municipalityId"),
          required: true,
          options: municipalities.data.map((m) => ({
            value: m.id,
            label: `${m.name} (${m.cbsCode})`,
          })),
        },
        {
          name: "form",
          kind: "select",
          label: t("fields.form"),
          required: true,
          options: collaborationForms.map((f) => ({ value: f, label: t(`enums.form.${f}`) })),
        },
        { name: "purpose", kind: "textarea", label: t("fields.purpose"), hint: t("hints.purpose") },
        {
          name: "intendedImpact",
          kind: "textarea",
          label: t("fields.intendedImpact"),
          hint: t("hints.intendedImpact"),
        },
        {
          name: "reflectionCadence",
          kind: "select",
          label: t("fields.reflectionCadence"),
          defaultValue: "quarterly",
          options: reflectionCadences.map((c) => ({ value: c, label: t(`enums.cadence.${c}`) })),
        },
        {
          name: "municipalitySharing",
          kind: "select",
          label: t("fields.municipalitySharing"),
          hint: t("hints.municipalitySharing"),
          defaultValue: "aggregates",
          options: municipalitySharings.map((s) => ({ value: s, label: t(`enums.sharing.${s}`) })),
        },
      ]}
      // Empty selects are sent as they are: the server names the missing field.
      onSubmit={(v) => create.mutateAsync(v)}
    />
  );
}
