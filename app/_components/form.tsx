"use client";

/**
 * Forms in the GOV.UK / NL Design System pattern: labels above fields, hints under the label,
 * validation on submit with an error summary at the top linking to each field, the message
 * beside the field, and inputs that keep what the user typed. Messages come from the server
 * (in the user's language, naming the field).
 *
 * Typed by the schema the procedure validates with: a form's values are `z.input` of that
 * schema in domain/schemas.ts (or the fields of it the form shows), so `fields` can only name
 * its keys, each with a kind that gives that key's type, and `onSubmit` passes the values on
 * as they are. The server stays the judge: what the user left empty or typed wrongly reaches
 * it as read (an empty choice, a number that is null), and its answer names the field.
 */
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import {
  type AnyField,
  type CheckboxField,
  Field,
  type NumberField,
  type Scalar,
  type SelectField,
  type TextField,
} from "@/app/_components/form-field";
import { describeError } from "@/app/_trpc/client";

export type { Option } from "@/app/_components/form-field";

export type FieldErrors = Record<string, string>;

type Defined<T> = Exclude<T, null | undefined>;

/**
 * The kinds of field that give a value of type T: text for a string, a number field for a
 * number, a checkbox for a boolean, a select whose options are T's values (with an empty
 * choice only where T takes null).
 */
type FieldFor<T> =
  | (string extends Defined<T> ? TextField : never)
  | (number extends Defined<T> ? NumberField : never)
  | (boolean extends Defined<T> ? CheckboxField : never)
  | (Defined<T> extends infer D extends Scalar
      ? SelectField<D> & (null extends T ? unknown : { nullable?: false })
      : never);

/** A field of a form whose values are V: named by one of V's keys, of a kind that gives its type. */
export type FieldSpec<V> = {
  [K in keyof V & string]: { name: K } & FieldFor<V[K]>;
}[keyof V & string];

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

/**
 * The row version a form edits: the one it was opened with, moved on only by its own saves.
 * A refetch that brings someone else's newer version does not move it, so saving then is
 * answered with a conflict instead of silently overwriting their change.
 */
export function useEditedVersion(loaded: number) {
  const [version, setVersion] = useState(loaded);
  return [version, setVersion] as const;
}

/**
 * Reads the form by its fields: a checkbox as a boolean, a number as a number (empty as null),
 * a select as the value of the option chosen (a nullable one left empty as null).
 */
function readValues<V>(form: HTMLFormElement, fields: readonly AnyField[]): V {
  const data = new FormData(form);
  const values: Record<string, Scalar | null> = {};
  for (const f of fields) {
    const raw = data.get(f.name);
    const text = typeof raw === "string" ? raw : "";
    if (f.kind === "checkbox") values[f.name] = raw === "on";
    else if (f.kind === "number") values[f.name] = parseNumber(text);
    else if (f.kind === "select")
      values[f.name] =
        f.options.find((o) => String(o.value) === text)?.value ??
        (f.nullable && text === "" ? null : text);
    else values[f.name] = text;
  }
  // The one place the form's values become the schema's input: the field specs were checked
  // against V's keys and types (FieldSpec), and the server checks the values themselves.
  return values as V;
}

/**
 * A form of `fields` that calls `onSubmit` with the values; errors thrown by it (tRPC errors)
 * are shown in the summary and beside the fields. `resetOnSuccess` clears it for the next entry.
 */
export function ModelForm<V extends object>({
  fields,
  submitLabel,
  onSubmit,
  successMessage,
  resetOnSuccess = false,
  layout = "stacked",
  children,
  errorField,
}: {
  fields: FieldSpec<NoInfer<V>>[];
  submitLabel: string;
  /**
   * `requestId` stays the same for retries of one submission and is new after each success:
   * creates send it as `clientRequestId`, so a retried create makes nothing twice.
   */
  onSubmit: (values: NoInfer<V>, requestId: string) => Promise<unknown>;
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
  const tAll = useTranslations();
  const formId = useId();
  const idFor = (name: string) => `${formId}-${name}`;
  const specs: readonly AnyField[] = fields;
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
      await onSubmit(readValues<V>(form, specs), requestId);
      setRequestId(crypto.randomUUID());
      setFailure(null);
      setDone(true);
      if (resetOnSuccess) form.reset();
    } catch (error) {
      // No answer (the server is down): what was typed stays in the form, and a retry reuses
      // the request id, so it is not stored twice.
      const described = describeError(error, tAll("errors.network"));
      // Field errors for fields this form does not show go into the summary as text.
      const byName = new Map(specs.map((f) => [f.name, f]));
      const fieldErrors: FieldErrors = {};
      const others: string[] = [];
      for (const [key, text] of Object.entries(described.fieldErrors)) {
        const mapped = byName.has(key) ? key : errorField?.(key);
        const spec = mapped ? byName.get(mapped) : undefined;
        if (!mapped || !spec) {
          others.push(text);
          continue;
        }
        if (fieldErrors[mapped]) continue;
        // The server names the field by its general name ("Beschrijving"); the person sees this
        // form's label ("Wat gaan we doen"), so the message says that.
        const name = key.split(".").at(-1) ?? key;
        const general = tAll.has(`fields.${name}`) ? `${tAll(`fields.${name}`)}: ` : null;
        const at = text.indexOf(": ");
        const bare =
          general && text.startsWith(general)
            ? text.slice(general.length)
            : mapped !== key && at >= 0
              ? text.slice(at + 2)
              : null;
        fieldErrors[mapped] = bare === null ? text : `${spec.label}: ${bare}`;
      }
      const named = [...Object.values(fieldErrors), ...others];
      setFailure({
        // The summary's sentence with the same labels as the fields below it.
        message:
          named.length > 0
            ? tAll("errors.invalid_input", { fields: named.join("; ") })
            : described.message,
        fieldErrors,
      });
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
            id={`${idFor("_")}-title`}
            message={failure.message}
            errors={Object.entries(fieldErrors).map(([name, text]) => ({ id: idFor(name), text }))}
          />
        </div>
      )}
      {specs.map((f) => (
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
