import type { Scope } from "@/domain/permissions";

/** The page of a scope: the nation, a region, a municipality. */
export function scopeHref(scope: Scope): string {
  if (scope.kind === "nation") return "/national";
  return scope.kind === "region" ? `/regions/${scope.id}` : `/municipalities/${scope.id}`;
}

type ScopeHolder = {
  isNationalAnalyst: boolean;
  regions: readonly { regionId: string; name: string }[];
  municipalities: readonly { municipalityId: string; name: string }[];
};

/**
 * The dashboards a person looks on from, widest first, named with the words `nav` gives
 * ("Landelijk", "Regio …", "Gemeente …"): for the main menu and wherever an analyst is pointed home.
 */
export function scopeLinks(
  user: ScopeHolder,
  nav: (key: "national" | "region" | "municipality") => string,
) {
  return [
    ...(user.isNationalAnalyst ? [{ href: "/national", label: nav("national") }] : []),
    ...user.regions.map((r) => ({
      href: `/regions/${r.regionId}`,
      label: `${nav("region")} ${r.name}`,
    })),
    ...user.municipalities.map((m) => ({
      href: `/municipalities/${m.municipalityId}`,
      label: `${nav("municipality")} ${m.name}`,
    })),
  ];
}
