/**
 * The tables of reflection sessions, declared once for the screen and the CSV download
 * (app/_components/table-model.ts): the list of sessions (reflection-list.tsx) and the session
 * report (report/page.tsx).
 */
import type { ReactNode } from "react";
import { formatDay } from "@/app/_components/dates";
import type { TableContext, TableModel } from "@/app/_components/table-model";
import type { RouterOutputs } from "@/app/_trpc/types";

type SessionList = RouterOutputs["reflections"]["list"];
type ListedSession = SessionList["sessions"][number];
type Session = RouterOutputs["reflections"]["get"];
type LevelRow = { id: string; label: string; now: number | null; before: number | null };

const score = { kind: "number", digits: 1 } as const;

/** All sessions, newest first; on screen the date links to the session, the status is a badge. */
export function sessionsTable(
  list: SessionList,
  { t, locale }: TableContext,
  cells: {
    heldOn?: (s: ListedSession) => ReactNode;
    status?: (s: ListedSession) => ReactNode;
  } = {},
): TableModel<ListedSession> {
  return {
    locale,
    rows: list.sessions,
    columns: [
      { kind: "day", header: t("fields.heldOn"), value: (s) => s.heldOn, cell: cells.heldOn },
      {
        kind: "text",
        header: t("fields.status"),
        value: (s) => t(`reflections.status.${s.status}`),
        cell: cells.status,
      },
      { kind: "number", header: t("reflections.participants"), value: (s) => s.participants },
      { ...score, header: t("reflections.index"), value: (s) => s.index },
    ],
  };
}

/** The report's scores: each level and the index, this session beside the previous one. */
export function reportScoresTable(
  s: Session,
  { t, locale }: TableContext,
  levelCell?: (r: LevelRow) => ReactNode,
): TableModel<LevelRow> {
  const previous = s.previous?.summary ?? null;
  return {
    locale,
    rows: [
      ...s.instrument.levels.map((l) => ({
        id: l.id,
        label: l.label[locale],
        now: s.summary.levels.find((x) => x.levelId === l.id)?.score ?? null,
        before: previous?.levels.find((x) => x.levelId === l.id)?.score ?? null,
      })),
      {
        id: "index",
        label: t("reflections.index"),
        now: s.summary.index,
        before: previous?.index ?? null,
      },
    ],
    columns: [
      { kind: "text", header: t("reflections.level"), value: (r) => r.label, cell: levelCell },
      { ...score, header: t("reflections.thisSession"), value: (r) => r.now },
      {
        ...score,
        header: s.previous
          ? t("reflections.previousOn", { date: formatDay(locale, s.previous.heldOn) })
          : t("reflections.previousSessionShort"),
        value: (r) => r.before,
      },
    ],
  };
}

/** The report's largest sector gaps: the five first with a gap. */
export function reportGaps(s: Session) {
  return s.summary.gaps.filter((g) => g.gap !== null).slice(0, 5);
}

/** The actions agreed in the session. */
export function reportActionsTable(
  s: Session,
  { t, locale }: TableContext,
): TableModel<Session["actions"][number]> {
  return {
    locale,
    rows: s.actions,
    columns: [
      { kind: "text", header: t("reflections.actionDescription"), value: (a) => a.description },
      { kind: "text", header: t("fields.ownerOrganisationId"), value: (a) => a.ownerName },
      { kind: "day", header: t("fields.dueOn"), value: (a) => a.dueOn },
    ],
  };
}

/** Where participants see a factor differently (domain/disagreements.ts), largest first. */
export function disagreementsTable(
  s: Session,
  { t, locale }: TableContext,
): TableModel<Session["disagreements"][number]> {
  const factors = s.instrument.levels.flatMap((l) => l.factors);
  return {
    locale,
    rows: s.disagreements,
    columns: [
      {
        kind: "text",
        header: t("disagreements.factor"),
        value: (d) =>
          `${d.factorId} ${factors.find((f) => f.id === d.factorId)?.label[locale] ?? ""}`,
      },
      { kind: "number", digits: 0, header: t("disagreements.range"), value: (d) => d.range },
      { ...score, header: t("disagreements.sd"), value: (d) => d.sd },
      { ...score, header: t("disagreements.mean"), value: (d) => d.mean },
      { ...score, header: t("disagreements.sectorGap"), value: (d) => d.sectorGap },
      { ...score, header: t("disagreements.families"), value: (d) => d.families },
      { kind: "number", digits: 0, header: t("disagreements.n"), value: (d) => d.n },
    ],
  };
}
