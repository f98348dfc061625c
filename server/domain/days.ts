/**
 * Calendar days (YYYY-MM-DD) as people in the Netherlands live them: "today" is today in
 * Amsterdam, not in UTC (between midnight and 01:00/02:00 the two differ).
 */
import { timeZone } from "@/i18n/locales";

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in the Netherlands, as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return dayFormat.format(now);
}
