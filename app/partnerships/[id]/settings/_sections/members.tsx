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

type InviteValues = Omit<RouterInputs["partnerships"]["invite"], "partnershipId">;
type MemberValues = Pick<RouterInputs["partnerships"]["changeMember"], "role" | "organisationId">;

/**
 * Who works in the partnership, in which role; new people are invited by e-mail address and
 * become members when they accept (the answer never says whether the address has an account).
 */
export function MembersSettings({ partnershipId }: { partnershipId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const invalidate = useInvalidatePartnership();
  const members = useQuery(trpc.partnerships.members.queryOptions({ partnershipId }));
  const invitations = useQuery(trpc.partnerships.invitations.queryOptions({ partnershipId }));
  // The partner organisations a member can work for; also what the partners section shows.
  const partners = useQuery(trpc.partnerships.get.queryOptions({ partnershipId }));
  const invite = useMutation(trpc.partnerships.invite.mutationOptions({ onSuccess: invalidate }));
  const withdraw = useMutation(
    trpc.partnerships.withdrawInvitation.mutationOptions({ onSuccess: invalidate }),
  );
  const notice = useNotice();
  const roleOptions = partnershipRoles.map((r) => ({ value: r, label: t(`enums.role.${r}`) }));
  const organisationOptions = (partners.data?.organisations ?? []).map((o) => ({
    value: o.organisationId,
    label: o.name,
  }));

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading" className="utrecht-heading-2">
        {t("partnerships.members")}
      </h2>
      <p className="utrecht-paragraph">{t("settings.membersIntro")}</p>
      {notice.view}
      {/* The partners too: a member's form saved before they arrive would drop their organisation. */}
      {members.isPending || partners.isPending ? (
        <Loading label={t("app.loading")} />
      ) : members.isError || partners.isError ? (
        <ErrorAlert message={(members.error ?? partners.error)?.message ?? ""} />
      ) : (
        members.data.map((m) => (
          <MemberRow
            key={m.id}
            partnershipId={partnershipId}
            m={m}
            roleOptions={roleOptions}
            organisationOptions={organisationOptions}
            run={notice.run}
          />
        ))
      )}
      <h3 className="utrecht-heading-3">{t("settings.invitations")}</h3>
      {invitations.isPending ? (
        <Loading label={t("app.loading")} />
      ) : invitations.isError ? (
        <ErrorAlert message={invitations.error.message} />
      ) : invitations.data.length === 0 ? (
        <p className="utrecht-paragraph">{t("settings.noInvitations")}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {invitations.data.map((i) => (
            <li key={i.id} className="utrecht-unordered-list__item">
              {t("settings.invitationLine", {
                email: i.email,
                role: t(`enums.role.${i.role}`).toLocaleLowerCase(),
              })}{" "}
              <RemoveButton
                name={i.email}
                question={t("settings.withdrawQuestion", { email: i.email })}
                label={t("settings.withdraw")}
                onConfirm={() =>
                  void notice.run(
                    () => withdraw.mutateAsync({ partnershipId, id: i.id, version: i.version }),
                    t("settings.invitationWithdrawn"),
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}
      <h3 className="utrecht-heading-3">{t("settings.inviteMember")}</h3>
      <p className="utrecht-paragraph">{t("settings.inviteIntro")}</p>
      <ModelForm<InviteValues>
        submitLabel={t("settings.invite")}
        successMessage={t("settings.invited")}
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
        onSubmit={(v) => invite.mutateAsync({ partnershipId, ...v })}
      />
    </section>
  );
}

function MemberRow({
  partnershipId,
  m,
  roleOptions,
  organisationOptions,
  run,
}: {
  partnershipId: string;
  m: {
    id: string;
    name: string;
    email: string;
    role: PartnershipRole;
    organisationId: string | null;
    organisationName: string | null;
    version: number;
  };
  roleOptions: Option<PartnershipRole>[];
  organisationOptions: Option<string>[];
  run: RunAction;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const invalidate = useInvalidatePartnership();
  const change = useMutation(
    trpc.partnerships.changeMember.mutationOptions({ onSuccess: invalidate }),
  );
  const remove = useMutation(
    trpc.partnerships.removeMember.mutationOptions({ onSuccess: invalidate }),
  );
  const [version, setVersion] = useEditedVersion(m.version);
  // An organisation that stopped being a partner stays chosen until the coordinator changes it.
  const options =
    m.organisationId && !organisationOptions.some((o) => o.value === m.organisationId)
      ? [
          ...organisationOptions,
          {
            value: m.organisationId,
            label: t("settings.formerPartner", { name: m.organisationName ?? "" }),
          },
        ]
      : organisationOptions;
  return (
    <div className="smo-section">
      <h3 className="utrecht-heading-3">
        {m.name} <span className="smo-muted">({m.email})</span>
      </h3>
      <ModelForm<MemberValues>
        layout="inline"
        submitLabel={t("settings.saveMember")}
        successMessage={t("settings.memberSaved")}
        fields={[
          {
            name: "role",
            kind: "select",
            label: t("fields.role"),
            defaultValue: m.role,
            options: roleOptions,
          },
          {
            name: "organisationId",
            kind: "select",
            label: t("fields.memberOrganisation"),
            hint: t("settings.memberOrganisationHint"),
            nullable: true,
            emptyLabel: t("settings.noMemberOrganisation"),
            defaultValue: m.organisationId,
            options,
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
