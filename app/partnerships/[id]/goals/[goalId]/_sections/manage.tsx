"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ModelForm, useEditedVersion } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { RemoveButton, useNotice } from "@/app/_components/notice";
import { ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import {
  type GoalFormValues,
  goalInputFrom,
  type Partner,
  saveGoal,
  useGoalFields,
  useInvalidateGoals,
} from "@/app/partnerships/[id]/goals/goal-form";
import type { Goal } from "./goal";

/** Changing the goal (its fields and roles) and removing it. */
export function ManageGoal({
  partnershipId,
  goal,
  partners,
}: {
  partnershipId: string;
  goal: Goal;
  partners: Partner[];
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidateGoals();
  // The goal is gone: mark the goals stale without fetching this one again.
  const forget = useInvalidate((trpc) => ({ ...trpc.goals.pathFilter(), refetchType: "none" }));
  const goals = useQuery(trpc.goals.list.queryOptions({ partnershipId }));
  const update = useMutation(trpc.goals.update.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(
    trpc.goals.delete.mutationOptions({
      onSuccess: async () => {
        await forget();
        router.push(`/partnerships/${partnershipId}/goals`);
      },
    }),
  );
  const notice = useNotice();
  // The version the edit form was opened with, also the one a removal refers to.
  const [version, setVersion] = useEditedVersion(goal.version);
  const fields = useGoalFields({ goals: goals.data ?? [], partners, goal });
  const partnerIds = new Set(partners.map((p) => p.organisationId));
  const lostRoles = goal.roles.some((r) => !partnerIds.has(r.organisationId));
  return (
    <section aria-labelledby="manage-heading">
      <h2 id="manage-heading" className="utrecht-heading-2">
        {t("goals.manage")}
      </h2>
      <details className="smo-details">
        <summary>{t("goals.editGoal")}</summary>
        {goals.isPending ? (
          <Loading label={t("app.loading")} />
        ) : goals.isError ? (
          // Without the goals the parent cannot be offered, and saving would drop it.
          <ErrorAlert message={goals.error.message} />
        ) : (
          <>
            {lostRoles && <p className="utrecht-paragraph">{t("goals.rolesOfRemoved")}</p>}
            <ModelForm<GoalFormValues>
              submitLabel={t("app.save")}
              successMessage={t("goals.goalSaved")}
              fields={fields}
              onSubmit={async (v) => {
                const input = goalInputFrom(v, partners);
                const saved = await saveGoal(input.roles, () =>
                  update.mutateAsync({ partnershipId, goalId: goal.id, version, ...input }),
                );
                setVersion(saved.version);
              }}
            />
          </>
        )}
      </details>
      <h3 className="utrecht-heading-3">{t("goals.deleteGoal")}</h3>
      <p className="utrecht-paragraph">{t("goals.deleteHint")}</p>
      {notice.view}
      <div className="utrecht-button-group">
        <RemoveButton
          name={goal.title}
          onConfirm={() =>
            void notice.run(
              () => remove.mutateAsync({ partnershipId, goalId: goal.id, version }),
              t("goals.goalDeleted"),
            )
          }
        />
      </div>
    </section>
  );
}
