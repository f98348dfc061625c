"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { ModelForm, useEditedVersion } from "@/app/_components/form";
import { useTRPC } from "@/app/_trpc/client";
import type { closeCaseInput } from "@/domain/schemas";
import { caseEndings, goalRealisations } from "@/domain/vocabulary";
import { type Case, type Ids, useInvalidateCases } from "./case";

type CloseValues = z.input<typeof closeCaseInput>;

/**
 * Closing the case with the harmonised outcome set: when and how it ended, whether the child
 * can go on without help, whether the goals were realised, and (if known) how satisfied parent
 * and young person were.
 */
export function CloseCase({ c, ids }: { c: Case; ids: Ids }) {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  const close = useMutation(trpc.cases.close.mutationOptions({ onSuccess: invalidate }));
  const [version] = useEditedVersion(c.version);
  const satisfaction = ([1, 2, 3, 4, 5] as const).map((n) => ({
    value: n,
    label: t(`satisfaction.${n}`),
  }));
  return (
    <section aria-labelledby="case-close">
      <h2 id="case-close" className="utrecht-heading-2">
        {t("closeTitle")}
      </h2>
      <details className="smo-details">
        <summary>{t("closeOpen")}</summary>
        <ModelForm<CloseValues>
          submitLabel={t("close")}
          fields={[
            {
              name: "closedOn",
              kind: "date",
              label: tf("closedOn"),
              defaultValue: new Date().toISOString().slice(0, 10),
              required: true,
            },
            {
              name: "ending",
              kind: "select",
              label: tf("ending"),
              required: true,
              options: caseEndings.map((e) => ({ value: e, label: t(`ending.${e}`) })),
            },
            {
              name: "continuesWithoutHelp",
              kind: "select",
              label: tf("continuesWithoutHelp"),
              nullable: true,
              emptyLabel: t("notKnown"),
              options: [
                { value: true, label: t("yes") },
                { value: false, label: t("no") },
              ],
            },
            {
              name: "goalsRealised",
              kind: "select",
              label: tf("goalsRealised"),
              nullable: true,
              emptyLabel: t("notKnown"),
              options: goalRealisations.map((r) => ({ value: r, label: t(`realised.${r}`) })),
            },
            {
              name: "satisfactionParent",
              kind: "select",
              label: tf("satisfactionParent"),
              nullable: true,
              emptyLabel: t("notKnown"),
              options: satisfaction,
            },
            {
              name: "satisfactionYoungPerson",
              kind: "select",
              label: tf("satisfactionYoungPerson"),
              nullable: true,
              emptyLabel: t("notKnown"),
              options: satisfaction,
            },
          ]}
          onSubmit={async (v) => {
            // Closing ends check-ins and personal links: asked once, naming the outcome.
            if (v.ending && !window.confirm(t("confirmClose", { ending: t(`ending.${v.ending}`) })))
              return;
            await close.mutateAsync({ ...ids, version, ...v });
          }}
        />
      </details>
    </section>
  );
}
