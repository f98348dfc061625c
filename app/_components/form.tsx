"use client";

/**
 * Forms in the GOV.UK / NL Design System pattern: labels above fields, hints under the label,
 * validation on submit with an error summary at the top linking to each field, the message
 * beside the field, and inputs that keep what the user typed. Messages come from the server
 * (in the user's language, naming the field).
 */
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { describeError } from "@/app/_trpc/client";

export type FieldErrors = Record<string, string>;

export type FieldSpec =
  | {
      name: string;
      kind: "text" | "email" | "password" | "textarea" | "date";
      label: string;
      hint?: string;
      defaultValue?: string;
      autoComplete?: string;
      required?: boolean;
    }
  | {
      name: string;
      kind: "select";
      label: string;
      hint?: string;
      defaultValue?: string | null;
      options: { value: string; label: string }[];
      /** Offer an empty choice that submits null. */
      nullable?: boolean;
      /** The empty choice's label when "Geen" does not fit (e.g. "Niet bekend"). */
      emptyLabel?: string;
      required?: boolean;
    }
  | {
      name: string;
      /** A decimal number, read as a number; empty is null (the server reports a missing one). */
      kind: "number";
      label: string;
      hint?: string;
      defaultValue?: number | null;
      required?: boolean;
    }
  | { name: string; kind: "checkbox"; label: string; hint?: string; defaultValue?: boolean };

export type FormValues = Record<string, string | number | boolean | null>;

/**
 * A typed number: empty is null, anything that is not a plain number NaN (the server then asks
 * for a number). One decimal mark, comma or point, and no thousands separators: "1,5" and
 * "1.5" are both 1.5, and "1.234" is never silently read as 1234.
 */
export function parseNumber(raw: string): number | null {
  const text = raw
    .replace(/\s/g, "")
    .replace(/\u2212/g, "-")
    .replace(",", ".");
  if (text === "") return null;
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}

const plainNumber = new Intl.NumberFormat("en-US", {
  useGrouping: false,
  maximumFractionDigits: 20,
});

/** A number as the user would type it in their language (a decimal comma in Dutch). */
function numberText(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return "";
  const text = plainNumber.format(value);
  return locale === "nl" ? text.replace(".", ",") : text;
}

/**
 * The row version a form edits: the one it was opened with, moved on only by its own saves.
 * A refetch that brings someone else's newer version does not move it, so saving then is
 * answered with a conflict instead of silently overwriting their change.
 */
export function useEditedVersion(loaded: number) {
  const [version, setVersion] = useState(loaded);
  return [version, setVersion] as const;
}

export function ErrorSummary({
  message,
  fieldErrors,
  idFor,
}: {
  message: string;
  fieldErrors: FieldErrors;
  idFor: (name: string) => string;
}) {
  const t = useTranslations("form");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  });
  const entries = Object.entries(fieldErrors);
  return (
    <div
      ref={ref}
      className="smo-error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby={`${idFor("_")}-title`}
    >
      <h2 id={`${idFor("_")}-title`} className="utrecht-heading-2">
        {t("errorSummary")}
      </h2>
      {entries.length > 0 ? (
        <ul className="utrecht-unordered-list">
          {entries.map(([name, text]) => (
            <li key={name} className="utrecht-unordered-list__item">
              <a href={`#${idFor(name)}`}>{text}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="utrecht-paragraph">{message}</p>
      )}
    </div>
  );
}

function Field({ spec, id, error }: { spec: FieldSpec; id: string; error?: string }) {
  const t = useTranslations("form");
  const locale = useLocale();
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const invalid = error ? true : undefined;

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
        {spec.hint && (
          <div id={hintId} className="utrecht-form-field-description">
            {spec.hint}
          </div>
        )}
        {error && (
          <div id={errorId} className="utrecht-form-field-error-message">
            {error}
          </div>
        )}
      </div>
    );
  }

  const required = "required" in spec && spec.required;
  return (
    <div className={`utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}>
      <div className="utrecht-form-field__label">
        <label htmlFor={id} className="utrecht-form-label">
          {spec.label}
          {/* Shown, not only announced: people see which fields they must fill in before sending. */}
          {required ? <span className="smo-required"> ({t("required")})</span> : null}
        </label>
      </div>
      {spec.hint && (
        <div id={hintId} className="utrecht-form-field-description">
          {spec.hint}
        </div>
      )}
      {error && (
        <div id={errorId} className="utrecht-form-field-error-message">
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">
        {spec.kind === "textarea" ? (
          <textarea
            id={id}
            name={spec.name}
            className={`utrecht-textarea utrecht-textarea--html-textarea${error ? " utrecht-textarea--invalid" : ""}`}
            defaultValue={spec.defaultValue ?? ""}
            rows={4}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        ) : spec.kind === "select" ? (
          <select
            id={id}
            name={spec.name}
            className={`utrecht-select utrecht-select--html-select${error ? " utrecht-select--invalid" : ""}`}
            defaultValue={spec.defaultValue ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            {(spec.nullable || !spec.defaultValue) && (
              <option value="">
                {spec.nullable ? (spec.emptyLabel ?? t("none")) : t("choose")}
              </option>
            )}
            {spec.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : spec.kind === "number" ? (
          <input
            id={id}
            name={spec.name}
            type="text"
            inputMode="decimal"
            className={`utrecht-textbox utrecht-textbox--html-input${error ? " utrecht-textbox--invalid" : ""}`}
            defaultValue={numberText(spec.defaultValue, locale)}
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        ) : (
          <input
            id={id}
            name={spec.name}
            type={spec.kind}
            className={`utrecht-textbox utrecht-textbox--html-input${error ? " utrecht-textbox--invalid" : ""}`}
            defaultValue={spec.defaultValue ?? ""}
            autoComplete={spec.autoComplete}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </div>
    </div>
  );
}

/**
 * Reads the form's values by the specs: checkboxes as booleans, numbers as numbers (empty as
 * null), a nullable empty select as null.
 */
function readValues(form: HTMLFormElement, fields: FieldSpec[]): FormValues {
  const data = new FormData(form);
  const values: FormValues = {};
  for (const f of fields) {
    if (f.kind === "checkbox") values[f.name] = data.get(f.name) === "on";
    else {
      const raw = String(data.get(f.name) ?? "");
      if (f.kind === "number") values[f.name] = parseNumber(raw);
      else values[f.name] = f.kind === "select" && f.nullable && raw === "" ? null : raw;
    }
  }
  return values;
}

/**
 * A form of `fields` that calls `onSubmit` with the values; errors thrown by it (tRPC errors)
 * are shown in the summary and beside the fields. `resetOnSuccess` clears it for the next entry.
 */
export function ModelForm({
  fields,
  submitLabel,
  onSubmit,
  successMessage,
  resetOnSuccess = false,
  layout = "stacked",
  children,
  errorField,
}: {
  fields: FieldSpec[];
  submitLabel: string;
  /**
   * `requestId` stays the same for retries of one submission and is new after each success:
   * creates send it as `clientRequestId`, so a retried create makes nothing twice.
   */
  onSubmit: (values: FormValues, requestId: string) => Promise<unknown>;
  successMessage?: string;
  resetOnSuccess?: boolean;
  layout?: "stacked" | "inline";
  children?: React.ReactNode;
  /**
   * The form field a server error belongs to, when the input's shape differs from the form's
   * (e.g. "ratings.0.comment" → "school_comment"); the message then names the form's label.
   */
  errorField?: (key: string) => string | undefined;
}) {
  const t = useTranslations("app");
  const formId = useId();
  const idFor = (name: string) => `${formId}-${name}`;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; fieldErrors: FieldErrors } | null>(
    null,
  );
  const [done, setDone] = useState(false);
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return; // a double click does not submit twice
    const form = event.currentTarget;
    setBusy(true);
    setDone(false);
    try {
      await onSubmit(readValues(form, fields), requestId);
      setRequestId(crypto.randomUUID());
      setFailure(null);
      setDone(true);
      if (resetOnSuccess) form.reset();
    } catch (error) {
      const described = describeError(error);
      // Field errors for fields this form does not show go into the summary as text.
      const byName = new Map(fields.map((f) => [f.name, f]));
      const fieldErrors: FieldErrors = {};
      for (const [key, text] of Object.entries(described.fieldErrors)) {
        const mapped = byName.has(key) ? key : errorField?.(key);
        const spec = mapped ? byName.get(mapped) : undefined;
        if (!mapped || !spec || fieldErrors[mapped]) continue;
        const at = text.indexOf(": ");
        fieldErrors[mapped] =
          mapped === key || at < 0 ? text : `${spec.label}: ${text.slice(at + 2)}`;
      }
      setFailure({ message: described.message, fieldErrors });
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = failure?.fieldErrors ?? {};
  return (
    <form
      onSubmit={submit}
      noValidate
      className={layout === "inline" ? "smo-inline-form" : undefined}
    >
      {failure && (
        <div style={{ flexBasis: "100%" }}>
          <ErrorSummary
            message={failure.message}
            fieldErrors={Object.keys(fieldErrors).length ? fieldErrors : {}}
            idFor={idFor}
          />
        </div>
      )}
      {fields.map((f) => (
        <Field key={f.name} spec={f} id={idFor(f.name)} error={fieldErrors[f.name]} />
      ))}
      {children}
      <div className="utrecht-button-group">
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          aria-disabled={busy || undefined}
        >
          {busy ? t("saving") : submitLabel}
        </button>
      </div>
      <p className="smo-status utrecht-paragraph" role="status">
        {done && successMessage ? successMessage : ""}
      </p>
    </form>
  );
}
