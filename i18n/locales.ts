import en from "@/messages/en.json";
import goalsEn from "@/messages/goals/en.json";
import goalsNl from "@/messages/goals/nl.json";
import mailEn from "@/messages/mail/en.json";
import mailNl from "@/messages/mail/nl.json";
import nl from "@/messages/nl.json";
import reflectionsEn from "@/messages/reflections/en.json";
import reflectionsNl from "@/messages/reflections/nl.json";
import roundsEn from "@/messages/rounds/en.json";
import roundsNl from "@/messages/rounds/nl.json";
import voiceEn from "@/messages/voice/en.json";
import voiceNl from "@/messages/voice/nl.json";

export const locales = ["nl", "en"] as const;
export type Locale = (typeof locales)[number];
/** Dutch by default; the user's choice is kept in this cookie. */
export const defaultLocale: Locale = "nl";
export const localeCookie = "NEXT_LOCALE";
export { TIME_ZONE as timeZone } from "@/domain/dates";

/** The formatting locale of a language: Dutch as in the Netherlands, English as in Europe. */
export function intlLocale(locale: string): "nl-NL" | "en-GB" {
  return locale === "en" ? "en-GB" : "nl-NL";
}

/** One message tree per locale; each domain keeps its texts in its own file under messages/. */
export const messages = {
  nl: { ...nl, ...goalsNl, ...reflectionsNl, ...roundsNl, ...voiceNl, ...mailNl },
  en: { ...en, ...goalsEn, ...reflectionsEn, ...roundsEn, ...voiceEn, ...mailEn },
};

export function resolveLocale(value: string | null | undefined): Locale {
  return (locales as readonly string[]).includes(value ?? "") ? (value as Locale) : defaultLocale;
}

/** Reads the locale cookie from a raw Cookie header (route handlers, tRPC context). */
export function localeFromCookieHeader(cookieHeader: string | null): Locale {
  const match = /(?:^|;\s*)NEXT_LOCALE=([^;]+)/.exec(cookieHeader ?? "");
  return resolveLocale(match?.[1]);
}
