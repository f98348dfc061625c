import { useLocale, useTranslations } from "next-intl";
import { resolveLocale } from "@/i18n/locales";
import type { TableContext } from "./table-model";

/** The user's language and texts for table declarations, in client and non-async server components. */
export function useTableContext(): TableContext {
  const t = useTranslations();
  return { t, has: (key) => t.has(key), locale: resolveLocale(useLocale()) };
}
