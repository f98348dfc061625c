import type { Scope } from "@/domain/permissions";

/** The page of a scope: the nation, a region, a municipality. */
export function scopeHref(scope: Scope): string {
  if (scope.kind === "nation") return "/national";
  return scope.kind === "region" ? `/regions/${scope.id}` : `/municipalities/${scope.id}`;
}
