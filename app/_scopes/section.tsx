"use client";

/**
 * What every section of a scope dashboard shares: its heading, and the states before its
 * figures are there — loading, an error, "Cijfers worden berekend" before the first
 * computation, and empty — so each section only says what its figures show.
 */
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTableContext } from "@/app/_components/table-context";
import { useTRPC } from "@/app/_trpc/client";
import type { Overview, ScopeInput } from "./scope";
import type { TableContext } from "./table-model";

/** The scope's overview (prefetched on the server), shared by every section. */
export function useOverview(scope: ScopeInput) {
  const trpc = useTRPC();
  return useQuery(trpc.scopes.overview.queryOptions(scope));
}

/** The table context with the scope's thresholds, for the markers of withheld figures. */
export function useScopeTableContext(overview: Overview | undefined): TableContext {
  return {
    ...useTableContext(),
    thresholds: overview?.thresholds ?? { cases: 10, partnerships: 3, scorers: 5 },
  };
}

export function ScopeSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="smo-scope-section">
      <h2 id={`${id}-heading`} className="utrecht-heading-2" tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * Renders a section's figures once they are there; before that the state they are in. The
 * figures are computed by a background job: before its first round the sections say so.
 */
export function FiguresGate<T>({
  scope,
  query,
  isEmpty,
  empty,
  children,
}: {
  scope: ScopeInput;
  query: UseQueryResult<T, { message: string }>;
  isEmpty?: (data: T) => boolean;
  empty?: string;
  children: (data: T, context: TableContext, overview: Overview) => ReactNode;
}) {
  const t = useTranslations("scopes");
  const ta = useTranslations("app");
  const overview = useOverview(scope);
  const context = useScopeTableContext(overview.data);
  if (query.isPending || overview.isPending) return <Loading label={ta("loading")} />;
  if (overview.isError) return <ErrorAlert message={overview.error.message} />;
  if (query.isError) return <ErrorAlert message={query.error.message} />;
  if (!overview.data.figuresAsOf) return <EmptyState>{t("computing")}</EmptyState>;
  if (isEmpty?.(query.data)) return <EmptyState>{empty}</EmptyState>;
  return (
    <div aria-busy={query.isFetching || undefined}>
      {children(query.data, context, overview.data)}
    </div>
  );
}
