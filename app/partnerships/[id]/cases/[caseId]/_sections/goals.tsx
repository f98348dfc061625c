"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { EditableList } from "@/app/_components/editable-list";
import { ModelForm } from "@/app/_components/form";
import { useNotice } from "@/app/_components/notice";
import { useTRPC } from "@/app/_trpc/client";
import type { caseGoalInput } from "@/domain/schemas";
import { type Case, type Ids, useInvalidateCases } from "./case";

type GoalValues = z.input<typeof caseGoalInput>;

/** The case's GAS goals: each with its five levels, from −2 (much worse) to +2 (much better). */
export function Goals({ c, ids, editable }: { c: Case; ids: Ids; editable: boolean }) {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  const add = useMutation(trpc.cases.addGoal.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(trpc.cases.removeGoal.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  return (
    <section aria-labelledby="case-goals">
      <h2 id="case-goals" className="utrecht-heading-2">
        {t("goalsTitle")}
      </h2>
      {notice.view}
      <EditableList
        items={c.goals}
        itemKey={(g) => g.id}
        empty={t("noGoals")}
        run={notice.run}
        render={(g) => (
          <>
            <strong>{g.description}</strong> ({t("weight", { weight: g.weight })})
          </>
        )}
        action={
          editable
            ? {
                kind: "remove",
                name: (g) => g.description,
                run: (g) => remove.mutateAsync({ ...ids, goalId: g.id, version: g.version }),
                done: t("goalRemoved"),
              }
            : undefined
        }
        after={(g) => (
          <ul className="utrecht-unordered-list">
            <li className="utrecht-unordered-list__item">−2: {g.levelMinus2}</li>
            <li className="utrecht-unordered-list__item">−1: {g.levelMinus1}</li>
            <li className="utrecht-unordered-list__item">0: {g.level0}</li>
            <li className="utrecht-unordered-list__item">+1: {g.levelPlus1}</li>
            <li className="utrecht-unordered-list__item">+2: {g.levelPlus2}</li>
          </ul>
        )}
      />
      {editable && (
        <details className="smo-details">
          <summary>{t("addGoal")}</summary>
          <ModelForm<GoalValues>
            resetOnSuccess
            submitLabel={t("addGoal")}
            successMessage={t("goalAdded")}
            fields={[
              { name: "description", kind: "text", label: tf("description"), required: true },
              { name: "levelMinus2", kind: "text", label: tf("levelMinus2"), required: true },
              { name: "levelMinus1", kind: "text", label: tf("levelMinus1"), required: true },
              { name: "level0", kind: "text", label: tf("level0"), required: true },
              { name: "levelPlus1", kind: "text", label: tf("levelPlus1"), required: true },
              { name: "levelPlus2", kind: "text", label: tf("levelPlus2"), required: true },
              { name: "weight", kind: "number", label: tf("weight"), defaultValue: 1 },
            ]}
            onSubmit={(v, clientRequestId) =>
              // An empty weight is the default weight, 1.
              add.mutateAsync({ ...ids, clientRequestId, ...v, weight: v.weight ?? 1 })
            }
          />
        </details>
      )}
    </section>
  );
}
