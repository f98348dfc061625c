"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { ModelForm } from "@/app/_components/form";
import { useNotice } from "@/app/_components/notice";
import { formatScore } from "@/app/_components/status";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterInputs } from "@/app/_trpc/types";
import { type Ids, type Session, useInvalidateSession } from "./session";

type ReopenValues = Pick<RouterInputs["reflections"]["reopen"], "reason">;

/** A leader signs the session off (locking it), or reopens it naming why. */
export function SignOff({ session: s, ids }: { session: Session; ids: Ids }) {
  const t = useTranslations("reflections");
  const trpc = useTRPC();
  const invalidate = useInvalidateSession();
  // A refused sign-off (the session changed meanwhile) brings the latest state on screen too.
  const signOff = useMutation(
    trpc.reflections.signOff.mutationOptions({ onSuccess: invalidate, onError: invalidate }),
  );
  const reopen = useMutation(trpc.reflections.reopen.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  const locale = useLocale();
  if (!s.can.signOff) return null;
  return (
    <section aria-labelledby="signoff-heading">
      <h2 id="signoff-heading" className="utrecht-heading-2">
        {t("signOffTitle")}
      </h2>
      {notice.view}
      {s.status === "signed_off" ? (
        <ModelForm<ReopenValues>
          submitLabel={t("reopen")}
          fields={[{ name: "reason", kind: "text", label: t("reopenReason"), required: true }]}
          onSubmit={(v) => reopen.mutateAsync({ ...ids, version: s.version, ...v })}
        />
      ) : (
        <>
          <p className="utrecht-paragraph">
            {t("signOffIntro", {
              index: formatScore(s.summary.index, locale),
              participants: s.summary.participantsScored,
            })}
          </p>
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            onClick={() => {
              if (window.confirm(t("signOffConfirm")))
                void notice.run(
                  () => signOff.mutateAsync({ ...ids, version: s.version, revision: s.revision }),
                  t("signedOff"),
                );
            }}
          >
            {t("signOff")}
          </button>
        </>
      )}
    </section>
  );
}
