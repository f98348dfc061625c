"use client";

/** Which reminders the user receives by e-mail: one switch per kind, saved at once. */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useNotice } from "@/app/_components/notice";
import { Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";

export function MailPreferences() {
  const t = useTranslations("account.mail");
  const trpc = useTRPC();
  const query = useQuery(trpc.me.mail.kinds.queryOptions());
  const set = useMutation(
    trpc.me.mail.choose.mutationOptions({ onSuccess: () => void query.refetch() }),
  );
  const notice = useNotice();
  return (
    <section aria-labelledby="mail-heading">
      <h2 id="mail-heading" className="utrecht-heading-2">
        {t("title")}
      </h2>
      <p className="utrecht-paragraph">{t("intro")}</p>
      {notice.view}
      {query.isPending ? (
        <Loading label={t("loading")} />
      ) : (
        <fieldset className="utrecht-form-fieldset smo-choices">
          <legend>{t("legend")}</legend>
          {query.data?.kinds.map((k) => (
            <div key={k.kind} className="utrecht-form-field utrecht-form-field--checkbox">
              <input
                id={`mail-${k.kind}`}
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={k.on}
                disabled={set.isPending}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  void notice.run(
                    () => set.mutateAsync({ kind: k.kind, on }),
                    on ? t("on") : t("off"),
                  );
                }}
              />
              <label
                htmlFor={`mail-${k.kind}`}
                className="utrecht-form-label utrecht-form-label--checkbox"
              >
                {t(`kind.${k.kind}`)}
              </label>
            </div>
          ))}
        </fieldset>
      )}
    </section>
  );
}
