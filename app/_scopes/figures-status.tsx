"use client";

/**
 * When the figures were computed ("Cijfers van 1 december 2026, 10:41"), or that they are being
 * computed. The background job publishes them after changes and every day; until its first
 * round this asks again every few seconds and then refreshes every section.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { intlLocale, timeZone } from "@/i18n/locales";
import type { ScopeInput } from "./scope";

const POLL_MS = 5_000;

export function FiguresStatus({ scope }: { scope: ScopeInput }) {
  const t = useTranslations("scopes");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const overview = useQuery({
    ...trpc.scopes.overview.queryOptions(scope),
    refetchInterval: (q) => (q.state.data && !q.state.data.figuresAsOf ? POLL_MS : false),
  });
  const asOf = overview.data?.figuresAsOf ?? null;
  const seen = useRef(asOf?.getTime() ?? null);
  useEffect(() => {
    const now = asOf?.getTime() ?? null;
    if (now !== null && seen.current !== now) {
      seen.current = now;
      // New figures: every section asks for them again.
      void queryClient.invalidateQueries(trpc.scopes.pathFilter());
    }
  }, [asOf, queryClient, trpc]);
  const at = (d: Date) => {
    const format = (o: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(intlLocale(locale), { ...o, timeZone }).format(d);
    return t("asOf", { date: format({ dateStyle: "long" }), time: format({ timeStyle: "short" }) });
  };
  return (
    <p className="utrecht-paragraph smo-as-of" role="status">
      {asOf ? at(asOf) : <strong>{t("computing")}</strong>}
    </p>
  );
}
