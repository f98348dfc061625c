import { useFormatter } from "next-intl";

/** next-intl's formatter (useFormatter on the client, getFormatter on the server). */
type DateFormatter = Pick<ReturnType<typeof useFormatter>, "dateTime">;

const styles = {
  long: { dateStyle: "long" },
  medium: { dateStyle: "medium" },
  month: { month: "short", year: "numeric" },
} as const;

/**
 * A calendar day stored as YYYY-MM-DD, as people read it ("12 maart 2026"). Days are not
 * moments: they are formatted in UTC, so no time zone moves them to the day before.
 */
export function formatDay(
  format: DateFormatter,
  iso: string,
  style: keyof typeof styles = "long",
): string {
  return format.dateTime(new Date(`${iso}T00:00:00Z`), { ...styles[style], timeZone: "UTC" });
}

/** `formatDay` in the user's language, for client components. */
export function useFormatDay() {
  const format = useFormatter();
  return (iso: string, style: keyof typeof styles = "long") => formatDay(format, iso, style);
}
