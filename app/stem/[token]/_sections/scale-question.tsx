"use client";

import { useTranslations } from "next-intl";
import { type Rating, SCALE } from "./voice";

/** A question with a choice on the 1–5 scale, each number with its words. */
export function ScaleQuestion({
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
