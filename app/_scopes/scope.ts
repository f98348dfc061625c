/**
 * The scope a dashboard is about (the nation, a youth-care region, a municipality), as the
 * scopes.* procedures take it, and which neighbouring scopes the signed-in user may open: the
 * server decides access (reachesScope in domain/permissions.ts, on every call); the page uses
 * the same rule only to decide whether a name is a link.
 */
import type { RouterInputs, RouterOutputs } from "@/app/_trpc/types";
import { NATION_ID, reachesScope, type Scope, type ScopeGrants } from "@/domain/permissions";

export type ScopeInput = RouterInputs["scopes"]["overview"];
export type Overview = RouterOutputs["scopes"]["overview"];
export type ScopeKind = ScopeInput["scopeKind"];

export function scopeInput(kind: ScopeKind, id: string): ScopeInput {
  if (kind === "nation") return { scopeKind: "nation", scopeId: NATION_ID };
  return { scopeKind: kind, scopeId: id };
}

/** The signed-in user as me.get answers, reduced to what decides scopes. */
export type ScopeUser = {
  isAdmin: boolean;
  isNationalAnalyst: boolean;
  regions: readonly { regionId: string }[];
  municipalities: readonly { municipalityId: string }[];
};

export function grantsOf(user: ScopeUser): ScopeGrants {
  return {
    admin: user.isAdmin,
    national: user.isNationalAnalyst,
    regionIds: user.regions.map((r) => r.regionId),
    municipalityIds: user.municipalities.map((m) => m.municipalityId),
  };
}

/** Whether a scope near this one (a parent, a child) opens for the user. */
export function opens(grants: ScopeGrants, scope: Scope, regionOfMunicipality?: string): boolean {
  return reachesScope(grants, scope, regionOfMunicipality);
}

/** Where a scope's table downloads as CSV (app/_scopes/csv.ts), with the choice it was made on. */
export function scopeCsvHref(
  scope: ScopeInput,
  table: string,
  query?: Record<string, string>,
): string {
  const base =
    scope.scopeKind === "nation"
      ? "/national"
      : scope.scopeKind === "region"
        ? `/regions/${scope.scopeId}`
        : `/municipalities/${scope.scopeId}`;
  const search = query ? `?${new URLSearchParams(query)}` : "";
  return `${base}/export/${table}.csv${search}`;
}

/** The scopes one level down, with a link (and a municipality's report) where the user may open them. */
export function placeRows(overview: Overview, grants: ScopeGrants) {
  return overview.children.map((c) => {
    const open =
      c.kind === "region"
        ? opens(grants, { kind: "region", id: c.id })
        : opens(grants, { kind: "municipality", id: c.id }, overview.scope.id);
    const href = c.kind === "region" ? `/regions/${c.id}` : `/municipalities/${c.id}`;
    return {
      id: c.id,
      name: c.name,
      href: open ? href : null,
      partnerships: c.partnerships,
      report: open && c.kind === "municipality" ? `${href}/report` : null,
    };
  });
}
