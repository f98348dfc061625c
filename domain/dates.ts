/**
 * Calendar days and quarters, the one place the product reckons with dates.
 *
 * A calendar day is stored and passed as text, "YYYY-MM-DD", and compared as text (ISO dates sort
 * like the days they name). "Today" is today in the Netherlands, not in UTC: between midnight and
 * 01:00/02:00 the two differ. Arithmetic on days runs in UTC so that no time zone moves a day.
 */

/** The time zone the product's users live in: "today", moments on screen, reminders. */
export const TIME_ZONE = "Europe/Amsterdam";

const MS_PER_DAY = 86_400_000;

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in the Netherlands, as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return dayFormat.format(now);
}

/** The moment a calendar day starts in UTC, for arithmetic (differences, fits over time). */
export function dateOf(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** The calendar day (YYYY-MM-DD, in UTC) of a moment made by `dateOf` or Date.UTC. */
export function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const minIso = (a: string, b: string) => (a < b ? a : b);
export const maxIso = (a: string, b: string) => (a > b ? a : b);

/** Adds (or, negative, subtracts) whole days. */
export function addDays(iso: string, days: number): string {
  return isoOf(new Date(dateOf(iso).getTime() + days * MS_PER_DAY));
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateOf(to).getTime() - dateOf(from).getTime()) / MS_PER_DAY);
}

/** Adds whole months, keeping the day where the month allows (31 Jan + 1 → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return isoOf(target);
}

/* ------------------------------------------------------------------ quarters */

/** A calendar quarter; `label` is "2026-K1" (K for kwartaal), `start`/`end` its first and last day. */
export type Quarter = {
  label: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  start: string;
  end: string;
};

/** The quarter with this year and number. */
export function quarterFor(year: number, quarter: Quarter["quarter"]): Quarter {
  const firstMonth = (quarter - 1) * 3; // 0-based
  return {
    label: `${year}-K${quarter}`,
    year,
    quarter,
    start: isoOf(new Date(Date.UTC(year, firstMonth, 1))),
    // Day 0 of the month after the quarter is the quarter's last day.
    end: isoOf(new Date(Date.UTC(year, firstMonth + 3, 0))),
  };
}

/** The calendar quarter holding an ISO date. */
export function quarterOf(iso: string): Quarter {
  const year = Number(iso.slice(0, 4));
  const quarter = (Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1) as Quarter["quarter"];
  return quarterFor(year, quarter);
}

/** The `count` quarters up to and including the one holding `today`, oldest first. */
export function lastQuarters(today: string, count: number): Quarter[] {
  const current = quarterOf(today);
  const index = current.year * 4 + (current.quarter - 1);
  return Array.from({ length: count }, (_, i) => {
    const n = index - (count - 1 - i);
    return quarterFor(Math.floor(n / 4), ((n % 4) + 1) as Quarter["quarter"]);
  });
}

/** The quarters from the one holding `from` up to the one holding `to`, oldest first. */
export function quartersBetween(from: string, to: string): Quarter[] {
  const a = quarterOf(from);
  const b = quarterOf(to);
  const count = b.year * 4 + b.quarter - (a.year * 4 + a.quarter) + 1;
  return count > 0 ? lastQuarters(b.end, count) : [];
}
