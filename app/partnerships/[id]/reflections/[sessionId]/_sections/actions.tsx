"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { useDates } from "@/app/_components/dates";
import { EditableList } from "@/app/_components/editable-list";
import { ModelForm } from "@/app/_components/form";
import { useNotice } from "@/app/_components/notice";
import { useTRPC } from "@/app/_trpc/client";
import type { actionInput } from "@/domain/schemas";
import { type SectionProps, useInvalidateSession } from "./session";

type ActionValues = z.input<typeof actionInput>;

/** What the meeting agreed to do: who, by when. */
export function Actions({ session: s, ids, editable }: SectionProps) {
  const t = useTranslations("reflections");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateSession();
  const add = useMutation(trpc.reflections.addAction.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(
    trpc.reflections.removeAction.mutationOptions({ onSuccess: invalidate }),
  );
  const notice = useNotice();
  const date = useDates().day;
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading" className="utrecht-heading-2">
        {t("actionsTitle")}
      </h2>
      {notice.view}
      <EditableList
        items={s.actions}
        itemKey={(a) => a.id}
        empty={t("noActions")}
        run={notice.run}
        render={(a) => (
          <>
            <strong>{a.description}</strong> — {a.ownerName ?? "–"},{" "}
            {t("dueBy", { date: date(a.dueOn) })}
          </>
        )}
        action={
          editable
            ? {
                kind: "remove",
                name: (a) => a.description,
                run: (a) => remove.mutateAsync({ ...ids, actionId: a.id, version: a.version }),
                done: t("actionRemoved"),
              }
            : undefined
        }
      />
      {editable && (
        <>
          <h3 className="utrecht-heading-3">{t("addAction")}</h3>
          <ModelForm<ActionValues>
            resetOnSuccess
            submitLabel={t("addActionSubmit")}
            successMessage={t("actionAdded")}
            fields={[
              { name: "description", kind: "text", label: t("actionDescription"), required: true },
              {
                name: "ownerOrganisationId",
                kind: "select",
                label: tf("ownerOrganisationId"),
                nullable: true,
                options: s.partners.map((o) => ({ value: o.id, label: o.name })),
              },
              { name: "dueOn", kind: "date", label: tf("dueOn"), required: true },
            ]}
            onSubmit={(v, clientRequestId) => add.mutateAsync({ ...ids, clientRequestId, ...v })}
          />
        </>
      )}
    </section>
  );
}
