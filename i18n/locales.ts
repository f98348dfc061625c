import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

export const locales = ["nl", "en"] as const;
export type Locale = (typeof locales)[number];
/** Dutch by default; the user's choice is kept in this cookie. */
export const defaultLocale: Locale = "nl";
export const localeCookie = "NEXT_LOCALE";
export const timeZone = "Europe/Amsterdam";

export const messages = { nl, en } satisfies Record<Locale, typeof nl>;

export function resolveLocale(value: string | null | undefined): Locale {
  return (locales as readonly string[]).includes(value ?? "") ? (value as Locale) : defaultLocale;
}

/** Reads the locale cookie from a raw Cookie header (route handlers, tRPC context). */
export function localeFromCookieHeader(cookieHeader: string | null): Locale {
  const match = /(?:^|;\s*)NEXT_LOCALE=([^;]+)/.exec(cookieHeader ?? "");
  return resolveLocale(match?.[1]);
}
