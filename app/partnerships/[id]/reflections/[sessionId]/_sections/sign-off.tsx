"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useDates } from "@/app/_components/dates";
import { ModelForm } from "@/app/_components/form";
import { useNotice } from "@/app/_components/notice";
import { formatScore } from "@/app/_components/status";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterInputs } from "@/app/_trpc/types";
import { answeredIn, scoringProgress } from "@/domain/score-progress";
import { HoldToday, heldLater } from "./held-on";
import { type SectionProps, useInvalidateSession } from "./session";

type ReopenValues = Pick<RouterInputs["reflections"]["reopen"], "reason">;

/**
 * A leader signs the session off (locking it), or reopens it naming why. Before signing off the
 * leader is told what is still open (last time's actions not discussed, factors not scored by
 * everyone) and confirms; a session whose day is still to come says how to hold it today.
 */
export function SignOff(section: SectionProps) {
  const { session: s, ids } = section;
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
  const date = useDates().day;
  const [confirming, setConfirming] = useState(false);
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
      ) : heldLater(s.heldOn) ? (
        <>
          <p className="utrecht-paragraph">{t("signOffLater", { date: date(s.heldOn) })}</p>
          {s.can.fillSessions ? (
            <HoldToday {...section} />
          ) : (
            <p className="utrecht-paragraph">{t("signOffLaterAsk")}</p>
          )}
        </>
      ) : (
        <>
          <p className="utrecht-paragraph">
            {t("signOffIntro", {
              index: formatScore(s.summary.index, locale),
              participants: s.summary.participantsScored,
            })}
          </p>
          {confirming ? (
            <SignOffCheck
              {...section}
              onCancel={() => setConfirming(false)}
              onConfirm={() => {
                setConfirming(false);
                void notice.run(
                  () => signOff.mutateAsync({ ...ids, version: s.version, revision: s.revision }),
                  t("signedOff"),
                );
              }}
            />
          ) : (
            <button
              type="button"
              className="utrecht-button utrecht-button--primary-action"
              onClick={() => setConfirming(true)}
            >
              {t("signOff")}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** What is still open, said before the leader confirms the sign-off. */
function SignOffCheck({
  session: s,
  onCancel,
  onConfirm,
}: SectionProps & { onCancel: () => void; onConfirm: () => void }) {
  const t = useTranslations("reflections");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // Last time's actions still to come back to: not yet given a verdict in this meeting.
  const openActions = s.previousActions.filter((a) => a.reviewedInSessionId !== s.id).length;
  const progress = scoringProgress(
    s.instrument,
    s.participants.map((p) => p.id),
    answeredIn(s.scores),
  );
  const unscored = progress.open.length;
  const allClear = openActions === 0 && unscored === 0;
  return (
    <section
      className={`utrecht-alert utrecht-alert--${allClear ? "info" : "warning"}`}
      aria-labelledby="signoff-check-heading"
    >
      <div className="utrecht-alert__content">
        <h3 id="signoff-check-heading" className="utrecht-heading-3" tabIndex={-1} ref={heading}>
          {t(allClear ? "signOffCheckClear" : "signOffCheckOpen")}
        </h3>
        {!allClear && (
          <ul className="utrecht-unordered-list">
            {openActions > 0 && (
              <li className="utrecht-unordered-list__item">
                <a href="#previous-heading" className="utrecht-link utrecht-link--html-a">
                  {t("signOffOpenActions", { count: openActions })}
                </a>
              </li>
            )}
            {unscored > 0 && (
              <li className="utrecht-unordered-list__item">
                <a
                  href={`#factor-${progress.open[0]}`}
                  className="utrecht-link utrecht-link--html-a"
                >
                  {t("signOffUnscored", { count: unscored, total: progress.factors.total })}
                </a>
              </li>
            )}
          </ul>
        )}
        <p className="utrecht-paragraph">{t("signOffConfirm")}</p>
        <div className="utrecht-button-group">
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            onClick={onConfirm}
          >
            {t(allClear ? "signOffYes" : "signOffAnyway")}
          </button>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={onCancel}
          >
            {t("signOffBack")}
          </button>
        </div>
      </div>
    </section>
  );
}
