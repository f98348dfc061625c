"use client";

/**
 * The error summary at the top of a form (the GOV.UK pattern NL Design System borrows): it
 * names what is wrong, links each problem to its field, and takes the focus so a screen reader
 * reads it first. Without field errors it says the form's message instead.
 */
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/** One problem: the id of the field it belongs to, and the text (naming the field). */
export type SummaryError = { id: string; text: string };

export function ErrorSummary({
  id,
  errors,
  message,
  title,
  ref,
  focusField = false,
}: {
  /** The id of the summary's heading, which names the summary. */
  id: string;
  errors: SummaryError[];
  message: string;
  /** The heading, when the form's own words differ from "Er is een probleem". */
  title?: string;
  /**
   * Given, the form moves the focus here itself (after a failed step, not after every render);
   * without one the summary takes the focus each time it is drawn.
   */
  ref?: React.RefObject<HTMLDivElement | null>;
  /** A link focuses its field with the question in view (for one question per screen). */
  focusField?: boolean;
}) {
  const t = useTranslations("form");
  const own = useRef<HTMLDivElement>(null);
  const controlled = ref !== undefined;
  useEffect(() => {
    if (!controlled) own.current?.focus();
  });
  return (
    <div
      ref={ref ?? own}
      className="smo-error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby={id}
    >
      <h2 id={id} className="utrecht-heading-2">
        {title ?? t("errorSummary")}
      </h2>
      {errors.length > 0 ? (
        <ul className="utrecht-unordered-list">
          {errors.map((error) => (
            <li key={error.id} className="utrecht-unordered-list__item">
              <a
                href={`#${error.id}`}
                onClick={focusField ? (event) => focusTarget(event, error.id) : undefined}
              >
                {error.text}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="utrecht-paragraph">{message}</p>
      )}
    </div>
  );
}

/** Focuses the field itself, and scrolls its question (fieldset or form field) into view. */
function focusTarget(event: React.MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus({ preventScroll: true });
  target.closest("fieldset, .utrecht-form-field")?.scrollIntoView();
}
