"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { ModelForm, useEditedVersion } from "@/app/_components/form";
import { ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import type { partnershipSettingsInput } from "@/domain/schemas";
import { collaborationForms, municipalitySharings, reflectionCadences } from "@/domain/vocabulary";
import { useInvalidatePartnership } from "./partnership";

/** The partnership's name, purpose, form, cadence and what the municipality sees. */
export function GeneralSettings({ partnershipId }: { partnershipId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const query = useQuery(trpc.partnerships.get.queryOptions({ partnershipId }));
  if (query.isPending) return <Loading label={t("app.loading")} />;
  if (query.isError) return <ErrorAlert message={query.error.message} />;
  return <GeneralForm partnershipId={partnershipId} p={query.data} />;
}

type SettingsValues = z.input<typeof partnershipSettingsInput>;
type PartnershipData = SettingsValues & { version: number };

function GeneralForm({ partnershipId, p }: { partnershipId: string; p: PartnershipData }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const invalidate = useInvalidatePartnership();
  const update = useMutation(trpc.partnerships.update.mutationOptions({ onSuccess: invalidate }));
  const [version, setVersion] = useEditedVersion(p.version);
  return (
    <section aria-labelledby="general-heading">
      <h2 id="general-heading" className="utrecht-heading-2">
        {t("settings.general")}
      </h2>
      <p className="utrecht-paragraph">{t("settings.generalIntro")}</p>
      <ModelForm<SettingsValues>
        submitLabel={t("app.save")}
        successMessage={t("settings.saved")}
        fields={[
          {
            name: "name",
            kind: "text",
            label: t("fields.name"),
            defaultValue: p.name,
            required: true,
          },
          {
            name: "purpose",
            kind: "textarea",
            label: t("fields.purpose"),
            hint: t("hints.purpose"),
            defaultValue: p.purpose,
          },
          {
            name: "intendedImpact",
            kind: "textarea",
            label: t("fields.intendedImpact"),
            hint: t("hints.intendedImpact"),
            defaultValue: p.intendedImpact,
          },
          {
            name: "form",
            kind: "select",
            label: t("fields.form"),
            defaultValue: p.form,
            options: collaborationForms.map((f) => ({ value: f, label: t(`enums.form.${f}`) })),
          },
          {
            name: "reflectionCadence",
            kind: "select",
            label: t("fields.reflectionCadence"),
            defaultValue: p.reflectionCadence,
            options: reflectionCadences.map((c) => ({ value: c, label: t(`enums.cadence.${c}`) })),
          },
          {
            name: "municipalitySharing",
            kind: "select",
            label: t("fields.municipalitySharing"),
            hint: t("hints.municipalitySharing"),
            defaultValue: p.municipalitySharing,
            options: municipalitySharings.map((s) => ({
              value: s,
              label: t(`enums.sharing.${s}`),
            })),
          },
        ]}
        onSubmit={async (v) => {
          const saved = await update.mutateAsync({ partnershipId, version, ...v });
          setVersion(saved.version);
        }}
      />
    </section>
  );
}
