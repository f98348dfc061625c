"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { ModelForm, useEditedVersion } from "@/app/_components/form";
import { useTRPC } from "@/app/_trpc/client";
import type { sessionHeaderInput } from "@/domain/schemas";
import { type SectionProps, useInvalidateSession } from "./session";

type ReflectionValues = Pick<z.input<typeof sessionHeaderInput>, "whatWorks" | "whatDoesNot">;

/** What works and what does not (the date is changed in the header). */
export function Reflection({ session: s, ids, editable }: SectionProps) {
  const t = useTranslations("reflections");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateSession();
  const update = useMutation(trpc.reflections.update.mutationOptions({ onSuccess: invalidate }));
  const [version, setVersion] = useEditedVersion(s.version);
  return (
    <section aria-labelledby="reflection-heading">
      <h2 id="reflection-heading" className="utrecht-heading-2">
        {t("reflectionTitle")}
      </h2>
      {editable ? (
        <ModelForm<ReflectionValues>
          submitLabel={t("saveReflection")}
          successMessage={t("saved")}
          fields={[
            {
              name: "whatWorks",
              kind: "textarea",
              label: tf("whatWorks"),
              defaultValue: s.whatWorks,
            },
            {
              name: "whatDoesNot",
              kind: "textarea",
              label: tf("whatDoesNot"),
              defaultValue: s.whatDoesNot,
            },
          ]}
          onSubmit={async (v) => {
            const saved = await update.mutateAsync({ ...ids, version, ...v });
            setVersion(saved.version);
          }}
        />
      ) : (
        <dl className="utrecht-data-list">
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{tf("whatWorks")}</dt>
            <dd className="utrecht-data-list__item-value">{s.whatWorks || "–"}</dd>
          </div>
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{tf("whatDoesNot")}</dt>
            <dd className="utrecht-data-list__item-value">{s.whatDoesNot || "–"}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
