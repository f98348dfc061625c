/** Translation outside React (error messages, audit-free server text). */
import { createTranslator } from "next-intl";
import { type Locale, messages } from "@/i18n/locales";

export type Translate = (key: string, params?: Record<string, string | number>) => string;

const cache = new Map<Locale, { t: Translate; has: (key: string) => boolean }>();

export function serverTranslator(locale: Locale) {
  let entry = cache.get(locale);
  if (!entry) {
    const t = createTranslator({ locale, messages: messages[locale] });
    entry = {
      // Keys here are built at run time (error codes, field names): the typed API cannot know them.
      t: (key, params) => (t as unknown as Translate)(key, params),
      has: (key) => (t.has as (k: string) => boolean)(key),
    };
    cache.set(locale, entry);
  }
  return entry;
}
