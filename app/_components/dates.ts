import { useLocale } from "next-intl";
import { intlLocale, timeZone } from "@/i18n/locales";
import { dateTimeFormat } from "./intl";

const dayStyles = {
  long: { dateStyle: "long" },
  medium: { dateStyle: "medium" },
  month: { month: "short", year: "numeric" },
} as const;

/**
 * A calendar day stored as YYYY-MM-DD, as people read it ("12 maart 2026", "12 March 2026").
 * Days are not moments: they are formatted in UTC, so no time zone moves them to the day before.
 */
export function formatDay(
  locale: string,
  iso: string,
  style: keyof typeof dayStyles = "long",
): string {
  return dateTimeFormat(intlLocale(locale), {
    ...dayStyles[style],
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));
}

/** A moment (a timestamp) in Dutch time: "12 maart 2026 om 14:05", or only its day. */
export function formatMoment(locale: string, at: Date, style: "long" | "day" = "long"): string {
  return dateTimeFormat(intlLocale(locale), {
    dateStyle: "long",
    ...(style === "long" ? { timeStyle: "short" } : {}),
    timeZone,
  }).format(at);
}

/** `formatDay` and `formatMoment` in the user's language, for client components. */
export function useDates() {
  const locale = useLocale();
  return {
    day: (iso: string, style: keyof typeof dayStyles = "long") => formatDay(locale, iso, style),
    moment: (at: Date, style?: "long" | "day") => formatMoment(locale, at, style),
  };
}
