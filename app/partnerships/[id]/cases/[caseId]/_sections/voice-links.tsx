"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DataTable } from "@/app/_components/data-table";
import { ModelForm } from "@/app/_components/form";
import { useNotice } from "@/app/_components/notice";
import { ShownLink } from "@/app/_components/shown-link";
import { useTableContext } from "@/app/_components/table-context";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterInputs } from "@/app/_trpc/types";
import { voiceLinksTable } from "@/app/partnerships/[id]/cases/tables";
import { type Case, type Ids, useInvalidateCases } from "./case";

type LinkValues = Pick<RouterInputs["cases"]["createLink"], "perspective">;

/**
 * Personal links for the parent or the young person to give their view themselves: made here,
 * shown once to copy, listed with their state, revoked while open.
 */
export function VoiceLinks({ c, ids }: { c: Case; ids: Ids }) {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  const create = useMutation(trpc.cases.createLink.mutationOptions({ onSuccess: invalidate }));
  const revoke = useMutation(trpc.cases.revokeLink.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  const tables = useTableContext();
  const [created, setCreated] = useState<{
    url: string;
    perspective: LinkValues["perspective"];
  } | null>(null);
  return (
    <section aria-labelledby="case-links">
      <h2 id="case-links" className="utrecht-heading-2">
        {t("linksTitle")}
      </h2>
      <p className="utrecht-paragraph">{t("linksIntro")}</p>
      {notice.view}
      <ModelForm<LinkValues>
        layout="inline"
        submitLabel={t("createLink")}
        fields={[
          {
            name: "perspective",
            kind: "select",
            label: tf("perspective"),
            defaultValue: "parent",
            options: (["parent", "young_person"] as const).map((p) => ({
              value: p,
              label: t(`perspective.${p}`),
            })),
          },
        ]}
        onSubmit={async (v) => {
          const link = await create.mutateAsync({ ...ids, ...v });
          setCreated({ url: `${window.location.origin}${link.path}`, perspective: v.perspective });
        }}
      />
      {created && (
        <div className="utrecht-alert utrecht-alert--ok" role="status">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph">
              {t("linkCreated", { who: t(`perspective.${created.perspective}`) })}
            </p>
            <ShownLink
              id="voice-link"
              url={created.url}
              label={t("linkLabel")}
              copyLabel={t("copyLink")}
            />
          </div>
        </div>
      )}
      {c.links.length > 0 && (
        <DataTable
          caption={t("linksTitle")}
          table={voiceLinksTable(c, tables, (l) =>
            l.state === "open" ? (
              <button
                type="button"
                className="utrecht-button utrecht-button--subtle"
                onClick={() =>
                  void notice.run(
                    () => revoke.mutateAsync({ ...ids, linkId: l.id }),
                    t("linkRevoked"),
                  )
                }
              >
                {t("revokeLink")}
              </button>
            ) : (
              "–"
            ),
          )}
          rowKey={(l) => l.id}
          csv={`/partnerships/${ids.partnershipId}/cases/${ids.caseId}/export/links.csv`}
        />
      )}
    </section>
  );
}
