"use client";

/**
 * The questions behind a personal link, one per screen, for a phone first: an intro with what
 * happens with the answer, two choices on a 1–5 scale (words with the numbers), an optional
 * comment, then a thank-you. Plain Dutch at B1 level: "u" for a parent, "je" for a young person
 * (the link says which). Errors in the GOV.UK pattern: a summary at the top that takes the
 * focus, the message beside the field, and what was typed kept.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import { Questions } from "./_sections/questions";
import { AlreadyAnswered, InvalidLink, Screen, Thanks } from "./_sections/screens";
import { errorCode, type Outcome } from "./_sections/voice";

export function VoiceForm({ token }: { token: string }) {
  const trpc = useTRPC();
  // Opening is audited on the server: once per visit, not again on focus or reconnect.
  const open = useQuery(
    trpc.voice.open.queryOptions(
      { token },
      { retry: false, staleTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false },
    ),
  );
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const t = useTranslations("voice");

  let content: React.ReactNode;
  const openCode = errorCode(open.error);
  if (outcome === "invalid" || openCode === "NOT_FOUND" || openCode === "BAD_REQUEST") {
    content = <InvalidLink focus={outcome === "invalid"} />;
  } else if (outcome === "tooMany" || openCode === "TOO_MANY_REQUESTS") {
    content = (
      <Screen title={t("tooMany.title")} focus={outcome === "tooMany"}>
        <p className="utrecht-paragraph">{t("tooMany.text")}</p>
      </Screen>
    );
  } else if (open.isPending) {
    content = <Loading label={t("loading")} />;
  } else if (open.isError) {
    content = (
      <Screen title={t("failed.title")}>
        <p className="utrecht-paragraph">{t("failed.text")}</p>
        <div className="utrecht-button-group smo-voice-buttons">
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            onClick={() => void open.refetch()}
          >
            {t("failed.retry")}
          </button>
        </div>
      </Screen>
    );
  } else {
    const p = open.data.perspective;
    if (outcome === "thanks") content = <Thanks perspective={p} />;
    else if (outcome === "already" || open.data.answered)
      content = <AlreadyAnswered perspective={p} focus={outcome === "already"} />;
    else
      content = (
        <Questions
          token={token}
          perspective={p}
          expiresAt={open.data.expiresAt}
          onOutcome={setOutcome}
        />
      );
  }

  const replies = open.data?.replies ?? [];
  return (
    <div className="smo-voice">
      {content}
      {replies.length > 0 && (
        <section className="smo-voice-privacy" aria-labelledby="voice-replies">
          <h2 id="voice-replies" className="utrecht-heading-2">
            {t("repliesTitle")}
          </h2>
          {replies.map((r) => (
            <p key={r.repliedAt.toISOString()} className="utrecht-paragraph smo-heard-text">
              {r.reply}
            </p>
          ))}
        </section>
      )}
    </div>
  );
}
