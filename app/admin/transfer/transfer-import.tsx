"use client";

/**
 * Importing a partnership document: the file is read here and sent as it is to
 * /admin/transfer/import (past the API's 1 MB limit); the answer says what was imported, or
 * why nothing was. The chosen file stays chosen after a refusal, to try again.
 */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import type { RouterOutputs } from "@/app/_trpc/types";

/** What the import answers: the procedure's own output. */
type Imported = RouterOutputs["admin"]["transfer"]["import"];

export function TransferImport() {
  const t = useTranslations("transfer");
  const tAll = useTranslations();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Imported | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError(t("fileRequired"));
      return;
    }
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const response = await fetch("/admin/transfer/import", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: await file.text(),
      });
      const answer = (await response.json().catch(() => null)) as {
        result?: Imported;
        error?: { message?: string } | string;
      } | null;
      if (response.ok && answer?.result) setDone(answer.result);
      else
        setError(
          typeof answer?.error === "object" && answer.error.message
            ? answer.error.message
            : response.status === 413
              ? t("tooLarge")
              : tAll("errors.internal"),
        );
    } catch {
      setError(tAll("errors.network"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="transfer-import">
      <h2 id="transfer-import" className="utrecht-heading-2">
        {t("importTitle")}
      </h2>
      <p className="utrecht-paragraph">{t("importIntro")}</p>
      {error && (
        <ErrorSummary
          id="transfer-error"
          message={error}
          errors={[{ id: "transfer-file", text: error }]}
        />
      )}
      <div role="status">
        {done && (
          <div className="utrecht-alert utrecht-alert--ok">
            <p className="utrecht-paragraph">{t("done", { ...done })}</p>
            <p className="utrecht-paragraph">
              <Link
                href={`/partnerships/${done.partnershipId}`}
                className="utrecht-link utrecht-link--html-a"
              >
                {t("open")}
              </Link>
            </p>
          </div>
        )}
      </div>
      <form onSubmit={submit} noValidate>
        <div className={`utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}>
          <div className="utrecht-form-field__label">
            <label htmlFor="transfer-file" className="utrecht-form-label">
              {t("file")}
            </label>
          </div>
          <div className="utrecht-form-field__input">
            <input
              id="transfer-file"
              name="file"
              type="file"
              accept="application/json,.json"
              aria-invalid={error ? true : undefined}
            />
          </div>
        </div>
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          aria-disabled={busy || undefined}
        >
          {busy ? t("busy") : t("submit")}
        </button>
      </form>
    </section>
  );
}
