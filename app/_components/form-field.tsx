"use client";

/**
 * One field of a ModelForm in the NL Design System markup: the label above, the hint under it,
 * the error message beside the input, and the input keeping what the user typed.
 */
import { useLocale, useTranslations } from "next-intl";

/** What one field gives: text, a number, a choice among options, or a checkbox's yes/no. */
export type Scalar = string | number | boolean;
export type Option<T extends Scalar = Scalar> = { value: T; label: string };

type TextKind = "text" | "email" | "password" | "textarea" | "date";
type Labelled = { label: string; hint?: string; required?: boolean };

export type TextField = Labelled & {
  kind: TextKind;
  defaultValue?: string;
  autoComplete?: string;
};
/** A decimal number, read as a number; empty is null (the server reports a missing one). */
export type NumberField = Labelled & { kind: "number"; defaultValue?: number | null };
export type CheckboxField = {
  kind: "checkbox";
  label: string;
  hint?: string;
  defaultValue?: boolean;
};
export type SelectField<T extends Scalar = Scalar> = Labelled & {
  kind: "select";
  options: Option<T>[];
  defaultValue?: T | null;
  /** Offer an empty choice that submits null. */
  nullable?: boolean;
  /** The empty choice's label when "Geen" does not fit (e.g. "Niet bekend"). */
  emptyLabel?: string;
};

/** Any field, as the form draws and reads it. */
export type AnyField = { name: string } & (TextField | NumberField | CheckboxField | SelectField);

/** A number as the user would type it in their language (a decimal comma in Dutch). */
const plainNumber = new Intl.NumberFormat("en-US", {
  useGrouping: false,
  maximumFractionDigits: 20,
});
function numberText(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return "";
  const text = plainNumber.format(value);
  return locale === "nl" ? text.replace(".", ",") : text;
}

/** A select's default as the option value it stands for; none (or empty) chooses nothing. */
export function hasChoice(value: Scalar | null | undefined): value is Scalar {
  return value !== undefined && value !== null && value !== "";
}

export function Field({ spec, id, error }: { spec: AnyField; id: string; error?: string }) {
  const t = useTranslations("form");
  const locale = useLocale();
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const invalid = error ? true : undefined;
  const hint = spec.hint && (
    <div id={hintId} className="utrecht-form-field-description">
      {spec.hint}
    </div>
  );
  const message = error && (
    <div id={errorId} className="utrecht-form-field-error-message">
      {error}
    </div>
  );

  if (spec.kind === "checkbox") {
    return (
      <div
        className={`utrecht-form-field utrecht-form-field--checkbox${error ? " utrecht-form-field--invalid" : ""}`}
      >
        <input
          id={id}
          name={spec.name}
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          defaultChecked={spec.defaultValue ?? false}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
        <label htmlFor={id} className="utrecht-form-label utrecht-form-label--checkbox">
          {spec.label}
        </label>
        {hint}
        {message}
      </div>
    );
  }

  const control = { id, name: spec.name, "aria-describedby": describedBy, "aria-invalid": invalid };
  const invalidClass = (block: string) => (error ? ` ${block}--invalid` : "");
  return (
    <div className={`utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}>
      <div className="utrecht-form-field__label">
        <label htmlFor={id} className="utrecht-form-label">
          {spec.label}
          {/* Shown, not only announced: people see which fields they must fill in before sending. */}
          {spec.required ? <span className="smo-required"> ({t("required")})</span> : null}
        </label>
      </div>
      {hint}
      {message}
      <div className="utrecht-form-field__input">
        {spec.kind === "textarea" ? (
          <textarea
            {...control}
            className={`utrecht-textarea utrecht-textarea--html-textarea${invalidClass("utrecht-textarea")}`}
            defaultValue={spec.defaultValue ?? ""}
            rows={4}
          />
        ) : spec.kind === "select" ? (
          <select
            {...control}
            className={`utrecht-select utrecht-select--html-select${invalidClass("utrecht-select")}`}
            defaultValue={hasChoice(spec.defaultValue) ? String(spec.defaultValue) : ""}
          >
            {(spec.nullable || !hasChoice(spec.defaultValue)) && (
              <option value="">
                {spec.nullable ? (spec.emptyLabel ?? t("none")) : t("choose")}
              </option>
            )}
            {spec.options.map((o) => (
              <option key={String(o.value)} value={String(o.value)}>
                {o.label}
              </option>
            ))}
          </select>
        ) : spec.kind === "number" ? (
          <input
            {...control}
            type="text"
            inputMode="decimal"
            className={`utrecht-textbox utrecht-textbox--html-input${invalidClass("utrecht-textbox")}`}
            defaultValue={numberText(spec.defaultValue, locale)}
            autoComplete="off"
          />
        ) : (
          <input
            {...control}
            type={spec.kind}
            className={`utrecht-textbox utrecht-textbox--html-input${invalidClass("utrecht-textbox")}`}
            defaultValue={spec.defaultValue ?? ""}
            autoComplete={spec.autoComplete}
          />
        )}
      </div>
    </div>
  );
}
