"use client";

/**
 * The audit trail on screen: filters (person, kind of record, act, days), the table newest
 * first, pages, and the CSV of what the filters show. For a partnership's coordinators
 * (audit.partnership) and for admins over the whole platform (audit.platform).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { describeError, useTRPC } from "@/app/_trpc/client";
import { type AuditRow, auditTable, auditWord } from "./audit-table";
import { DataTable } from "./data-table";
import { ErrorSummary } from "./error-summary";
import { Pagination } from "./pagination";
import { EmptyState, ErrorAlert, Loading } from "./states";
import { useTableContext } from "./table-context";

type Filters = { person: string; entity: string; action: string; from: string; to: string };
const none: Filters = { person: "", entity: "", action: "", from: "", to: "" };

export function AuditTrail({ partnershipId }: { partnershipId?: string }) {
  const t = useTranslations("audit");
  const ta = useTranslations("app");
  const tAll = useTranslations();
  const tables = useTableContext();
  const trpc = useTRPC();
  const [applied, setApplied] = useState<Filters>(none);
  const [page, setPage] = useState(1);
  const input = {
    actorUserId: applied.person || undefined,
    entity: applied.entity || undefined,
    action: applied.action || undefined,
    from: applied.from || undefined,
    to: applied.to || undefined,
    page,
  };
  const query = useQuery({
    ...(partnershipId
      ? trpc.audit.partnership.queryOptions({ ...input, partnershipId })
      : trpc.audit.platform.queryOptions(input)),
    placeholderData: keepPreviousData,
  });
  const csvQuery = new URLSearchParams(
    Object.entries(applied).filter(([, v]) => v) as [string, string][],
  ).toString();
  const csv = `${partnershipId ? `/partnerships/${partnershipId}/export` : "/admin/export"}/audit.csv${csvQuery ? `?${csvQuery}` : ""}`;

  if (query.isPending) return <Loading label={ta("loading")} />;
  const failure = query.isError ? describeError(query.error, tAll("errors.network")) : null;
  const data = query.data;

  return (
    <>
      <AuditFilters
        choices={data?.choices}
        applied={applied}
        onApply={(f) => {
          setApplied(f);
          setPage(1);
        }}
        fieldErrors={failure?.fieldErrors ?? {}}
        message={failure?.message}
      />
      {!data ? (
        failure &&
        Object.keys(failure.fieldErrors).length === 0 && <ErrorAlert message={failure.message} />
      ) : data.total === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <DataTable<AuditRow>
            caption={t("title")}
            table={auditTable(data.items, tables, { withPartnership: !partnershipId })}
            rowKey={(r) => String(r.id)}
            busy={query.isPlaceholderData}
            stacked
            csv={csv}
          />
          <Pagination page={page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}

function AuditFilters({
  choices,
  applied,
  onApply,
  fieldErrors,
  message,
}: {
  choices:
    | { people: { id: string; name: string }[]; entities: string[]; actions: string[] }
    | undefined;
  applied: Filters;
  onApply: (filters: Filters) => void;
  fieldErrors: Record<string, string>;
  message: string | undefined;
}) {
  const t = useTranslations("audit");
  const tables = useTableContext();
  const id = useId();
  const [draft, setDraft] = useState<Filters>(applied);
  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const errors = Object.keys(fieldErrors).length > 0;
  /** A field's message under the label the person sees ("Tot en met: kies een dag …"). */
  const named = (key: string, text: string) =>
    t.has(key) && !text.startsWith(`${t(key as "to")}:`) ? `${t(key as "to")}: ${text}` : text;
  // The summary takes the focus when a new refusal arrives, not while the filters are edited.
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) summary.current?.focus();
  }, [message]);
  const select = (
    key: "person" | "entity" | "action",
    options: { value: string; label: string }[],
  ) => (
    <div className="utrecht-form-field">
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={`${id}-${key}`}>
          {t(key)}
        </label>
      </div>
      <select
        id={`${id}-${key}`}
        className="utrecht-select utrecht-select--html-select"
        value={draft[key]}
        onChange={(e) => set(key)(e.target.value)}
      >
        <option value="">{t("all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const day = (key: "from" | "to") => {
    const error = fieldErrors[key];
    return (
      <div className={`utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}>
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor={`${id}-${key}`}>
            {t(key)}
          </label>
        </div>
        {error && (
          <p className="utrecht-form-field-error-message" id={`${id}-${key}-error`}>
            {named(key, error)}
          </p>
        )}
        <input
          id={`${id}-${key}`}
          type="date"
          className="utrecht-textbox utrecht-textbox--html-input"
          value={draft[key]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-${key}-error` : undefined}
          onChange={(e) => set(key)(e.target.value)}
        />
      </div>
    );
  };
  return (
    <search>
      <form
        className="smo-filters"
        aria-label={t("filters")}
        onSubmit={(e) => {
          e.preventDefault();
          onApply(draft);
        }}
      >
        {errors && message && (
          <ErrorSummary
            id={`${id}-errors`}
            ref={summary}
            message={message}
            errors={Object.entries(fieldErrors).map(([key, text]) => ({
              id: `${id}-${key}`,
              text: named(key, text),
            }))}
          />
        )}
        {select(
          "person",
          (choices?.people ?? []).map((p) => ({ value: p.id, label: p.name })),
        )}
        {select(
          "entity",
          (choices?.entities ?? []).map((e) => ({
            value: e,
            label: auditWord("entities", e, tables),
          })),
        )}
        {select(
          "action",
          (choices?.actions ?? []).map((a) => ({
            value: a,
            label: auditWord("actions", a, tables),
          })),
        )}
        {day("from")}
        {day("to")}
        <div className="utrecht-button-group">
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {t("show")}
          </button>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              setDraft(none);
              onApply(none);
            }}
          >
            {t("clear")}
          </button>
        </div>
      </form>
    </search>
  );
}
