/**
 * The product's fixed vocabularies (docs/DOMAIN.md "Glossary"), free of any library so that the
 * database schema, the procedures and the browser share one list. Their labels live in messages/
 * (enums.*, and beside their domain under cases.*, goals.* and reflections.*).
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
 * Forms of collaboration (docs/DOMAIN.md "Forms of collaboration"): partners find each other when
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

/** Roles within one partnership (docs/DOMAIN.md "Roles and what each may do"). */
export const partnershipRoles = ["coordinator", "leader", "professional"] as const;
export type PartnershipRole = (typeof partnershipRoles)[number];

/** Which way an indicator should move. */
export const goalDirections = ["higher", "lower"] as const;
export type GoalDirection = (typeof goalDirections)[number];

/** For whom a goal makes a difference (effects on the child first: docs/DOMAIN.md "Goals"). */
export const effectKinds = [
  "child",
  "family",
  "professionals",
  "organisations",
  "society",
] as const;
export type EffectKind = (typeof effectKinds)[number];

/** A leader's verdict on a goal's progress. */
export const goalVerdicts = ["on_track", "needs_attention", "adjust_goal"] as const;
export type GoalVerdict = (typeof goalVerdicts)[number];

/** Where a reflection participant comes from, for the gap between sectors. */
export const sectors = [
  "education",
  "youth_care",
  "municipality",
  "parent",
  "young_person",
  "other",
] as const;
export type Sector = (typeof sectors)[number];

/** A reflection session: planned, being filled in, or signed off by a leader (locked). */
export const sessionStatuses = ["planned", "in_progress", "signed_off"] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** The session's own view of a goal's curve. */
export const goalAssessments = ["on_track", "at_risk", "off_track", "unclear"] as const;
export type GoalAssessment = (typeof goalAssessments)[number];

/** Agreed actions: open until the next session reviews them. */
export const actionStatuses = ["open", "done", "continued", "dropped"] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** The levels of the instrument (domain/instrument.ts). */
export const levelIds = [
  "bestuurlijk",
  "relationeel",
  "professioneel",
  "proces",
  "kennis",
] as const;
export type LevelId = (typeof levelIds)[number];

/** Computed goal statuses (domain/goal-status.ts). */
export const goalStatuses = ["achieved", "on_track", "at_risk", "off_track", "no_data"] as const;

/* ------------------------------------------------------------------ cases (casuïstiek) */

export const ageBands = ["0-4", "4-12", "12-16", "16-18", "18-23"] as const;
export type AgeBand = (typeof ageBands)[number];

/** A band's bounds, for "4 tot 12 jaar": from its first birthday up to (not including) the last. */
export function ageBandBounds(band: AgeBand): { from: string; to: string } {
  const [from = "", to = ""] = band.split("-");
  return { from, to };
}

export const schoolTypes = ["po", "so", "vo", "vso", "mbo", "none"] as const;
export type SchoolType = (typeof schoolTypes)[number];

export const problemDomains = [
  "learning",
  "behaviour",
  "social_emotional",
  "home_situation",
  "psychological",
  "physical_medical",
  "other",
] as const;
export type ProblemDomain = (typeof problemDomains)[number];

/** The four perspectives of a check-in. */
export const casePerspectives = ["school", "youth_care", "parent", "young_person"] as const;
export type CasePerspective = (typeof casePerspectives)[number];

/** Who can give their own view through a personal link. */
export const voicePerspectives = ["parent", "young_person"] as const;
export type VoicePerspective = (typeof voicePerspectives)[number];

/** How partners judged a referral: appropriate, or too quick (docs/DOMAIN.md "Check-ins and perspectives"). */
export const referralJudgements = ["appropriate", "too_quick", "unclear"] as const;
export type ReferralJudgement = (typeof referralJudgements)[number];

export const referralKinds = [
  "school_support",
  "local_team",
  "youth_care_light",
  "specialist_youth_care",
  "mental_health",
  "residential",
  "other",
] as const;
export type ReferralKind = (typeof referralKinds)[number];

/** The Dutch harmonised outcome set: a planned end or a drop-out (uitval). */
export const caseEndings = ["planned", "dropout"] as const;
export type CaseEnding = (typeof caseEndings)[number];

/** Whether the case's goals were realised, on closing (harmonised outcome set, "doelrealisatie"). */
export const goalRealisations = ["yes", "partly", "no"] as const;
export type GoalRealisation = (typeof goalRealisations)[number];
