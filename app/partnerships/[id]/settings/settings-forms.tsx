"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ModelForm, useEditedVersion } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { RemoveButton, type RunAction, useNotice } from "@/app/_components/notice";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import {
  collaborationForms,
  municipalitySharings,
  partnershipRoles,
  reflectionCadences,
} from "@/domain/vocabulary";

/** After any change, the partnership's queries are fetched again. */
function useInvalidatePartnership() {
  return useInvalidate((trpc) => trpc.partnerships.pathFilter());
}

export function GeneralSettings({ partnershipId }: { partnershipId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const query = useQuery(trpc.partnerships.get.queryOptions({ partnershipId }));
  if (query.isPending) return <Loading label={t("app.loading")} />;
  if (query.isError) return <ErrorAlert message={query.error.message} />;
  return <GeneralForm partnershipId={partnershipId} p={query.data} />;
}

type PartnershipData = {
  version: number;
  name: string;
  purpose: string;
  intendedImpact: string;
} & {
  form: (typeof collaborationForms)[number];
  reflectionCadence: (typeof reflectionCadences)[number];
  municipalitySharing: (typeof municipalitySharings)[number];
};

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
      <ModelForm
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
          const saved = await update.mutateAsync({
            partnershipId,
            version,
            name: String(v.name),
            purpose: String(v.purpose),
            intendedImpact: String(v.intendedImpact),
            form: v.form as (typeof collaborationForms)[number],
            reflectionCadence: v.reflectionCadence as (typeof reflectionCadences)[number],
            municipalitySharing: v.municipalitySharing as (typeof municipalitySharings)[number],
          });
          setVersion(saved.version);
        }}
      />
    </section>
  );
}

export function PartnerSettings({ partnershipId }: { partnershipId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const invalidate = useInvalidatePartnership();
  const input = { partnershipId };
  const partnership = useQuery(trpc.partnerships.get.queryOptions(input));
  const removed = useQuery(trpc.partnerships.removedOrganisations.queryOptions(input));
  const options = useQuery(trpc.partnerships.organisationOptions.queryOptions(input));
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
      {options.isPending ? (
        <Loading label={t("app.loading")} />
      ) : options.isError ? (
        <ErrorAlert message={options.error.message} />
      ) : options.data.length === 0 ? (
        <EmptyState>{t("settings.noOptions")}</EmptyState>
      ) : (
        <ModelForm
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
          onSubmit={(v) =>
            add.mutateAsync({
              partnershipId,
              organisationId: String(v.organisationId),
              isCore: Boolean(v.isCore),
              ownInterest: String(v.ownInterest),
            })
          }
        />
      )}

      {removed.data && removed.data.length > 0 && (
        <>
          <h3 className="utrecht-heading-3">{t("settings.removedPartners")}</h3>
          <ul className="utrecht-unordered-list">
            {removed.data.map((o) => (
              <li key={o.id} className="utrecht-unordered-list__item">
                {o.name}{" "}
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  onClick={() =>
                    void notice.run(
                      () => restore.mutateAsync({ partnershipId, id: o.id, version: o.version }),
                      t("settings.partnerRestored"),
                    )
                  }
                >
                  {t("app.restore")} <span className="smo-visually-hidden">{o.name}</span>
                </button>
              </li>
            ))}
          </ul>
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
      <ModelForm
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
          const saved = await save.mutateAsync({
            partnershipId,
            id: o.id,
            version,
            isCore: Boolean(v.isCore),
            ownInterest: String(v.ownInterest),
          });
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

export function MembersSettings({ partnershipId }: { partnershipId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const invalidate = useInvalidatePartnership();
  const members = useQuery(trpc.partnerships.members.queryOptions({ partnershipId }));
  const add = useMutation(trpc.partnerships.addMember.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  const roleOptions = partnershipRoles.map((r) => ({ value: r, label: t(`enums.role.${r}`) }));

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading" className="utrecht-heading-2">
        {t("partnerships.members")}
      </h2>
      <p className="utrecht-paragraph">{t("settings.membersIntro")}</p>
      {notice.view}
      {members.isPending ? (
        <Loading label={t("app.loading")} />
      ) : members.isError ? (
        <ErrorAlert message={members.error.message} />
      ) : (
        members.data.map((m) => (
          <MemberRow
            key={m.id}
            partnershipId={partnershipId}
            m={m}
            roleOptions={roleOptions}
            run={notice.run}
          />
        ))
      )}
      <h3 className="utrecht-heading-3">{t("settings.addMember")}</h3>
      <ModelForm
        submitLabel={t("app.add")}
        successMessage={t("settings.memberAdded")}
        resetOnSuccess
        fields={[
          {
            name: "email",
            kind: "email",
            label: t("fields.email"),
            hint: t("hints.memberEmail"),
            autoComplete: "off",
            required: true,
          },
          {
            name: "role",
            kind: "select",
            label: t("fields.role"),
            defaultValue: "professional",
            options: roleOptions,
          },
        ]}
        onSubmit={(v) =>
          add.mutateAsync({
            partnershipId,
            email: String(v.email),
            role: v.role as (typeof partnershipRoles)[number],
          })
        }
      />
    </section>
  );
}

function MemberRow({
  partnershipId,
  m,
  roleOptions,
  run,
}: {
  partnershipId: string;
  m: {
    id: string;
    name: string;
    email: string;
    role: (typeof partnershipRoles)[number];
    version: number;
  };
  roleOptions: { value: string; label: string }[];
  run: RunAction;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const invalidate = useInvalidatePartnership();
  const change = useMutation(
    trpc.partnerships.changeMemberRole.mutationOptions({ onSuccess: invalidate }),
  );
  const remove = useMutation(
    trpc.partnerships.removeMember.mutationOptions({ onSuccess: invalidate }),
  );
  const [version, setVersion] = useEditedVersion(m.version);
  return (
    <div className="smo-section">
      <h3 className="utrecht-heading-3">
        {m.name} <span className="smo-muted">({m.email})</span>
      </h3>
      <ModelForm
        layout="inline"
        submitLabel={t("settings.changeRole")}
        successMessage={t("settings.memberSaved")}
        fields={[
          {
            name: "role",
            kind: "select",
            label: t("fields.role"),
            defaultValue: m.role,
            options: roleOptions,
          },
        ]}
        onSubmit={async (v) => {
          const saved = await change.mutateAsync({
            partnershipId,
            id: m.id,
            version,
            role: v.role as (typeof partnershipRoles)[number],
          });
          setVersion(saved.version);
        }}
      >
        <RemoveButton
          name={m.name}
          onConfirm={() =>
            void run(
              () => remove.mutateAsync({ partnershipId, id: m.id, version }),
              t("settings.memberRemoved"),
            )
          }
        />
      </ModelForm>
    </div>
  );
}
