"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { z } from "zod";
import { EditableList } from "@/app/_components/editable-list";
import { ModelForm, useEditedVersion } from "@/app/_components/form";
import { RemoveButton, type RunAction, useNotice } from "@/app/_components/notice";
import { SearchBox } from "@/app/_components/search-box";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterInputs } from "@/app/_trpc/types";
import { OPTIONS_LIMIT } from "@/domain/paging";
import type { partnerOrganisationInput } from "@/domain/schemas";
import { useInvalidatePartnership } from "./partnership";

type PartnerValues = z.input<typeof partnerOrganisationInput>;
type AddPartnerValues = Omit<RouterInputs["partnerships"]["addOrganisation"], "partnershipId">;

/** The partner organisations: each one's part and interest, a new one, the removed ones back. */
export function PartnerSettings({ partnershipId }: { partnershipId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const invalidate = useInvalidatePartnership();
  const input = { partnershipId };
  const partnership = useQuery(trpc.partnerships.get.queryOptions(input));
  const removed = useQuery(trpc.partnerships.removedOrganisations.queryOptions(input));
  // The options come 50 at a time, alphabetically: a search narrows them to the one meant.
  const [search, setSearch] = useState("");
  const options = useQuery(
    trpc.partnerships.organisationOptions.queryOptions({
      partnershipId,
      search: search || undefined,
    }),
  );
  const add = useMutation(
    trpc.partnerships.addOrganisation.mutationOptions({ onSuccess: invalidate }),
  );
  const restore = useMutation(
    trpc.partnerships.restoreOrganisation.mutationOptions({ onSuccess: invalidate }),
  );
  const notice = useNotice();

  return (
    <section aria-labelledby="partners-heading">
      <h2 id="partners-heading" className="utrecht-heading-2">
        {t("partnerships.partners")}
      </h2>
      <p className="utrecht-paragraph">{t("settings.partnersIntro")}</p>
      {notice.view}
      {partnership.isPending ? (
        <Loading label={t("app.loading")} />
      ) : partnership.isError ? (
        <ErrorAlert message={partnership.error.message} />
      ) : partnership.data.organisations.length === 0 ? (
        <EmptyState>{t("partnerships.noPartners")}</EmptyState>
      ) : (
        partnership.data.organisations.map((o) => (
          <PartnerRow key={o.id} partnershipId={partnershipId} o={o} run={notice.run} />
        ))
      )}

      <h3 className="utrecht-heading-3">{t("settings.addPartner")}</h3>
      <SearchBox
        label={t("settings.searchOrganisation")}
        defaultValue={search}
        onSearch={setSearch}
      />
      {options.data?.length === OPTIONS_LIMIT && (
        <p className="utrecht-paragraph" role="status">
          {t("settings.optionsLimited", { n: OPTIONS_LIMIT })}
        </p>
      )}
      {options.isPending ? (
        <Loading label={t("app.loading")} />
      ) : options.isError ? (
        <ErrorAlert message={options.error.message} />
      ) : options.data.length === 0 ? (
        <EmptyState>
          {search ? t("settings.noOptionsFound", { search }) : t("settings.noOptions")}
        </EmptyState>
      ) : (
        <ModelForm<AddPartnerValues>
          submitLabel={t("app.add")}
          successMessage={t("settings.partnerAdded")}
          resetOnSuccess
          fields={[
            {
              name: "organisationId",
              kind: "select",
              label: t("fields.organisationId"),
              required: true,
              options: options.data.map((o) => ({
                value: o.id,
                label: `${o.name} (${t(`enums.organisationType.${o.type}`)})`,
              })),
            },
            { name: "isCore", kind: "checkbox", label: t("fields.isCore") },
            {
              name: "ownInterest",
              kind: "textarea",
              label: t("fields.ownInterest"),
              hint: t("hints.ownInterest"),
            },
          ]}
          onSubmit={(v) => add.mutateAsync({ partnershipId, ...v })}
        />
      )}

      {removed.data && removed.data.length > 0 && (
        <>
          <h3 className="utrecht-heading-3">{t("settings.removedPartners")}</h3>
          <EditableList
            items={removed.data}
            itemKey={(o) => o.id}
            run={notice.run}
            render={(o) => o.name}
            action={{
              kind: "button",
              label: t("app.restore"),
              name: (o) => o.name,
              run: (o) => restore.mutateAsync({ partnershipId, id: o.id, version: o.version }),
              done: t("settings.partnerRestored"),
            }}
          />
        </>
      )}
    </section>
  );
}

function PartnerRow({
  partnershipId,
  o,
  run,
}: {
  partnershipId: string;
  o: { id: string; name: string; version: number; isCore: boolean; ownInterest: string };
  run: RunAction;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const invalidate = useInvalidatePartnership();
  const save = useMutation(
    trpc.partnerships.updateOrganisation.mutationOptions({ onSuccess: invalidate }),
  );
  const remove = useMutation(
    trpc.partnerships.removeOrganisation.mutationOptions({ onSuccess: invalidate }),
  );
  const [version, setVersion] = useEditedVersion(o.version);
  return (
    <div className="smo-section">
      <h3 className="utrecht-heading-3">{o.name}</h3>
      <ModelForm<PartnerValues>
        submitLabel={t("app.save")}
        successMessage={t("settings.partnerSaved")}
        fields={[
          { name: "isCore", kind: "checkbox", label: t("fields.isCore"), defaultValue: o.isCore },
          {
            name: "ownInterest",
            kind: "textarea",
            label: t("fields.ownInterest"),
            hint: t("hints.ownInterest"),
            defaultValue: o.ownInterest,
          },
        ]}
        onSubmit={async (v) => {
          const saved = await save.mutateAsync({ partnershipId, id: o.id, version, ...v });
          setVersion(saved.version);
        }}
      >
        <RemoveButton
          name={o.name}
          onConfirm={() =>
            void run(
              () => remove.mutateAsync({ partnershipId, id: o.id, version }),
              t("settings.partnerRemoved"),
            )
          }
        />
      </ModelForm>
    </div>
  );
}
