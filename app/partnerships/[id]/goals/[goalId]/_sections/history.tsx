"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { DataTable } from "@/app/_components/data-table";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import { useGoalFormat } from "@/app/partnerships/[id]/goals/goal-form";
import type { Goal, HistoryEntry } from "./goal";

/** The goal's fields as the history names them, in the order of the form. */
const trackedFields = [
  "parentId",
  "title",
  "description",
  "indicator",
  "unit",
  "direction",
  "baselineValue",
  "baselineDate",
  "targetValue",
  "targetDate",
  "plausibleMin",
  "plausibleMax",
  "effectKind",
  "roles",
] as const;

type Json = Record<string, unknown> | null;

/** A comparable form of one field of an audit snapshot (roles by organisation and text). */
function snapshotValue(row: Json, field: (typeof trackedFields)[number]): string {
  const value = row?.[field] ?? null;
  if (field === "roles" && Array.isArray(value)) {
    return value
      .map((r: { organisationId?: unknown; role?: unknown }) => `${r.organisationId}=${r.role}`)
      .sort()
      .join("\n");
  }
  return JSON.stringify(value);
}

/** Who changed what and when, from the audit log. */
export function History({ partnershipId, goal }: { partnershipId: string; goal: Goal }) {
  const t = useTranslations();
  const f = useGoalFormat();
  const trpc = useTRPC();
  const history = useQuery(trpc.goals.history.queryOptions({ partnershipId, goalId: goal.id }));

  function whatHappened(e: HistoryEntry): string {
    const key = `goals.action.${e.entity}.${e.action}`;
    const what = t.has(key) ? t(key) : t("goals.action.other");
    const before = e.before as Json;
    const after = e.after as Json;
    if (e.entity === "goal" && e.action === "update") {
      const changed = trackedFields.filter(
        (field) => snapshotValue(before, field) !== snapshotValue(after, field),
      );
      if (changed.length === 0) return what;
      return t("goals.changed", {
        what,
        fields: changed.map((field) => t(`fields.${field}`)).join(", "),
      });
    }
    if (e.entity === "goal_measurement") {
      const row = e.action === "delete" ? before : after;
      const value = row?.value;
      const date = row?.measuredOn;
      if (typeof value === "number" && typeof date === "string") {
        return t("goals.measurementChange", {
          what,
          detail: t("goals.valueOn", { value: f.value(value, goal.unit), date: f.day(date) }),
        });
      }
    }
    return what;
  }

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" className="utrecht-heading-2">
        {t("goals.history")}
      </h2>
      {history.isPending ? (
        <Loading label={t("app.loading")} />
      ) : history.isError ? (
        <ErrorAlert message={history.error.message} />
      ) : history.data.length === 0 ? (
        <EmptyState>{t("goals.noHistory")}</EmptyState>
      ) : (
        <DataTable
          caption={t("goals.historyCaption", { title: goal.title })}
          rows={history.data}
          rowKey={(e) => String(e.id)}
          columns={[
            { header: t("goals.when"), cell: (e) => f.moment(e.at) },
            { header: t("goals.who"), cell: (e) => e.actorName ?? t("goals.unknownPerson") },
            { header: t("goals.what"), cell: (e) => whatHappened(e) },
          ]}
        />
      )}
    </section>
  );
}
