/**
 * The product's fixed vocabularies (PRODUCT.md), free of any library so that the database
 * schema, the procedures and the browser share one list. Labels live in messages/ under enums.*.
 */

/** Organisation types taking part in partnerships. */
export const organisationTypes = [
  "school_po",
  "school_so",
  "school_vo",
  "mbo",
  "jeugdhulp",
  "wijkteam",
  "gemeente",
  "jgz",
  "samenwerkingsverband",
  "ouderorganisatie",
  "overig",
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/**
 * Forms of collaboration (DOMAIN.md "Forms and gradations"): partners find each other when
 * needed; youth care inside the school; one organisation with a shared vision.
 */
export const collaborationForms = ["vindbaar", "op_school", "geintegreerd"] as const;
export type CollaborationForm = (typeof collaborationForms)[number];

/** How often the partnership holds a reflection session. */
export const reflectionCadences = ["monthly", "quarterly", "half_yearly", "yearly"] as const;
export type ReflectionCadence = (typeof reflectionCadences)[number];
export const cadenceMonths: Record<ReflectionCadence, number> = {
  monthly: 1,
  quarterly: 3,
  half_yearly: 6,
  yearly: 12,
};

/** What the municipality may see: aggregates only, or full read access to the partnership. */
export const municipalitySharings = ["aggregates", "full"] as const;
export type MunicipalitySharing = (typeof municipalitySharings)[number];

/** Roles within one partnership (PRODUCT.md "People and what they may do"). */
export const partnershipRoles = ["coordinator", "leader", "professional"] as const;
export type PartnershipRole = (typeof partnershipRoles)[number];
