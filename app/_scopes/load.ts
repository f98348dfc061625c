import "server-only";
import { getTranslations } from "next-intl/server";
import { loadOr404 } from "@/app/_components/guard";
import { currentUser } from "@/app/_components/session";
import { getQueryClient, trpc } from "@/app/_trpc/server";
import { type Overview, type ScopeInput, type ScopeKind, scopeInput } from "./scope";

/**
 * A scope's overview for a page, once per request (the query client is the request's, so the
 * page and its metadata share one call, and the client components get it hydrated). A scope
 * that does not exist or that the user's grants do not reach is the 404 page.
 */
export async function loadScope(kind: ScopeKind, id: string) {
  const input = scopeInput(kind, id);
  const [overview, user] = await Promise.all([
    loadOr404(() => getQueryClient().fetchQuery(trpc.scopes.overview.queryOptions(input))),
    currentUser(),
  ]);
  if (!user) throw new Error("a scope page without a user");
  return { input, overview, user };
}

/** The page's heading: "Nederland", "Jeugdregio Amsterdam-Amstelland", "Gemeente Amsterdam". */
export async function scopeTitle(overview: Overview): Promise<string> {
  const t = await getTranslations("scopes");
  return scopeName(overview.scope.kind, overview.name, t);
}

export function scopeName(
  kind: ScopeKind,
  name: string | null,
  t: (key: string, params?: Record<string, string>) => string,
): string {
  if (kind === "nation") return t("nation");
  return t(kind === "region" ? "regionTitle" : "municipalityTitle", { name: name ?? "" });
}

export type LoadedScope = Awaited<ReturnType<typeof loadScope>>;
export type { ScopeInput };
