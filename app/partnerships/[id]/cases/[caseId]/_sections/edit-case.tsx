"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ModelForm, useEditedVersion } from "@/app/_components/form";
import { useTRPC } from "@/app/_trpc/client";
import {
  type CaseFieldValues,
  checkedDomains,
  useProfileFields,
  useRhythmField,
} from "@/app/partnerships/[id]/cases/case-fields";
import { type Case, type Ids, useInvalidateCases } from "./case";

/** The case's own fields, to correct: age band, school, domains, joint plan, own reference. */
export function EditCase({ c, ids }: { c: Case; ids: Ids }) {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  const update = useMutation(trpc.cases.update.mutationOptions({ onSuccess: invalidate }));
  const [version, setVersion] = useEditedVersion(c.version);
  const profileFields = useProfileFields(c);
  const rhythmField = useRhythmField(c.checkInEveryWeeks);
  return (
    <details className="smo-details">
      <summary>{t("editCase")}</summary>
      <ModelForm<CaseFieldValues>
        submitLabel={t("saveCase")}
        successMessage={t("caseSaved")}
        fields={[
          ...profileFields,
          {
            name: "jointPlan",
            kind: "checkbox",
            label: tf("jointPlan"),
            defaultValue: c.jointPlan,
          },
          {
            name: "jointPlanSince",
            kind: "date",
            label: tf("jointPlanSince"),
            defaultValue: c.jointPlanSince ?? "",
          },
          rhythmField,
          {
            name: "internalReference",
            kind: "text",
            label: tf("internalReference"),
            defaultValue: c.internalReference,
            hint: t("referenceHint"),
          },
        ]}
        onSubmit={async (v) => {
          const saved = await update.mutateAsync({
            ...ids,
            version,
            ageBand: v.ageBand,
            schoolType: v.schoolType,
            problemDomains: checkedDomains(v),
            jointPlan: v.jointPlan,
            // The date counts only with a joint plan; left empty it is not known.
            jointPlanSince: v.jointPlan && v.jointPlanSince ? v.jointPlanSince : null,
            internalReference: v.internalReference,
            checkInEveryWeeks: v.checkInEveryWeeks,
          });
          setVersion(saved.version);
        }}
      />
    </details>
  );
}
