"use client";

/**
 * Erasure (GDPR art. 17) on screen, for admins: an account's name and e-mail address, or a case
 * with everything of it, gone from every record and the audit log (admin.erasure.*). Both ask
 * once more, and say that it cannot be undone.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ModelForm } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { ConfirmedAction } from "@/app/_components/notice";
import { ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";

/** On an account's page: erase who this person is. */
export function EraseUser({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("erasure");
  const trpc = useTRPC();
  const invalidate = useInvalidate((trpc) => trpc.admin.pathFilter());
  const erase = useMutation(trpc.admin.erasure.user.mutationOptions({ onSuccess: invalidate }));
  return (
    <ConfirmedAction
      id="erase-user"
      title={t("userTitle")}
      button={t("userButton")}
      question={t("userConfirm", { name })}
      done={t("userErased")}
      busy={erase.isPending}
      onConfirm={() => erase.mutateAsync({ userId })}
    >
      <p className="utrecht-paragraph">{t("userIntro")}</p>
    </ConfirmedAction>
  );
}

/** A case, by its partnership and the code a coordinator reads off it. */
export function EraseCase() {
  const t = useTranslations("erasure");
  const tf = useTranslations("fields");
  const ta = useTranslations("app");
  const trpc = useTRPC();
  const partnerships = useQuery(trpc.partnerships.list.queryOptions({ page: 1, pageSize: 100 }));
  const erase = useMutation(trpc.admin.erasure.case.mutationOptions());
  return (
    <section aria-labelledby="erase-case-heading">
      <h2 id="erase-case-heading" className="utrecht-heading-2">
        {t("caseTitle")}
      </h2>
      <p className="utrecht-paragraph">{t("caseIntro")}</p>
      {partnerships.isPending ? (
        <Loading label={ta("loading")} />
      ) : partnerships.isError ? (
        <ErrorAlert message={partnerships.error.message} />
      ) : (
        <ModelForm<{ partnershipId: string; code: string; confirm: boolean }>
          submitLabel={t("caseButton")}
          successMessage={t("caseErased")}
          resetOnSuccess
          fields={[
            {
              name: "partnershipId",
              kind: "select",
              label: tf("partnershipId"),
              required: true,
              options: partnerships.data.items.map((p) => ({ value: p.id, label: p.name })),
            },
            { name: "code", kind: "text", label: tf("code"), hint: t("codeHint"), required: true },
            { name: "confirm", kind: "checkbox", label: t("caseConfirm") },
          ]}
          // An unticked box goes to the server as it is, which names it (it must be true).
          onSubmit={(v) => erase.mutateAsync({ ...v, confirm: v.confirm as true })}
        />
      )}
    </section>
  );
}
