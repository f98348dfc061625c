"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { DataTable } from "@/app/_components/data-table";
import { ModelForm } from "@/app/_components/form";
import { EmptyState } from "@/app/_components/states";
import { useTableContext } from "@/app/_components/table-context";
import { useTRPC } from "@/app/_trpc/client";
import { useInvalidateGoals } from "@/app/partnerships/[id]/goals/goal-form";
import { reviewsTable } from "@/app/partnerships/[id]/goals/tables";
import type { goalReviewInput } from "@/domain/schemas";
import { goalVerdicts } from "@/domain/vocabulary";
import type { Goal } from "./goal";

type ReviewValues = z.input<typeof goalReviewInput>;

/** The leaders' verdicts on the goal, and (for a leader) a new one. */
export function Reviews({
  partnershipId,
  goal,
  canReview,
}: {
  partnershipId: string;
  goal: Goal;
  canReview: boolean;
}) {
  const t = useTranslations();
  const tables = useTableContext();
  const trpc = useTRPC();
  const invalidate = useInvalidateGoals();
  const review = useMutation(trpc.goals.review.mutationOptions({ onSuccess: invalidate }));
  return (
    <section aria-labelledby="reviews-heading">
      <h2 id="reviews-heading" className="utrecht-heading-2">
        {t("goals.reviews")}
      </h2>
      {goal.reviews.length === 0 ? (
        <EmptyState>{t("goals.noReviews")}</EmptyState>
      ) : (
        <DataTable
          caption={t("goals.reviewsCaption", { title: goal.title })}
          table={reviewsTable(goal, tables, (r) => (
            <span style={{ whiteSpace: "pre-line" }}>{r.comment}</span>
          ))}
          rowKey={(r) => r.id}
          csv={`/partnerships/${partnershipId}/goals/${goal.id}/export/reviews.csv`}
        />
      )}
      {canReview && (
        <>
          <h3 className="utrecht-heading-3">{t("goals.review")}</h3>
          <p className="utrecht-paragraph">{t("goals.reviewIntro")}</p>
          <ModelForm<ReviewValues>
            submitLabel={t("goals.reviewSubmit")}
            successMessage={t("goals.reviewSaved")}
            resetOnSuccess
            fields={[
              {
                name: "verdict",
                kind: "select",
                label: t("fields.verdict"),
                hint: t("goals.verdictHint"),
                required: true,
                options: goalVerdicts.map((v) => ({ value: v, label: t(`goals.verdict.${v}`) })),
              },
              { name: "comment", kind: "textarea", label: t("fields.comment") },
            ]}
            onSubmit={(v) => review.mutateAsync({ partnershipId, goalId: goal.id, ...v })}
          />
        </>
      )}
    </section>
  );
}
