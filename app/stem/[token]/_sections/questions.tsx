"use client";

/**
 * The questions, one per screen: the intro, two choices on a 1–5 scale, an optional comment.
 * A choice left out is asked for before the next screen; what the server refuses is named in
 * the summary at the top, which takes the focus.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { describeError, useTRPC } from "@/app/_trpc/client";
import { findPersonalIdentifiers, type IdentifierKind } from "@/domain/identifiers";
import { CommentQuestion } from "./comment-question";
import { Intro } from "./intro";
import { ScaleQuestion } from "./scale-question";
import {
  errorCode,
  type Field,
  fieldId,
  type Outcome,
  type Perspective,
  QUESTIONS,
  type Rating,
  type Step,
  stepOf,
} from "./voice";

/**
 * What went wrong, kept as what it means rather than as text, so the messages follow a switch
 * of language. `server` is the server's own message, already in the user's language.
 */
type Problem = { required: true } | { identifiers: IdentifierKind[] } | { server: string };
type Failure = {
  fields: Partial<Record<Field, Problem>>;
  message: "tooMany" | "sendFailed" | null;
};

export function Questions({
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

      {step === 0 && <Intro perspective={perspective} expiresAt={expiresAt} headingRef={heading} />}

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
        <CommentQuestion
          perspective={perspective}
          caption={caption}
          value={comment}
          onChange={setComment}
          error={errors.comment}
          headingRef={heading}
        />
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
