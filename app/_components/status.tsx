import { useTranslations } from "next-intl";
import type { goalStatuses } from "@/domain/vocabulary";
import { intlLocale } from "@/i18n/locales";
import { numberFormat } from "./intl";

/** A goal's status in colour and in words (never colour alone). */
export function GoalStatusBadge({ status }: { status: (typeof goalStatuses)[number] }) {
  const t = useTranslations("goalStatus");
  const mark = { achieved: "✓", on_track: "✓", at_risk: "!", off_track: "✕", no_data: "–" }[status];
  return (
    <span className={`utrecht-status-badge smo-badge-${status}`}>
      <span aria-hidden="true">{mark} </span>
      {t(status)}
    </span>
  );
}

/** A 1–5 score with one decimal, or a dash for none. */
export function formatScore(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return "–";
  return numberFormat(intlLocale(locale), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}
