"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useDates } from "@/app/_components/dates";
import { ModelForm } from "@/app/_components/form";
import { RemoveButton, type useNotice } from "@/app/_components/notice";
import { useTRPC } from "@/app/_trpc/client";
import { type Case, type Ids, useInvalidateCases } from "./case";

/**
 * The check-ins, newest first, with what each perspective said; open, each can be corrected or
 * removed. `notice` is the page's: its message stays when the last check-in is removed.
 */
export function Timeline({
  c,
  ids,
  editable,
  notice,
}: {
  c: Case;
  ids: Ids;
  editable: boolean;
  notice: ReturnType<typeof useNotice>;
}) {
  const t = useTranslations("cases");
  const ta = useTranslations("app");
  const date = useDates().day;
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  const remove = useMutation(trpc.cases.removeCheckIn.mutationOptions({ onSuccess: invalidate }));
  return (
    <>
      <h2 className="utrecht-heading-2">{t("timelineTitle")}</h2>
      {notice.view}
      <ol className="utrecht-unordered-list">
        {[...c.timeline].reverse().map((x) => (
          <li key={x.id} className="utrecht-unordered-list__item">
            <strong>{date(x.heldOn)}</strong>
            {x.createdByName ? ` — ${x.createdByName}` : ""}
            {editable && (
              <span className="smo-inline-actions">
                <Link
                  href={`/partnerships/${ids.partnershipId}/cases/${ids.caseId}/check-in?edit=${x.id}`}
                  className="utrecht-link utrecht-link--html-a"
                >
                  {ta("edit")}
                  <span className="smo-visually-hidden">
                    {" "}
                    {t("checkInOf", { date: date(x.heldOn) })}
                  </span>
                </Link>
                <RemoveButton
                  name={t("checkInOf", { date: date(x.heldOn) })}
                  question={t("confirmRemoveCheckIn", { date: date(x.heldOn) })}
                  onConfirm={() =>
                    void notice.run(
                      () => remove.mutateAsync({ ...ids, checkInId: x.id, version: x.version }),
                      t("checkInRemoved"),
                    )
                  }
                />
              </span>
            )}
            <ul className="utrecht-unordered-list">
              {x.ratings.map((r) => (
                <li key={r.perspective} className="utrecht-unordered-list__item">
                  {t(`perspective.${r.perspective}`)}
                  {r.viaLink ? ` (${t("viaLink")})` : ""}:{" "}
                  {t("ratingLine", { collaboration: r.collaboration, wellbeing: r.wellbeing })}
                  {r.comment ? ` — “${r.comment}”` : ""}
                  {r.viaLink && (
                    <VoiceReply
                      ids={ids}
                      voice={c.voices.find(
                        (v) => v.checkInId === x.id && v.perspective === r.perspective,
                      )}
                      editable={editable}
                    />
                  )}
                </li>
              ))}
              {x.professionalChanges > 0 && (
                <li className="utrecht-unordered-list__item">
                  {t("changesLine", { count: x.professionalChanges })}
                </li>
              )}
              {x.referrals.map((r) => (
                <li key={r.id} className="utrecht-unordered-list__item">
                  {t("referralLine", {
                    kind: t(`referral.${r.kind}`),
                    judgement: t(`judgement.${r.judgement}`),
                  })}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}

/** What the professional writes back on an answer given through a link (seen at the next link). */
function VoiceReply({
  ids,
  voice,
  editable,
}: {
  ids: Ids;
  voice: Case["voices"][number] | undefined;
  editable: boolean;
}) {
  const t = useTranslations("cases");
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  const reply = useMutation(trpc.cases.replyToVoice.mutationOptions({ onSuccess: invalidate }));
  if (!voice) return null;
  if (voice.reply)
    return <p className="utrecht-paragraph">{t("replied", { reply: voice.reply })}</p>;
  if (!editable) return null;
  return (
    <ModelForm<{ reply: string }>
      layout="inline"
      submitLabel={t("replySave")}
      successMessage={t("replySaved")}
      fields={[
        {
          name: "reply",
          kind: "textarea",
          label: t("replyLabel"),
          hint: t("replyHint"),
          required: true,
        },
      ]}
      onSubmit={(v) => reply.mutateAsync({ ...ids, responseId: voice.id, reply: v.reply })}
    />
  );
}
