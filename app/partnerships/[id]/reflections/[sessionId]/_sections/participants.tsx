"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { EditableList } from "@/app/_components/editable-list";
import { ModelForm } from "@/app/_components/form";
import { useNotice } from "@/app/_components/notice";
import { useTRPC } from "@/app/_trpc/client";
import type { participantInput } from "@/domain/schemas";
import { sectors } from "@/domain/vocabulary";
import { type SectionProps, useInvalidateSession } from "./session";

type ParticipantValues = Pick<
  z.input<typeof participantInput>,
  "name" | "sector" | "organisationId" | "userId"
>;

/** Who is here: each with their sector (and organisation), to score the factors. */
export function Participants({ session: s, ids, editable }: SectionProps) {
  const t = useTranslations("reflections");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateSession();
  const add = useMutation(
    trpc.reflections.addParticipant.mutationOptions({ onSuccess: invalidate }),
  );
  const remove = useMutation(
    trpc.reflections.removeParticipant.mutationOptions({ onSuccess: invalidate }),
  );
  const notice = useNotice();
  // Members who take part with their account score a scoring round themselves, signed in.
  const members = useQuery({
    ...trpc.partnerships.members.queryOptions({ partnershipId: ids.partnershipId }),
    enabled: editable,
  });
  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading" className="utrecht-heading-2">
        {t("participantsTitle")}
      </h2>
      {notice.view}
      <EditableList
        items={s.participants}
        itemKey={(p) => p.id}
        empty={t("noParticipants")}
        run={notice.run}
        render={(p) => (
          <>
            {p.name} — {t(`sector.${p.sector}`)}
            {p.organisationName ? `, ${p.organisationName}` : ""}
            {p.userId ? ` (${t("participantWithAccount")})` : ""}
          </>
        )}
        action={
          editable
            ? {
                kind: "remove",
                name: (p) => p.name,
                run: (p) => remove.mutateAsync({ ...ids, participantId: p.id, version: p.version }),
                done: t("participantRemoved"),
              }
            : undefined
        }
      />
      {editable && (
        <>
          <h3 className="utrecht-heading-3">{t("addParticipant")}</h3>
          <ModelForm<ParticipantValues>
            layout="inline"
            resetOnSuccess
            submitLabel={t("addParticipantSubmit")}
            successMessage={t("participantAdded")}
            fields={[
              {
                name: "name",
                kind: "text",
                label: t("participantName"),
                hint: t("participantNameHint"),
                required: true,
              },
              {
                name: "sector",
                kind: "select",
                label: tf("sector"),
                required: true,
                options: sectors.map((x) => ({ value: x, label: t(`sector.${x}`) })),
              },
              {
                name: "organisationId",
                kind: "select",
                label: tf("organisationId"),
                nullable: true,
                options: s.partners.map((o) => ({ value: o.id, label: o.name })),
              },
              {
                name: "userId",
                kind: "select",
                label: t("participantAccount"),
                hint: t("participantAccountHint"),
                nullable: true,
                options: (members.data ?? [])
                  .filter((m) => m.active)
                  .map((m) => ({ value: m.userId, label: m.name })),
              },
            ]}
            onSubmit={(v, clientRequestId) => add.mutateAsync({ ...ids, clientRequestId, ...v })}
          />
        </>
      )}
    </section>
  );
}
