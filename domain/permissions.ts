/**
 * Who may do what: the one table of capabilities. Procedures declare the capability they need
 * (server/trpc.ts), the pages read `can` (computed from this table for the signed-in user), and
 * the authorization matrix test derives its expectations from it. Change a rule here and all
 * three follow. docs/ARCHITECTURE.md "Permissions" explains the model; docs/DOMAIN.md "Roles and what each may do" says why each role has
 * what it has.
 *
 * Inside a partnership, a caller stands as one of its roles (a membership), as a platform admin,
 * or as an analyst of the partnership's municipality — and then the partnership's sharing choice
 * decides: with "aggregates" an analyst has no access to the partnership itself, with "full"
 * they may read what the table gives analysts. One user can stand in several ways at once (an admin who is also a leader):
 * a capability is theirs when any of them has it.
 */
import type { MunicipalitySharing, PartnershipRole } from "./vocabulary";

type Rule = {
  /** Members with these roles. */
  readonly roles: readonly PartnershipRole[];
  /** Platform admins (who set partnerships up, but never read case details). */
  readonly admin: boolean;
  /** Analysts of the partnership's municipality, when the partnership shares this way. */
  readonly analyst: readonly MunicipalitySharing[];
};

const members = ["coordinator", "leader", "professional"] as const;
const shared = ["full"] as const;
const none = [] as const;

export const partnershipCapabilities = {
  /** The overview: name, purpose, form, partner organisations. */
  readPartnership: { roles: members, admin: true, analyst: shared },
  /** The dashboard's collaboration trend, goal statuses and actions. */
  readDashboard: { roles: members, admin: true, analyst: shared },
  /** The goal tree, a goal's measurements and its history. */
  readGoals: { roles: members, admin: true, analyst: shared },
  /** Who is who: members, the names behind measurements, reviews and changes. */
  readPeople: { roles: members, admin: true, analyst: none },
  /**
   * Sessions and what depends on them: each participant's own scores (a parent's too) and the
   * gap between sectors, which can be the means of one or two people.
   */
  readSessions: { roles: members, admin: true, analyst: none },
  /** Case figures of this partnership per quarter (small numbers hidden, see below). */
  readCaseAggregates: { roles: members, admin: true, analyst: none },
  /** Case figures over fewer cases than the threshold: those who see the cases themselves. */
  readSmallCaseCounts: { roles: ["coordinator"], admin: false, analyst: none },
  /** Settings, partner organisations and members. */
  managePartnership: { roles: ["coordinator"], admin: true, analyst: none },
  /**
   * Placing an existing account in the partnership at once. Coordinators invite instead (under
   * managePartnership): the invitee accepts, and the answer never says whether an account exists.
   */
  placeMembers: { roles: [], admin: true, analyst: none },
  /** Goals and their measurements. */
  keepGoals: { roles: ["coordinator"], admin: true, analyst: none },
  /** A leader's verdict on a goal. */
  reviewGoals: { roles: ["leader"], admin: false, analyst: none },
  /** Plan and remove sessions. */
  planSessions: { roles: ["coordinator"], admin: true, analyst: none },
  /** Fill a session in: participants, scores, notes, goal reviews, actions. */
  fillSessions: { roles: ["coordinator", "professional"], admin: true, analyst: none },
  /**
   * Score one's own part in a scoring round before a session: only the participant linked to
   * one's account (server/routers/rounds.ts), so never as an admin, who takes no part.
   */
  scoreOwnRound: { roles: members, admin: false, analyst: none },
  /** Sign a session off (which locks it) and reopen it. */
  signOff: { roles: ["leader"], admin: false, analyst: none },
  /** List cases and open new ones. */
  openCases: { roles: ["coordinator", "professional"], admin: false, analyst: none },
  /** Read and work on a case — a professional only on the cases assigned to them. */
  workOnCase: { roles: ["coordinator", "professional"], admin: false, analyst: none },
  /** Every case of the partnership, not only one's own. */
  readAllCases: { roles: ["coordinator"], admin: false, analyst: none },
  /** Who works on which case. */
  assignCases: { roles: ["coordinator"], admin: false, analyst: none },
  /**
   * The partnership's audit trail: who did or read what, when, from where (case reads too,
   * NEN 7513). Platform admins read every partnership's, and the platform's own.
   */
  readAudit: { roles: ["coordinator"], admin: true, analyst: none },
  /** The list of removed records (it names cases by their code) and bringing them back. */
  restoreRemoved: { roles: ["coordinator"], admin: false, analyst: none },
} as const satisfies Record<string, Rule>;

export type PartnershipCapability = keyof typeof partnershipCapabilities;
export const partnershipCapabilityNames = Object.keys(
  partnershipCapabilities,
) as PartnershipCapability[];

/** How one user stands to one partnership. */
export type Standing = {
  /** Their membership's role, if they are a member. */
  role: PartnershipRole | null;
  admin: boolean;
  /** As an analyst of the partnership's municipality: its sharing choice. */
  analystSharing: MunicipalitySharing | null;
};

export function can(standing: Standing, capability: PartnershipCapability): boolean {
  const rule: Rule = partnershipCapabilities[capability];
  return (
    (standing.role !== null && rule.roles.includes(standing.role)) ||
    (standing.admin && rule.admin) ||
    (standing.analystSharing !== null && rule.analyst.includes(standing.analystSharing))
  );
}

/** Every capability, true or false: what the pages get as `can`. */
export function capabilitiesOf(standing: Standing): Record<PartnershipCapability, boolean> {
  return Object.fromEntries(partnershipCapabilityNames.map((c) => [c, can(standing, c)])) as Record<
    PartnershipCapability,
    boolean
  >;
}

/**
 * The answer to a caller without the capability. Who may not even read the partnership learns
 * nothing of it: NOT_FOUND, as for an id that does not exist. Who may read it but not do this
 * is told so: FORBIDDEN.
 */
export function refusalFor(standing: Standing): "NOT_FOUND" | "FORBIDDEN" {
  return can(standing, "readPartnership") ? "FORBIDDEN" : "NOT_FOUND";
}

/** The role shown beside the partnership's name ("Uw rol: coördinator"). */
export function shownRole(standing: Standing): PartnershipRole | "admin" | "analyst" {
  return standing.role ?? (standing.admin ? "admin" : "analyst");
}

/**
 * Procedures outside a partnership: open to anyone (a parent's personal link), to every
 * signed-in user, to platform admins, or to those whose grants reach the scope asked about
 * (reachesScope, below). Refusals: UNAUTHORIZED without a session, FORBIDDEN for a signed-in
 * user who is no admin, NOT_FOUND for a scope the grants do not reach.
 */
export const platformAccesses = ["public", "signedIn", "admin", "scope"] as const;
export type PlatformAccess = (typeof platformAccesses)[number];

/** What a procedure declares it needs: a platform access or a capability in a partnership. */
export type Access = PlatformAccess | PartnershipCapability;

/* ------------------------------------------------------------------ scopes */

/** A municipality, a youth-care region, or the nation: what analysts see aggregates of. */
export const scopeKinds = ["municipality", "region", "nation"] as const;
export type ScopeKind = (typeof scopeKinds)[number];
export type Scope = { kind: ScopeKind; id: string };
/** The nation's scope has one id. */
export const NATION_ID = "nl";

/** What a user may see across partnerships, from their grants. */
export type ScopeGrants = {
  admin: boolean;
  national: boolean;
  regionIds: readonly string[];
  municipalityIds: readonly string[];
};

/**
 * Whether these grants reach a scope: admins and national analysts see every scope; a region
 * analyst the region and each of its municipalities (stepping down); a municipality analyst
 * their municipalities. Who is not reached gets NOT_FOUND, as for a scope that does not exist.
 */
export function reachesScope(
  grants: ScopeGrants,
  scope: Scope,
  /** The region of the municipality asked about (for municipality scopes). */
  regionOfMunicipality?: string,
): boolean {
  if (grants.admin || grants.national) return true;
  if (scope.kind === "nation") return false;
  if (scope.kind === "region") return grants.regionIds.includes(scope.id);
  return (
    grants.municipalityIds.includes(scope.id) ||
    (regionOfMunicipality !== undefined && grants.regionIds.includes(regionOfMunicipality))
  );
}

/** Where an analyst lands: the widest scope they hold. */
export function widestScope(grants: ScopeGrants): Scope | null {
  if (grants.national) return { kind: "nation", id: NATION_ID };
  const [region] = grants.regionIds;
  if (region) return { kind: "region", id: region };
  const [municipality] = grants.municipalityIds;
  return municipality ? { kind: "municipality", id: municipality } : null;
}

/**
 * An admin or an analyst: someone who sees across partnerships. Their sessions idle out and,
 * with MFA_REQUIRED, they sign in with a second factor.
 */
export function looksAcross(user: {
  isAdmin: boolean;
  isNationalAnalyst: boolean;
  municipalities: readonly unknown[];
  regions: readonly unknown[];
}): boolean {
  return (
    user.isAdmin ||
    user.isNationalAnalyst ||
    user.municipalities.length > 0 ||
    user.regions.length > 0
  );
}
