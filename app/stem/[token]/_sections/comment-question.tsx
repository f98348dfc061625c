"use client";

import { useTranslations } from "next-intl";
import { COMMENT_MAX, type Perspective } from "./voice";

/** The last question: an optional comment, with what not to write in it. */
export function CommentQuestion({
  perspective,
  caption,
  value,
  onChange,
  error,
  headingRef,
}: {
  perspective: Perspective;
  caption: React.ReactNode;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const t = useTranslations("voice");
  const tp = useTranslations(`voice.${perspective}`);
  return (
    <div className={`utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}>
      <h1 ref={headingRef} className="utrecht-heading-1" tabIndex={-1}>
        {caption}
        <label htmlFor="voice-comment">
          {tp("commentQuestion")} <span className="smo-voice-optional">{t("optional")}</span>
        </label>
      </h1>
      <div id="voice-comment-hint" className="utrecht-form-field-description">
        {tp("commentHint")}
      </div>
      {error && (
        <div id="voice-comment-error" className="utrecht-form-field-error-message">
          <span className="smo-visually-hidden">{t("errorPrefix")} </span>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">
        <textarea
          id="voice-comment"
          name="comment"
          className={`utrecht-textarea utrecht-textarea--html-textarea${error ? " utrecht-textarea--invalid" : ""}`}
          rows={5}
          maxLength={COMMENT_MAX}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={`voice-comment-hint${error ? " voice-comment-error" : ""}`}
          aria-invalid={error ? true : undefined}
        />
      </div>
    </div>
  );
}
