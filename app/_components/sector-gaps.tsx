/**
 * The gap between the sectors per factor: education's mean beside youth care's, parents and
 * young people beside them, and the difference between the first two. The partnership
 * dashboard and the session report show it; works in server and client components alike.
 */
import { useLocale, useTranslations } from "next-intl";
import { DataTable } from "@/app/_components/data-table";
import { formatScore } from "@/app/_components/status";
import type { Instrument } from "@/domain/instrument";
import type { SectorGap } from "@/domain/scoring";

export function SectorGapTable({
  caption,
  gaps,
  instrument,
}: {
  caption: string;
  gaps: SectorGap[];
  /** The instrument the scores were given on, for the factors' names. */
  instrument: Instrument;
}) {
  const t = useTranslations("sectorGaps");
  const locale = useLocale();
  const lang = locale === "en" ? "en" : "nl";
  const factorLabel = (id: string) =>
    instrument.levels.flatMap((l) => l.factors).find((f) => f.id === id)?.label[lang] ?? id;
  const score = (value: number | null) => formatScore(value, locale);
  return (
    <DataTable
      caption={caption}
      rows={gaps}
      rowKey={(g) => g.factorId}
      columns={[
        { header: t("factor"), cell: (g) => `${g.factorId} ${factorLabel(g.factorId)}` },
        { header: t("education"), cell: (g) => score(g.education), numeric: true },
        { header: t("youthCare"), cell: (g) => score(g.youthCare), numeric: true },
        { header: t("families"), cell: (g) => score(g.families), numeric: true },
        { header: t("gap"), cell: (g) => score(g.gap), numeric: true },
      ]}
    />
  );
}
