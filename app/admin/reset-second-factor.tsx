"use client";

/** On an account's page: whether it signs in with a second step, and resetting that (audited). */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useInvalidate } from "@/app/_components/invalidate";
import { useNotice } from "@/app/_components/notice";
import { useTRPC } from "@/app/_trpc/client";

export function ResetSecondFactor({ userId, enabled }: { userId: string; enabled: boolean }) {
  const t = useTranslations("admin.secondFactor");
  const trpc = useTRPC();
  const invalidate = useInvalidate((trpc) => trpc.admin.pathFilter());
  const reset = useMutation(
    trpc.admin.users.resetSecondFactor.mutationOptions({ onSuccess: invalidate }),
  );
  const notice = useNotice();
  return (
    <section aria-labelledby="second-factor-heading">
      <h2 id="second-factor-heading" className="utrecht-heading-2">
        {t("title")}
      </h2>
      <p className="utrecht-paragraph">
        <span
          className={`utrecht-status-badge utrecht-status-badge--${enabled ? "success" : "inactive"}`}
        >
          {enabled ? t("on") : t("off")}
        </span>
      </p>
      <p className="utrecht-paragraph">{t("resetIntro")}</p>
      {notice.view}
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={reset.isPending}
        onClick={() => {
          if (window.confirm(t("resetConfirm")))
            void notice.run(
              () => reset.mutateAsync({ userId }),
              enabled ? t("resetDone") : t("resetNone"),
            );
        }}
      >
        {t("reset")}
      </button>
    </section>
  );
}
