"use client";

/**
 * The questions behind a personal link, one per screen, for a phone first: an intro with what
 * happens with the answer, two choices on a 1–5 scale (words with the numbers), an optional
 * comment, then a thank-you. Plain Dutch at B1 level: "u" for a parent, "je" for a young person
 * (the link says which). Errors in the GOV.UK pattern: a summary at the top that takes the
 * focus, the message beside the field, and what was typed kept.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { formatMoment } from "@/app/_components/dates";
import { ErrorSummary } from "@/app/_components/error-summary";
import { Loading } from "@/app/_components/states";
import { describeError, useTRPC } from "@/app/_trpc/client";
import { findPersonalIdentifiers, type IdentifierKind } from "@/domain/identifiers";

type Perspective = "parent" | "young_person";
type Rating = 1 | 2 | 3 | 4 | 5;
type Field = "collaboration" | "wellbeing" | "comment";
type Outcome = "thanks" | "already" | "invalid" | "tooMany";
/** 0 is the intro; 1–3 the questions. */
type Step = 0 | 1 | 2 | 3;

const QUESTIONS = 3;
const SCALE: readonly Rating[] = [1, 2, 3, 4, 5];
const COMMENT_MAX = 1000;
const fieldId = (field: Field) => (field === "comment" ? "voice-comment" : `voice-${field}-1`);
const stepOf: Record<Field, Step> = { collaboration: 1, wellbeing: 2, comment: 3 };

/** The code of a failed call, if the server gave one. */
function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError
    ? (error.data as { code?: string } | undefined)?.code
    : undefined;
}

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

  return <div className="smo-voice">{content}</div>;
}

/** A screen with one heading; `focus` moves the focus to it (after an action of the user). */
function Screen({
  title,
  focus = false,
  panel = false,
  children,
}: {
  title: string;
  focus?: boolean;
  panel?: boolean;
  children: React.ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focus) return;
    window.scrollTo({ top: 0 });
    heading.current?.focus({ preventScroll: true });
  }, [focus]);
  const h1 = (
    <h1 ref={heading} className="utrecht-heading-1" tabIndex={-1}>
      {title}
    </h1>
  );
  return panel ? (
    <div className="smo-voice-panel">
      {h1}
      {children}
    </div>
  ) : (
    <>
      {h1}
      {children}
    </>
  );
}

function InvalidLink({ focus }: { focus: boolean }) {
  const t = useTranslations("voice.invalid");
  return (
    <Screen title={t("title")} focus={focus}>
      <p className="utrecht-paragraph">{t("text")}</p>
      <p className="utrecht-paragraph">
        <strong>{t("whatToDo")}</strong>
      </p>
      <p className="utrecht-paragraph">{t("check")}</p>
    </Screen>
  );
}

function Thanks({ perspective }: { perspective: Perspective }) {
  const t = useTranslations(`voice.${perspective}`);
  return (
    <>
      <Screen title={t("thanksTitle")} focus panel>
        <p className="utrecht-paragraph">{t("thanksReceived")}</p>
      </Screen>
      <p className="utrecht-paragraph">{t("thanksNext")}</p>
      <p className="utrecht-paragraph">{t("thanksName")}</p>
      <p className="utrecht-paragraph">{t("thanksClose")}</p>
    </>
  );
}

function AlreadyAnswered({ perspective, focus }: { perspective: Perspective; focus: boolean }) {
  const t = useTranslations(`voice.${perspective}`);
  return (
    <Screen title={t("alreadyTitle")} focus={focus}>
      <p className="utrecht-paragraph">{t("alreadyText")}</p>
      <p className="utrecht-paragraph">{t("alreadyNext")}</p>
    </Screen>
  );
}

/**
 * What went wrong, kept as what it means rather than as text, so the messages follow a switch
 * of language. `server` is the server's own message, already in the user's language.
 */
type Problem = { required: true } | { identifiers: IdentifierKind[] } | { server: string };
type Failure = {
  fields: Partial<Record<Field, Problem>>;
  message: "tooMany" | "sendFailed" | null;
};

function Questions({
  token,
  perspective,
  expiresAt,
  onOutcome,
}: {
  token: string;
  perspective: Perspective;
  expiresAt: Date;
  onOutcome: (outcome: Outcome) => void;
}) {
  const t = useTranslations("voice");
  const tp = useTranslations(`voice.${perspective}`);
  const locale = useLocale();
  const trpc = useTRPC();
  const send = useMutation(trpc.voice.submit.mutationOptions());
  const sending = useRef(false);

  const [step, setStep] = useState<Step>(0);
  const [collaboration, setCollaboration] = useState<Rating | null>(null);
  const [wellbeing, setWellbeing] = useState<Rating | null>(null);
  const [comment, setComment] = useState("");
  const [failure, setFailure] = useState<Failure | null>(null);

  // After a step change the focus goes to the new question; after an error to the summary.
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const focusNext = useRef<"heading" | "summary" | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    window.scrollTo({ top: 0 });
    (target === "summary" ? summary.current : heading.current)?.focus({ preventScroll: true });
  });

  // "Fout: " before the page title while there is an error, as GOV.UK does.
  const hasError = failure !== null;
  const errorPrefix = `${t("errorTitlePrefix")}: `;
  useEffect(() => {
    if (!hasError) return;
    if (!document.title.startsWith(errorPrefix)) document.title = errorPrefix + document.title;
    return () => {
      if (document.title.startsWith(errorPrefix))
        document.title = document.title.slice(errorPrefix.length);
    };
  }, [hasError, errorPrefix]);

  function go(to: Step) {
    setFailure(null);
    setStep(to);
    focusNext.current = "heading";
  }

  function fail(next: Failure, at: Step = step) {
    setFailure(next);
    setStep(at);
    focusNext.current = "summary";
  }

  const required = (field: "collaboration" | "wellbeing") =>
    fail({ fields: { [field]: { required: true } }, message: null }, stepOf[field]);

  /** The server refused the comment: say in plain words what to take out, if we can tell. */
  function commentProblem(serverMessage: string): Problem {
    const kinds = [...new Set(findPersonalIdentifiers(comment).map((m) => m.kind))];
    return kinds.length > 0 ? { identifiers: kinds } : { server: serverMessage };
  }

  function problemText(field: Field, problem: Problem) {
    if ("required" in problem) return tp(`${field}Required`);
    if ("identifiers" in problem)
      return problem.identifiers.map((kind) => tp(`identifier.${kind}`)).join(" ");
    return problem.server;
  }

  async function submit() {
    if (sending.current) return; // a double tap sends once
    if (collaboration === null) return required("collaboration");
    if (wellbeing === null) return required("wellbeing");
    sending.current = true;
    try {
      const result = await send.mutateAsync({ token, collaboration, wellbeing, comment });
      onOutcome(result.alreadyReceived ? "already" : "thanks");
    } catch (error) {
      const code = errorCode(error);
      if (code === "NOT_FOUND") return onOutcome("invalid");
      if (code === "TOO_MANY_REQUESTS") return fail({ fields: {}, message: "tooMany" });
      const { fieldErrors } = describeError(error);
      if (fieldErrors.comment) {
        return fail({ fields: { comment: commentProblem(fieldErrors.comment) }, message: null }, 3);
      }
      if (fieldErrors.collaboration) return required("collaboration");
      if (fieldErrors.wellbeing) return required("wellbeing");
      fail({ fields: {}, message: "sendFailed" });
    } finally {
      sending.current = false;
    }
  }

  function next(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step === 0) go(1);
    else if (step === 1) {
      if (collaboration === null) required("collaboration");
      else go(2);
    } else if (step === 2) {
      if (wellbeing === null) required("wellbeing");
      else go(3);
    } else void submit();
  }

  const busy = send.isPending;
  const errors: Partial<Record<Field, string>> = {};
  for (const [field, problem] of Object.entries(failure?.fields ?? {}) as [Field, Problem][])
    errors[field] = problemText(field, problem);
  const caption =
    step > 0 ? (
      <span className="smo-voice-caption">
        {t("progress", { current: step, total: QUESTIONS })}
      </span>
    ) : null;

  return (
    <form onSubmit={next} noValidate>
      {failure && (
        <ErrorSummary
          ref={summary}
          id="voice-error-summary"
          title={t("errorSummary")}
          focusField
          errors={(Object.entries(errors) as [Field, string][]).map(([field, text]) => ({
            id: fieldId(field),
            text,
          }))}
          message={failure.message === "tooMany" ? t("tooMany.text") : t("sendFailed")}
        />
      )}
      {step > 0 && (
        <div className="smo-voice-bar" aria-hidden="true">
          {Array.from({ length: QUESTIONS }, (_, i) => (
            <span key={i} data-done={i < step ? "" : undefined} />
          ))}
        </div>
      )}

      {step === 0 && (
        <>
          <h1 ref={heading} className="utrecht-heading-1" tabIndex={-1}>
            {tp("introTitle")}
          </h1>
          <p className="utrecht-paragraph">{tp("intro")}</p>
          <p className="utrecht-paragraph">{tp("length")}</p>
          <section className="smo-voice-privacy" aria-labelledby="voice-privacy">
            <h2 id="voice-privacy" className="utrecht-heading-2">
              {tp("privacyTitle")}
            </h2>
            <ul className="utrecht-unordered-list">
              <li className="utrecht-unordered-list__item">{tp("privacySeen")}</li>
              <li className="utrecht-unordered-list__item">{tp("privacyName")}</li>
            </ul>
          </section>
          <p className="utrecht-paragraph">
            {tp("until", {
              date: formatMoment(locale, expiresAt, "day"),
            })}
          </p>
        </>
      )}

      {(step === 1 || step === 2) && (
        <ScaleQuestion
          key={step}
          name={step === 1 ? "collaboration" : "wellbeing"}
          caption={caption}
          question={tp(step === 1 ? "collaborationQuestion" : "wellbeingQuestion")}
          hint={tp(step === 1 ? "collaborationHint" : "wellbeingHint")}
          value={step === 1 ? collaboration : wellbeing}
          onChange={step === 1 ? setCollaboration : setWellbeing}
          error={errors[step === 1 ? "collaboration" : "wellbeing"]}
          headingRef={heading}
        />
      )}

      {step === 3 && (
        <div
          className={`utrecht-form-field${errors.comment ? " utrecht-form-field--invalid" : ""}`}
        >
          <h1 ref={heading} className="utrecht-heading-1" tabIndex={-1}>
            {caption}
            <label htmlFor="voice-comment">
              {tp("commentQuestion")} <span className="smo-voice-optional">{t("optional")}</span>
            </label>
          </h1>
          <div id="voice-comment-hint" className="utrecht-form-field-description">
            {tp("commentHint")}
          </div>
          {errors.comment && (
            <div id="voice-comment-error" className="utrecht-form-field-error-message">
              <span className="smo-visually-hidden">{t("errorPrefix")} </span>
              {errors.comment}
            </div>
          )}
          <div className="utrecht-form-field__input">
            <textarea
              id="voice-comment"
              name="comment"
              className={`utrecht-textarea utrecht-textarea--html-textarea${errors.comment ? " utrecht-textarea--invalid" : ""}`}
              rows={5}
              maxLength={COMMENT_MAX}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-describedby={`voice-comment-hint${errors.comment ? " voice-comment-error" : ""}`}
              aria-invalid={errors.comment ? true : undefined}
            />
          </div>
        </div>
      )}

      <div className="utrecht-button-group smo-voice-buttons">
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          disabled={busy}
        >
          {step === 0 ? t("start") : step < QUESTIONS ? t("next") : busy ? t("sending") : t("send")}
        </button>
        {step > 0 && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={busy}
            onClick={() => go((step - 1) as Step)}
          >
            {t("previous")}
          </button>
        )}
      </div>
    </form>
  );
}

function ScaleQuestion({
  name,
  caption,
  question,
  hint,
  value,
  onChange,
  error,
  headingRef,
}: {
  name: "collaboration" | "wellbeing";
  caption: React.ReactNode;
  question: string;
  hint: string;
  value: Rating | null;
  onChange: (value: Rating) => void;
  error: string | undefined;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const t = useTranslations("voice");
  const id = `voice-${name}`;
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? " utrecht-form-fieldset--invalid" : ""}`}
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        <h1 ref={headingRef} className="utrecht-heading-1" tabIndex={-1}>
          {caption}
          {question}
        </h1>
      </legend>
      <div id={`${id}-hint`} className="utrecht-form-field-description">
        {hint}
      </div>
      {error && (
        <div id={`${id}-error`} className="utrecht-form-field-error-message">
          <span className="smo-visually-hidden">{t("errorPrefix")} </span>
          {error}
        </div>
      )}
      <div className="smo-voice-options">
        {SCALE.map((n) => (
          <label key={n} className="smo-voice-option" htmlFor={`${id}-${n}`}>
            <input
              type="radio"
              id={`${id}-${n}`}
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
            />
            <span>
              <span className="smo-voice-number">{n}</span> <span>{t(`scale.${n}`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
