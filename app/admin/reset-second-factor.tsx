"use client";

/** On an account's page: whether it signs in with a second step, and resetting that (audited). */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useInvalidate } from "@/app/_components/invalidate";
import { ConfirmedAction } from "@/app/_components/notice";
import { useTRPC } from "@/app/_trpc/client";

export function ResetSecondFactor({ userId, enabled }: { userId: string; enabled: boolean }) {
  const t = useTranslations("admin.secondFactor");
  const trpc = useTRPC();
  const invalidate = useInvalidate((trpc) => trpc.admin.pathFilter());
  const reset = useMutation(
    trpc.admin.users.resetSecondFactor.mutationOptions({ onSuccess: invalidate }),
  );
  return (
    <ConfirmedAction
      id="second-factor"
      title={t("title")}
      button={t("reset")}
      question={t("resetConfirm")}
      done={enabled ? t("resetDone") : t("resetNone")}
      busy={reset.isPending}
      onConfirm={() => reset.mutateAsync({ userId })}
    >
      <p className="utrecht-paragraph">
        <span
          className={`utrecht-status-badge utrecht-status-badge--${enabled ? "success" : "inactive"}`}
        >
          {enabled ? t("on") : t("off")}
        </span>
      </p>
      <p className="utrecht-paragraph">{t("resetIntro")}</p>
    </ConfirmedAction>
  );
}
