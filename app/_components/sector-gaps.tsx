/**
 * The gap between the sectors per factor: education's mean beside youth care's, parents and
 * young people beside them, and the difference between the first two. The partnership
 * dashboard and the session report show it, and download it as CSV; works in server and client
 * components alike.
 */
import { DataTable } from "@/app/_components/data-table";
import { useTableContext } from "@/app/_components/table-context";
import type { TableContext, TableModel } from "@/app/_components/table-model";
import type { Instrument } from "@/domain/instrument";
import type { SectorGap } from "@/domain/scoring";

/** "F3 Gedeelde visie": a factor's code and its name in the user's language. */
export function factorName(instrument: Instrument, factorId: string, { locale }: TableContext) {
  const factor = instrument.levels.flatMap((l) => l.factors).find((f) => f.id === factorId);
  return `${factorId} ${factor?.label[locale] ?? factorId}`;
}

/** The table's columns, for the screen and the CSV alike. */
export function sectorGapTable(
  gaps: SectorGap[],
  /** The instrument the scores were given on, for the factors' names. */
  instrument: Instrument,
  context: TableContext,
): TableModel<SectorGap> {
  const { t, locale } = context;
  const score = { kind: "number", digits: 1 } as const;
  return {
    locale,
    rows: gaps,
    columns: [
      {
        kind: "text",
        header: t("sectorGaps.factor"),
        value: (g) => factorName(instrument, g.factorId, context),
      },
      { ...score, header: t("sectorGaps.education"), value: (g) => g.education },
      { ...score, header: t("sectorGaps.youthCare"), value: (g) => g.youthCare },
      { ...score, header: t("sectorGaps.families"), value: (g) => g.families },
      { ...score, header: t("sectorGaps.gap"), value: (g) => g.gap },
    ],
  };
}

export function SectorGapTable({
  caption,
  gaps,
  instrument,
  csv,
}: {
  caption: string;
  gaps: SectorGap[];
  instrument: Instrument;
  csv?: string;
}) {
  const context = useTableContext();
  return (
    <DataTable
      caption={caption}
      table={sectorGapTable(gaps, instrument, context)}
      rowKey={(g) => g.factorId}
      csv={csv}
    />
  );
}
