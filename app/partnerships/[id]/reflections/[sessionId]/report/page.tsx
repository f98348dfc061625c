import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requestTableContext } from "@/app/_components/csv-route";
import { DataTable } from "@/app/_components/data-table";
import { formatDay, formatMoment } from "@/app/_components/dates";
import { loadOr404 } from "@/app/_components/guard";
import { InstrumentLine } from "@/app/_components/instrument-line";
import { SectorGapTable } from "@/app/_components/sector-gaps";
import { EmptyState } from "@/app/_components/states";
import { serverCaller } from "@/app/_trpc/server";
import { NotShared } from "@/app/partnerships/[id]/not-shared";
import { loadPartnership } from "@/app/partnerships/[id]/partnership";
import {
  reportActionsTable,
  reportGaps,
  reportScoresTable,
} from "@/app/partnerships/[id]/reflections/tables";
import { PrintButton } from "./print-button";

type Props = { params: Promise<{ id: string; sessionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reflections"))("reportTitleShort") };
}

/** The one-page session report (print stylesheet in theme.css): scores per level with the previous session beside them, the largest sector gaps, goal verdicts and agreed actions. */
export default async function ReportPage({ params }: Props) {
  const { id, sessionId } = await params;
  if (!(await loadPartnership(id)).can.readSessions)
    return (
      <NotShared
        partnershipId={id}
        title={(await getTranslations("reflections"))("reportTitleShort")}
      />
    );
  const s = await loadOr404(async () =>
    (await serverCaller()).reflections.get({ partnershipId: id, sessionId }),
  );
  const [t, tf, locale, partnership] = await Promise.all([
    getTranslations("reflections"),
    getTranslations("fields"),
    getLocale(),
    loadPartnership(id),
  ]);
  const date = (iso: string) => formatDay(locale, iso);
  const tables = await requestTableContext();
  const csv = (table: string) => `/partnerships/${id}/reflections/${sessionId}/export/${table}.csv`;
  const gaps = reportGaps(s);
  const reviewed = s.goals.filter((g) => g.review);

  return (
    <article className="smo-report">
      {/* On paper the page has no breadcrumb: the report names its partnership itself. */}
      <p className="utrecht-paragraph smo-report__for">
        {partnership.name} · {partnership.municipality.name}
      </p>
      <h1 className="utrecht-heading-1">{t("reportTitle", { date: date(s.heldOn) })}</h1>
      <p className="utrecht-paragraph">
        {s.signedOffAt && s.signedOffByName
          ? t("signedOffOn", {
              name: s.signedOffByName,
              date: formatMoment(locale, new Date(s.signedOffAt), "day"),
            })
          : t(`status.${s.status}`)}{" "}
        ·{" "}
        {t("participantsLine", {
          names:
            s.participants.map((p) => `${p.name} (${t(`sector.${p.sector}`)})`).join(", ") || "–",
        })}
      </p>
      <InstrumentLine version={s.instrumentVersion} />
      <PrintButton label={t("print")} />

      <h2 className="utrecht-heading-2">{t("reportScores")}</h2>
      <DataTable
        caption={t("reportScores")}
        className="smo-table-compact"
        table={reportScoresTable(s, tables, (r) =>
          r.id === "index" ? <strong>{r.label}</strong> : r.label,
        )}
        rowKey={(r) => r.id}
        csv={csv("scores")}
      />

      <h2 className="utrecht-heading-2">{t("reportGaps")}</h2>
      {gaps.length === 0 ? (
        <EmptyState>{t("noGapsReport")}</EmptyState>
      ) : (
        <SectorGapTable
          caption={t("reportGaps")}
          gaps={gaps}
          instrument={s.instrument}
          csv={csv("gaps")}
        />
      )}

      <h2 className="utrecht-heading-2">{t("goalsTitle")}</h2>
      {reviewed.length === 0 ? (
        <EmptyState>{t("noGoalVerdicts")}</EmptyState>
      ) : (
        <ul className="utrecht-unordered-list">
          {reviewed.map((g) => (
            <li key={g.id} className="utrecht-unordered-list__item">
              <strong>{g.title}</strong>: {g.review && t(`assessment.${g.review.assessment}`)}
              {g.review?.story ? ` — ${g.review.story}` : ""}
            </li>
          ))}
        </ul>
      )}

      <h2 className="utrecht-heading-2">{t("reflectionTitle")}</h2>
      <p className="utrecht-paragraph">
        <strong>{tf("whatWorks")}:</strong> {s.whatWorks || "–"}
      </p>
      <p className="utrecht-paragraph">
        <strong>{tf("whatDoesNot")}:</strong> {s.whatDoesNot || "–"}
      </p>

      <h2 className="utrecht-heading-2">{t("actionsTitle")}</h2>
      {s.actions.length === 0 ? (
        <EmptyState>{t("noActions")}</EmptyState>
      ) : (
        <DataTable
          caption={t("actionsTitle")}
          table={reportActionsTable(s, tables)}
          rowKey={(a) => a.id}
          csv={csv("actions")}
        />
      )}
    </article>
  );
}
