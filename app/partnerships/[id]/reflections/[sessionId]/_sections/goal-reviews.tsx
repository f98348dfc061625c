"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { z } from "zod";
import { ModelForm, useEditedVersion } from "@/app/_components/form";
import { EmptyState } from "@/app/_components/states";
import { GoalStatusBadge } from "@/app/_components/status";
import { useTRPC } from "@/app/_trpc/client";
import type { sessionGoalReviewInput } from "@/domain/schemas";
import { intlLocale } from "@/i18n/locales";
import { type SectionProps, useInvalidateSession } from "./session";

type ReviewValues = Pick<z.input<typeof sessionGoalReviewInput>, "assessment" | "story">;

/** The partnership's goals, each with this meeting's assessment and its story. */
export function GoalReviews({ session: s, ids, editable }: SectionProps) {
  const t = useTranslations("reflections");
  const locale = useLocale();
  const trpc = useTRPC();
  const invalidate = useInvalidateSession();
  const save = useMutation(
    trpc.reflections.saveGoalReview.mutationOptions({ onSuccess: invalidate }),
  );
  return (
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading" className="utrecht-heading-2">
        {t("goalsTitle")}
      </h2>
      {s.goals.length > 0 && <p className="utrecht-paragraph">{t("goalsIntro")}</p>}
      {s.goals.length === 0 ? (
        <EmptyState>{t("noGoals")}</EmptyState>
      ) : (
        s.goals.map((g) => (
          <div key={g.id} className="smo-section">
            <h3 className="utrecht-heading-3">
              <Link
                href={`/partnerships/${ids.partnershipId}/goals/${g.id}`}
                className="utrecht-link utrecht-link--html-a"
              >
                {g.title}
              </Link>
            </h3>
            <p className="utrecht-paragraph">
              <GoalStatusBadge status={g.status} />{" "}
              {g.progress !== null &&
                t("progress", {
                  value: new Intl.NumberFormat(intlLocale(locale), {
                    style: "percent",
                  }).format(g.progress),
                })}
            </p>
            {editable ? (
              <GoalReviewForm
                review={g.review}
                onSubmit={(v, version) => save.mutateAsync({ ...ids, goalId: g.id, version, ...v })}
              />
            ) : g.review ? (
              <p className="utrecht-paragraph">
                <strong>{t(`assessment.${g.review.assessment}`)}</strong>
                {g.review.story ? ` — ${g.review.story}` : ""}
              </p>
            ) : null}
          </div>
        ))
      )}
    </section>
  );
}

/** A goal's review in this session; saves name the version this form read (0: none yet). */
function GoalReviewForm({
  review,
  onSubmit,
}: {
  review: { assessment: ReviewValues["assessment"]; story: string; version: number } | null;
  onSubmit: (values: ReviewValues, version: number) => Promise<{ version: number }>;
}) {
  const t = useTranslations("reflections");
  const tf = useTranslations("fields");
  const [version, setVersion] = useEditedVersion(review?.version ?? 0);
  return (
    <ModelForm<ReviewValues>
      submitLabel={t("saveGoalReview")}
      successMessage={t("saved")}
      fields={[
        {
          name: "assessment",
          kind: "select",
          label: tf("assessment"),
          defaultValue: review?.assessment ?? "unclear",
          options: (["on_track", "at_risk", "off_track", "unclear"] as const).map((a) => ({
            value: a,
            label: t(`assessment.${a}`),
          })),
        },
        { name: "story", kind: "textarea", label: tf("story"), defaultValue: review?.story ?? "" },
      ]}
      onSubmit={async (values) => {
        const saved = await onSubmit(values, version);
        setVersion(saved.version);
      }}
    />
  );
}
