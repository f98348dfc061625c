/**
 * The removed records, declared once for the screen and the CSV download
 * (app/_components/table-model.ts); the restore button is the screen's only.
 */
import type { ReactNode } from "react";
import { formatDay } from "@/app/_components/dates";
import type { TableContext, TableModel } from "@/app/_components/table-model";
import type { RouterOutputs } from "@/app/_trpc/types";

export type RemovedItem = RouterOutputs["trash"]["list"]["items"][number];

/** What a removed record is, in words: "Meting van 12 maart 2026 bij …". */
export function removedLabel(i: RemovedItem, { t, locale }: TableContext): string {
  const day = i.day ? formatDay(locale, i.day) : "";
  const title = i.title ?? "";
  const code = i.code ?? "";
  switch (i.kind) {
    case "measurement":
      return t("removed.what.measurement", { title, day });
    case "session":
      return t("removed.what.session", { day });
    case "participant":
      return t("removed.what.participant", { title, day });
    case "action":
      return t("removed.what.action", { title, day });
    case "caseGoal":
      return t("removed.what.caseGoal", { title, code });
    case "checkIn":
      return t("removed.what.checkIn", { day, code });
    default:
      return t("removed.what.member", { title });
  }
}

export function removedTable(
  items: RemovedItem[],
  context: TableContext,
  restoreCell?: (i: RemovedItem) => ReactNode,
): TableModel<RemovedItem> {
  const { t, locale } = context;
  return {
    locale,
    rows: items,
    columns: [
      { kind: "text", header: t("removed.kind"), value: (i) => t(`removed.kinds.${i.kind}`) },
      {
        kind: "text",
        header: t("removed.description"),
        value: (i) => removedLabel(i, context),
      },
      { kind: "moment", header: t("removed.removedAt"), value: (i) => new Date(i.deletedAt) },
      {
        kind: "text",
        header: t("removed.restoreColumn"),
        value: () => null,
        cell: restoreCell,
        only: "screen",
      },
    ],
  };
}
