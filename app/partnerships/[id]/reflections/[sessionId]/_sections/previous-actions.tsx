"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { useDates } from "@/app/_components/dates";
import { ModelForm, useEditedVersion } from "@/app/_components/form";
import { EmptyState } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import type { actionReviewInput } from "@/domain/schemas";
import { type SectionProps, type Session, useInvalidateSession } from "./session";

type ReviewValues = Pick<z.input<typeof actionReviewInput>, "status" | "dropReason">;
type PreviousAction = Session["previousActions"][number];

/** Last time's actions, each with the meeting's verdict: done, continued or dropped (why). */
export function PreviousActions({ session: s, ids, editable }: SectionProps) {
  const t = useTranslations("reflections");
  const trpc = useTRPC();
  const invalidate = useInvalidateSession();
  const review = useMutation(
    trpc.reflections.reviewAction.mutationOptions({ onSuccess: invalidate }),
  );
  const date = useDates().day;
  if (!s.previous) return null;
  return (
    <section aria-labelledby="previous-heading">
      <h2 id="previous-heading" className="utrecht-heading-2">
        {t("previousTitle", { date: date(s.previous.heldOn) })}
      </h2>
      {s.previousActions.length === 0 ? (
        <EmptyState>{t("noPreviousActions")}</EmptyState>
      ) : (
        s.previousActions.map((a) => (
          <div key={a.id} className="smo-section">
            <p className="utrecht-paragraph">
              <strong>{a.description}</strong> — {a.ownerName ?? "–"},{" "}
              {t("dueBy", { date: date(a.dueOn) })}.{" "}
              <span className="utrecht-status-badge">{t(`actionStatus.${a.status}`)}</span>
              {a.status === "dropped" && a.dropReason && (
                <span className="smo-muted"> ({a.dropReason})</span>
              )}
            </p>
            {editable && (
              <ActionReviewForm
                action={a}
                onSubmit={(values, version) =>
                  review.mutateAsync({ ...ids, actionId: a.id, version, ...values })
                }
              />
            )}
          </div>
        ))
      )}
    </section>
  );
}

/** An action's verdict; saves name the version this form read. */
function ActionReviewForm({
  action,
  onSubmit,
}: {
  action: PreviousAction;
  onSubmit: (values: ReviewValues, version: number) => Promise<{ version: number }>;
}) {
  const t = useTranslations("reflections");
  const tf = useTranslations("fields");
  const [version, setVersion] = useEditedVersion(action.version);
  return (
    <ModelForm<ReviewValues>
      layout="inline"
      submitLabel={t("saveReview")}
      successMessage={t("saved")}
      fields={[
        {
          name: "status",
          kind: "select",
          label: tf("status"),
          // An open action has no verdict yet: the meeting chooses one ("Kies…"), never a default.
          defaultValue: action.status === "open" ? undefined : action.status,
          options: (["done", "continued", "dropped"] as const).map((v) => ({
            value: v,
            label: t(`actionStatus.${v}`),
          })),
        },
        {
          name: "dropReason",
          kind: "text",
          label: tf("dropReason"),
          defaultValue: action.dropReason,
        },
      ]}
      onSubmit={async (values) => {
        const saved = await onSubmit(values, version);
        setVersion(saved.version);
      }}
    />
  );
}
