"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ModelForm, type Option, useEditedVersion } from "@/app/_components/form";
import { RemoveButton, type RunAction, useNotice } from "@/app/_components/notice";
import { ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterInputs } from "@/app/_trpc/types";
import { type PartnershipRole, partnershipRoles } from "@/domain/vocabulary";
import { useInvalidatePartnership } from "./partnership";

type AddMemberValues = Omit<RouterInputs["partnerships"]["addMember"], "partnershipId">;
type RoleValues = Pick<RouterInputs["partnerships"]["changeMemberRole"], "role">;

/** Who works in the partnership, in which role; a new member by e-mail address. */
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
      <ModelForm<AddMemberValues>
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
        onSubmit={(v) => add.mutateAsync({ partnershipId, ...v })}
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
    role: PartnershipRole;
    version: number;
  };
  roleOptions: Option<PartnershipRole>[];
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
      <ModelForm<RoleValues>
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
          const saved = await change.mutateAsync({ partnershipId, id: m.id, version, ...v });
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
