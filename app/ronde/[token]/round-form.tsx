"use client";

/**
 * A scoring round through a personal link, for a phone first: an intro (what happens with the
 * answers, that nobody sees them before the meeting), then one level of the instrument per
 * screen — each question with the five answers in words and "weet ik niet" — and a send
 * button. Every question may be left as "weet ik niet"; nothing is required but one answer.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useDates } from "@/app/_components/dates";
import { Loading } from "@/app/_components/states";
import { describeError, useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/app/_trpc/types";
import { InvalidLink, Screen } from "@/app/stem/[token]/_sections/screens";
import { errorCode } from "@/app/stem/[token]/_sections/voice";
import { Heard } from "./heard";

const SCALE = [1, 2, 3, 4, 5] as const;

export function RoundForm({ token }: { token: string }) {
  const t = useTranslations("roundLink");
  const trpc = useTRPC();
  const open = useQuery(
    trpc.roundLink.open.queryOptions(
      { token },
      { retry: false, staleTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false },
    ),
  );
  const code = errorCode(open.error);
  let content: React.ReactNode;
  if (code === "NOT_FOUND" || code === "BAD_REQUEST") content = <InvalidLink focus={false} />;
  else if (code === "TOO_MANY_REQUESTS")
    content = (
      <Screen title={t("tooManyTitle")}>
        <p className="utrecht-paragraph">{t("tooManyText")}</p>
      </Screen>
    );
  else if (open.isPending) content = <Loading label={t("loading")} />;
  else if (open.isError)
    content = (
      <Screen title={t("failedTitle")}>
        <button
          type="button"
          className="utrecht-button utrecht-button--primary-action"
          onClick={() => void open.refetch()}
        >
          {t("retry")}
        </button>
      </Screen>
    );
  else content = <Round token={token} data={open.data} />;
  return <div className="smo-voice">{content}</div>;
}

type Opened = RouterOutputs["roundLink"]["open"];

function Round({ token, data }: { token: string; data: Opened }) {
  const t = useTranslations("roundLink");
  const locale = useLocale() as "nl" | "en";
  const { day } = useDates();
  const trpc = useTRPC();
  const send = useMutation(trpc.roundLink.submit.mutationOptions());
  // -1 is the intro; 0… the levels.
  const [step, setStep] = useState(-1);
  const [values, setValues] = useState(new Map<string, number | null>());
  const [outcome, setOutcome] = useState<"sent" | "already" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const you = data.sector === "young_person" ? "je" : "u";

  if (outcome === "sent" || outcome === "already" || data.answered) {
    return (
      <>
        <Screen title={outcome === "sent" ? t("thanksTitle") : t("answeredTitle")} focus panel>
          <p className="utrecht-paragraph">{t(`thanksText_${you}`, { day: day(data.heldOn) })}</p>
        </Screen>
        <Heard heard={data.heard} />
      </>
    );
  }
  if (!data.takesScores) {
    return (
      <>
        <Screen title={t("closedTitle")}>
          <p className="utrecht-paragraph">{t(`closedText_${you}`)}</p>
        </Screen>
        <Heard heard={data.heard} />
      </>
    );
  }
  if (step === -1) {
    return (
      <Screen title={t(`introTitle_${you}`)}>
        <p className="utrecht-paragraph">{t(`intro_${you}`, { day: day(data.heldOn) })}</p>
        <div className="smo-voice-privacy">
          <h2 className="utrecht-heading-2">{t("privacyTitle")}</h2>
          <ul>
            <li>{t(`privacy1_${you}`)}</li>
            <li>{t(`privacy2_${you}`)}</li>
            <li>{t(`privacy3_${you}`)}</li>
          </ul>
        </div>
        <div className="utrecht-button-group smo-voice-buttons">
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            onClick={() => setStep(0)}
          >
            {t("start")}
          </button>
        </div>
      </Screen>
    );
  }

  const level = data.levels[step];
  if (!level) return null;
  const last = step === data.levels.length - 1;
  const answered = [...values.values()].filter((v) => v !== null).length;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!last) {
          setStep(step + 1);
          window.scrollTo({ top: 0 });
          return;
        }
        if (answered === 0) {
          setProblem(t(`nothingAnswered_${you}`));
          return;
        }
        setProblem(null);
        send.mutate(
          { token, scores: [...values].map(([factorId, score]) => ({ factorId, score })) },
          {
            onSuccess: (r) => setOutcome(r.alreadyReceived ? "already" : "sent"),
            onError: (error) => setProblem(describeError(error, t("sendFailed")).message),
          },
        );
      }}
    >
      <Screen title={level.label[locale]} focus>
        <p className="smo-voice-caption">
          {t("progress", { current: step + 1, total: data.levels.length })}
        </p>
        <div className="smo-voice-bar" aria-hidden="true">
          {data.levels.map((l, i) => (
            <span key={l.id} data-done={i <= step ? "" : undefined} />
          ))}
        </div>
        {problem && (
          <div className="utrecht-alert utrecht-alert--error" role="alert">
            <p className="utrecht-paragraph">{problem}</p>
          </div>
        )}
        {level.factors.map((f) => (
          <fieldset
            key={f.id}
            className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
          >
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              <span className="utrecht-heading-3">{f.question[locale]}</span>
            </legend>
            <div className="smo-voice-options">
              {SCALE.map((n) => (
                <label key={n} className="smo-voice-option" htmlFor={`round-${f.id}-${n}`}>
                  <input
                    type="radio"
                    id={`round-${f.id}-${n}`}
                    name={`round-${f.id}`}
                    checked={values.get(f.id) === n}
                    onChange={() => setValues((v) => new Map(v).set(f.id, n))}
                  />
                  <span>
                    <span className="smo-voice-number">{n}</span> <span>{t(`scale.${n}`)}</span>
                  </span>
                </label>
              ))}
              <label className="smo-voice-option" htmlFor={`round-${f.id}-na`}>
                <input
                  type="radio"
                  id={`round-${f.id}-na`}
                  name={`round-${f.id}`}
                  checked={values.get(f.id) === null}
                  onChange={() => setValues((v) => new Map(v).set(f.id, null))}
                />
                <span>{t("dontKnow")}</span>
              </label>
            </div>
          </fieldset>
        ))}
        <div className="utrecht-button-group smo-voice-buttons">
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={send.isPending}
          >
            {last ? (send.isPending ? t("sending") : t("send")) : t("next")}
          </button>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => setStep(step - 1)}
          >
            {t("previous")}
          </button>
        </div>
      </Screen>
    </form>
  );
}
