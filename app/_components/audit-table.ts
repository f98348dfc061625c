/**
 * The audit trail as a table, declared once for the screen and the CSV download
 * (table-model.ts): when, who, what was done to which record, from where.
 */
import type { RouterOutputs } from "@/app/_trpc/types";
import type { TableContext, TableModel } from "./table-model";

export type AuditRow = RouterOutputs["audit"]["partnership"]["items"][number];

/** A key's words when the messages have them ("case" → "Casus"), else the key itself. */
export function auditWord(kind: "entities" | "actions", key: string, { t, has }: TableContext) {
  return has(`audit.${kind}.${key}`) ? t(`audit.${kind}.${key}`) : key;
}

export function auditTable(
  rows: AuditRow[],
  context: TableContext,
  options: { withPartnership?: boolean } = {},
): TableModel<AuditRow> {
  const { t, locale } = context;
  return {
    locale,
    rows,
    columns: [
      { kind: "moment", header: t("audit.at"), value: (r) => r.at },
      { kind: "text", header: t("audit.who"), value: (r) => r.actorName ?? t("audit.nobody") },
      {
        kind: "text",
        header: t("audit.what"),
        value: (r) =>
          `${auditWord("entities", r.entity, context)} ${auditWord("actions", r.action, context)}`,
      },
      {
        kind: "text",
        header: t("audit.record"),
        value: (r) => (r.caseCode ? t("audit.caseCode", { code: r.caseCode }) : r.entityId),
      },
      ...(options.withPartnership
        ? [
            {
              kind: "text" as const,
              header: t("audit.partnership"),
              value: (r: AuditRow) => r.partnershipName,
            },
          ]
        : []),
      { kind: "text", header: t("audit.address"), value: (r) => r.ip },
    ],
  };
}

/** The filters of a trail from a URL's query (the CSV download carries the screen's). */
export function auditFiltersFrom(query: URLSearchParams) {
  const get = (key: string) => query.get(key) || undefined;
  return {
    actorUserId: get("person"),
    entity: get("entity"),
    action: get("action"),
    from: get("from"),
    to: get("to"),
  };
}
