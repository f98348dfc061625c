"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDates } from "@/app/_components/dates";
import { ModelForm, useEditedVersion } from "@/app/_components/form";
import { useNotice } from "@/app/_components/notice";
import { useTRPC } from "@/app/_trpc/client";
import { today } from "@/domain/dates";
import { type SectionProps, useInvalidateSession } from "./session";

/** Whether the session's day is still to come (on this device's calendar). */
export function heldLater(heldOn: string) {
  return heldOn > today();
}

/**
 * The session's date, in the header where it is read: a session planned for a later day can be
 * held today with one click (it takes today's date, so it can be signed off afterwards), and
 * any date can be changed here.
 */
export function HeldOn(section: SectionProps) {
  const { session: s, ids, editable } = section;
  const t = useTranslations("reflections");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateSession();
  const date = useDates().day;
  const update = useMutation(trpc.reflections.update.mutationOptions({ onSuccess: invalidate }));
  const [version, setVersion] = useEditedVersion(s.version);
  if (!editable) return null;
  return (
    <>
      {heldLater(s.heldOn) && (
        <div className="utrecht-alert utrecht-alert--info" id="held-later">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph utrecht-alert__message">
              {t("plannedFor", { date: date(s.heldOn) })}
            </p>
            <HoldToday {...section} />
          </div>
        </div>
      )}
      <details className="smo-details">
        <summary>{t("changeDate")}</summary>
        <ModelForm<{ heldOn: string }>
          submitLabel={t("saveDate")}
          successMessage={t("saved")}
          fields={[
            {
              name: "heldOn",
              kind: "date",
              label: tf("heldOn"),
              defaultValue: s.heldOn,
              required: true,
            },
          ]}
          onSubmit={async (v) => {
            const saved = await update.mutateAsync({ ...ids, version, heldOn: v.heldOn });
            setVersion(saved.version);
          }}
        />
      </details>
    </>
  );
}

/** "Vandaag houden": the session takes today's date; what went wrong is said beside it. */
export function HoldToday({ session: s, ids }: SectionProps) {
  const t = useTranslations("reflections");
  const trpc = useTRPC();
  const invalidate = useInvalidateSession();
  const notice = useNotice();
  const holdToday = useMutation(
    trpc.reflections.holdToday.mutationOptions({ onSuccess: invalidate }),
  );
  return (
    <>
      <button
        type="button"
        className="utrecht-button utrecht-button--primary-action"
        disabled={holdToday.isPending}
        onClick={() =>
          void notice.run(
            () => holdToday.mutateAsync({ ...ids, version: s.version }),
            t("heldTodayDone"),
          )
        }
      >
        {t("holdToday")}
      </button>
      {notice.view}
    </>
  );
}
