"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { z } from "zod";
import { EditableList } from "@/app/_components/editable-list";
import { ModelForm } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { useNotice } from "@/app/_components/notice";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterInputs } from "@/app/_trpc/types";
import { EraseUser } from "@/app/admin/erasure";
import { ResetSecondFactor } from "@/app/admin/reset-second-factor";
import type { userUpdateInput } from "@/domain/schemas";

type UserValues = z.input<typeof userUpdateInput>;
type GrantValues = Pick<RouterInputs["admin"]["users"]["grantMunicipality"], "municipalityId">;

export function UserEditor({ id }: { id: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const onSuccess = useInvalidate((trpc) => trpc.admin.pathFilter());
  const user = useQuery(trpc.admin.users.get.queryOptions({ id }));
  const municipalities = useQuery(trpc.admin.municipalities.options.queryOptions());
  const update = useMutation(trpc.admin.users.update.mutationOptions({ onSuccess }));
  const grant = useMutation(trpc.admin.users.grantMunicipality.mutationOptions({ onSuccess }));
  const revoke = useMutation(trpc.admin.users.revokeMunicipality.mutationOptions({ onSuccess }));
  const notice = useNotice();
  // The version this form edits: the one first loaded, moved on only by its own saves.
  const [editedVersion, setEditedVersion] = useState<number | null>(null);

  if (user.isPending) return <Loading label={t("app.loading")} />;
  if (user.isError) return <ErrorAlert message={user.error.message} />;
  const u = user.data;
  const version = editedVersion ?? u.version;
  const granted = new Set(u.municipalities.map((m) => m.municipalityId));

  return (
    <>
      <ModelForm<UserValues>
        submitLabel={t("app.save")}
        successMessage={t("admin.savedOk")}
        fields={[
          {
            name: "name",
            kind: "text",
            label: t("fields.name"),
            defaultValue: u.name,
            required: true,
          },
          {
            name: "password",
            kind: "password",
            label: t("fields.password"),
            hint: t("admin.passwordHint"),
            autoComplete: "new-password",
          },
          {
            name: "isAdmin",
            kind: "checkbox",
            label: t("fields.isAdmin"),
            defaultValue: u.isAdmin,
          },
          {
            name: "active",
            kind: "checkbox",
            label: t("fields.active"),
            defaultValue: !u.deactivatedAt,
          },
        ]}
        onSubmit={async (v) => {
          const saved = await update.mutateAsync({ id, version, ...v });
          setEditedVersion(saved.version);
        }}
      >
        <p className="utrecht-paragraph smo-muted">{u.email}</p>
      </ModelForm>

      <h2 className="utrecht-heading-2">{t("admin.memberOf")}</h2>
      {u.memberships.length === 0 ? (
        <EmptyState>{t("admin.noMemberships")}</EmptyState>
      ) : (
        <ul className="utrecht-unordered-list">
          {u.memberships.map((m) => (
            <li key={m.partnershipId} className="utrecht-unordered-list__item">
              <Link
                href={`/partnerships/${m.partnershipId}/settings`}
                className="utrecht-link utrecht-link--html-a"
              >
                {m.name}
              </Link>{" "}
              — {t(`enums.role.${m.role}`)}
            </li>
          ))}
        </ul>
      )}

      <h2 className="utrecht-heading-2">{t("admin.municipalityAccess")}</h2>
      {notice.view}
      <EditableList
        items={u.municipalities}
        itemKey={(m) => m.id}
        empty={t("admin.noMunicipalityAccess")}
        run={notice.run}
        render={(m) => m.name}
        action={{
          kind: "button",
          label: t("admin.revoke"),
          name: (m) => m.name,
          run: (m) => revoke.mutateAsync({ id: m.id, version: m.version }),
          done: t("admin.savedOk"),
        }}
      />
      {municipalities.data && (
        <ModelForm<GrantValues>
          layout="inline"
          submitLabel={t("admin.grant")}
          successMessage={t("admin.savedOk")}
          fields={[
            {
              name: "municipalityId",
              kind: "select",
              label: t("fields.municipalityId"),
              options: municipalities.data
                .filter((m) => !granted.has(m.id))
                .map((m) => ({ value: m.id, label: m.name })),
            },
          ]}
          onSubmit={(v) => grant.mutateAsync({ userId: id, ...v })}
        />
      )}
      <ResetSecondFactor userId={id} enabled={u.secondFactor} />
      <EraseUser userId={id} name={u.name} />
    </>
  );
}
