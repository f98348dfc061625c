/**
 * Which version of the instrument the scores are on: said on a session, its report and the
 * dashboard, since scores are kept per version and trends compare like with like. With more
 * than one version, what changed between them (the instrument's own notes, domain/instrument.ts).
 */
import { useTranslations } from "next-intl";
import { instrumentByVersion, instruments } from "@/domain/instrument";

export function InstrumentLine({ version, trend = false }: { version: number; trend?: boolean }) {
  const t = useTranslations("instrument");
  const instrument = instrumentByVersion(version);
  if (!instrument) return null;
  const factors = instrument.levels.reduce((n, l) => n + l.factors.length, 0);
  const versions = Object.values(instruments);
  return (
    <p className="utrecht-paragraph smo-muted smo-instrument">
      {t("line", { version, factors, levels: instrument.levels.length })}
      {trend && versions.length > 1 && ` ${t("trendOneVersion")}`}
    </p>
  );
}
