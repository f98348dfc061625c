/**
 * The tables of cases, declared once for the screen and the CSV download
 * (app/_components/table-model.ts): the case list (case-list.tsx) and a case's progress and
 * links (cases/[caseId]/_sections/). Only people who may open the case get them: the data is
 * what cases.list and cases.get answer them, and both reads are audited.
 */
import type { ReactNode } from "react";
import { formatDay } from "@/app/_components/dates";
import type { TableColumn, TableContext, TableModel } from "@/app/_components/table-model";
import type { RouterOutputs } from "@/app/_trpc/types";
import { ageBandBounds, casePerspectives } from "@/domain/vocabulary";

type ListedCase = RouterOutputs["cases"]["list"]["items"][number];
type Case = RouterOutputs["cases"]["get"];
type CheckIn = Case["timeline"][number];
type VoiceLink = Case["links"][number];

/** The filters of the case list, as its screen and its CSV link carry them. */
export type CaseFilters = {
  status: "open" | "closed" | "all";
  mine: boolean;
  signal?: "any" | "no_progress" | "disagreement";
};

/** The case list's filters from a CSV link's query string (the procedure checks them again). */
export function caseFiltersFrom(query: URLSearchParams): CaseFilters {
  const status = query.get("status");
  const signal = query.get("signal");
  return {
    status: status === "closed" || status === "all" ? status : "open",
    mine: query.get("mine") === "true",
    ...(signal === "any" || signal === "no_progress" || signal === "disagreement"
      ? { signal }
      : {}),
  };
}

/** The query string of the case list's CSV link. */
export function caseFiltersQuery(filters: CaseFilters): string {
  const query = new URLSearchParams({ status: filters.status });
  if (filters.mine) query.set("mine", "true");
  if (filters.signal) query.set("signal", filters.signal);
  return query.toString();
}

/** The cases in view; on screen the code links to the case and the signals are badges. */
export function caseListTable(
  cases: ListedCase[],
  { t, locale }: TableContext,
  cells: {
    code?: (c: ListedCase) => ReactNode;
    signals?: (c: ListedCase) => ReactNode;
    nextCheckIn?: (c: ListedCase) => ReactNode;
  } = {},
): TableModel<ListedCase> {
  return {
    locale,
    rows: cases,
    columns: [
      { kind: "text", header: t("cases.code"), value: (c) => c.code, cell: cells.code },
      {
        kind: "text",
        header: t("fields.ageBand"),
        value: (c) => t("cases.ageBandValue", ageBandBounds(c.ageBand)),
      },
      {
        kind: "text",
        header: t("fields.schoolType"),
        value: (c) => t(`cases.schoolType.${c.schoolType}`),
      },
      // On screen one column "from – to"; the file has the two days apart.
      {
        kind: "text",
        header: t("cases.opened"),
        value: () => null,
        cell: (c) =>
          `${formatDay(locale, c.openedOn, "medium")}${c.closedOn ? ` – ${formatDay(locale, c.closedOn, "medium")}` : ""}`,
        only: "screen",
      },
      { kind: "day", header: t("fields.openedOn"), value: (c) => c.openedOn, only: "csv" },
      { kind: "day", header: t("fields.closedOn"), value: (c) => c.closedOn, only: "csv" },
      {
        kind: "day",
        header: t("cases.lastCheckIn"),
        value: (c) => c.lastCheckIn,
        style: "medium",
      },
      // By the case's rhythm; on screen a due day that has passed says so.
      {
        kind: "day",
        header: t("cases.nextCheckIn"),
        value: (c) => c.nextCheckIn?.dueOn ?? null,
        style: "medium",
        cell: cells.nextCheckIn,
      },
      { kind: "number", header: t("cases.gasT"), value: (c) => c.gasT, digits: 1 },
      {
        kind: "text",
        header: t("cases.signals"),
        value: (c) =>
          [
            c.signals.noProgress ? t("cases.signalFilter.no_progress") : null,
            c.signals.disagreement ? t("cases.signalFilter.disagreement") : null,
          ]
            .filter(Boolean)
            .join(", ") || null,
        cell: cells.signals,
      },
      { kind: "text", header: t("cases.assigned"), value: (c) => c.assigned.join(", ") || null },
    ],
  };
}

/** Per check-in, each perspective's "collaboration / wellbeing" and the changes of professional. */
export function perspectivesTable(c: Case, { t, locale }: TableContext): TableModel<CheckIn> {
  const rating = (x: CheckIn, p: (typeof casePerspectives)[number]) =>
    x.ratings.find((r) => r.perspective === p);
  return {
    locale,
    rows: c.timeline,
    columns: [
      { kind: "day", header: t("cases.checkInDate"), value: (x) => x.heldOn },
      ...casePerspectives.map(
        (p): TableColumn<CheckIn> => ({
          kind: "text",
          header: t(`cases.perspective.${p}`),
          value: (x) => {
            const r = rating(x, p);
            return r
              ? `${r.collaboration} / ${r.wellbeing}${r.viaLink ? ` (${t("cases.viaLink")})` : ""}`
              : null;
          },
        }),
      ),
      { kind: "number", header: t("cases.changes"), value: (x) => x.professionalChanges },
    ],
  };
}

/** The GAS T-score at each check-in. */
export function gasTable(c: Case, { t, locale }: TableContext): TableModel<CheckIn> {
  return {
    locale,
    rows: c.timeline,
    columns: [
      { kind: "day", header: t("cases.checkInDate"), value: (x) => x.heldOn },
      { kind: "number", header: t("cases.gasT"), value: (x) => x.gasT, digits: 1 },
    ],
  };
}

/** The personal links made for the case (never their token); on screen, open ones can be revoked. */
export function voiceLinksTable(
  c: Case,
  { t, locale }: TableContext,
  actionsCell?: (l: VoiceLink) => ReactNode,
): TableModel<VoiceLink> {
  return {
    locale,
    rows: c.links,
    columns: [
      {
        kind: "text",
        header: t("fields.perspective"),
        value: (l) => t(`cases.perspective.${l.perspective}`),
      },
      { kind: "moment", header: t("cases.linkMade"), value: (l) => l.createdAt, style: "day" },
      {
        kind: "moment",
        header: t("cases.linkValidUntil"),
        value: (l) => l.expiresAt,
        style: "day",
      },
      { kind: "text", header: t("fields.status"), value: (l) => t(`cases.linkState.${l.state}`) },
      {
        kind: "text",
        header: t("cases.actions"),
        value: () => null,
        cell: actionsCell,
        only: "screen",
      },
    ],
  };
}
