/**
 * Signals on a child's case that ask for attention at the next case review: the family sees
 * things differently from the professionals, the perspectives are far apart, wellbeing is not
 * improving, professionals keep changing. Each perspective (school, youth care, parent, young
 * person) rates collaboration and wellbeing 1–5 at a check-in. Pure: callers load the case's
 * check-ins and pass them in. Range checks on ratings belong to the input schema, not here.
 */

/** Who gives a rating: the two professional sides and the two sides of the family. */
export const perspectives = ["school", "youth_care", "parent", "young_person"] as const;
export type Perspective = (typeof perspectives)[number];

/** The two things every perspective rates at a check-in. */
export const ratingFields = ["collaboration", "wellbeing"] as const;
export type RatingField = (typeof ratingFields)[number];

/** One perspective's ratings at one check-in, each 1–5. */
export type Rating = { perspective: Perspective; collaboration: number; wellbeing: number };
export type CheckIn = { date: Date; ratings: readonly Rating[] };
export type CaseSpan = { openedOn: Date; closedOn: Date | null; changes: number };

const FAMILY: ReadonlySet<Perspective> = new Set(["parent", "young_person"]);
const PROFESSIONALS: ReadonlySet<Perspective> = new Set(["school", "youth_care"]);

/** A range of 2 on a 1–5 scale: one side says "fine" (4) where the other says "poor" (2). */
export const STRONG_DISAGREEMENT_RANGE = 2;

/** A mean wellbeing of 4 ("goed") or more: "sometimes good is good enough" (docs/DOMAIN.md "Case signals"). */
export const GOOD_ENOUGH = 4;

const MS_PER_YEAR = 365.25 * 86_400_000;

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Gap between the family and the professionals (case-signal rule "perspective gap", after the
 * sector gap of domain/scoring.ts, which also pools parent and young_person): the mean
 * of all parent and young_person ratings of `field` minus the mean of all school and
 * youth_care ratings. Ratings are pooled within a side, so two parents count twice. Positive:
 * the family rates higher than the professionals. Null unless both sides have a rating,
 * because a gap against nobody is not 0.
 */
export function perspectiveGap(ratings: readonly Rating[], field: RatingField): number | null {
  const family = mean(ratings.filter((r) => FAMILY.has(r.perspective)).map((r) => r[field]));
  const professionals = mean(
    ratings.filter((r) => PROFESSIONALS.has(r.perspective)).map((r) => r[field]),
  );
  if (family === null || professionals === null) return null;
  return family - professionals;
}

/**
 * Strong disagreement (case-signal rule "strong disagreement"): the highest and lowest rating
 * of `field`, over all ratings of all perspectives, are at least 2 apart. A range over all
 * ratings, not only across sides, so two professionals who disagree are flagged too. False
 * for fewer than two ratings: one voice cannot disagree.
 */
export function strongDisagreement(ratings: readonly Rating[], field: RatingField): boolean {
  if (ratings.length < 2) return false;
  const values = ratings.map((r) => r[field]);
  return Math.max(...values) - Math.min(...values) >= STRONG_DISAGREEMENT_RANGE;
}

/**
 * No progress (case-signal rule "no progress"): over the last three check-ins by date, the
 * mean wellbeing rating never steps up. With means m1, m2, m3 (oldest first) it is true when
 * neither m2 > m1 nor m3 > m2. Flat or falling is no progress; any step up is movement worth
 * waiting for, even when it does not get back above m1 (3, 2, 2 is true; 3, 2, 2.5 is false),
 * because the signal is for a case that has stalled, not for one that is recovering.
 * A child doing well is not stalled: false when the latest mean is GOOD_ENOUGH or more, since
 * staying at "goed" is a result, not a lack of progress (4, 4, 4 is false).
 * Check-ins without ratings carry no wellbeing and are skipped before taking the last three.
 * False with fewer than three rated check-ins: too early to say.
 * Check-ins on the same date keep their input order. Means are of integer ratings, so equal
 * means compare equal exactly and no tolerance is needed.
 */
export function noProgress(checkIns: readonly CheckIn[]): boolean {
  const means = checkIns
    .map((c, order) => ({
      time: c.date.getTime(),
      order,
      m: mean(c.ratings.map((r) => r.wellbeing)),
    }))
    .filter((c): c is { time: number; order: number; m: number } => c.m !== null)
    .sort((a, b) => a.time - b.time || a.order - b.order)
    .slice(-3)
    .map((c) => c.m);
  const [m1, m2, m3] = means;
  if (m1 === undefined || m2 === undefined || m3 === undefined) return false;
  if (m3 >= GOOD_ENOUGH) return false;
  return !(m2 > m1) && !(m3 > m2);
}

/**
 * Professional changes per case-year (case-signal rule "continuity of professionals"): the
 * total number of changes of professional over all cases divided by the total time the cases
 * were open, in years of 365.25 days so leap years do not bias the rate. A case counts from
 * `openedOn` to `closedOn`, or to `asOf` while it is open; time after `asOf` is not counted
 * and a case opened after `asOf` is left out with its changes, so the rate describes the
 * period up to the reporting date. Null when the cases were open for no time at all, as a rate
 * over nothing is undefined.
 */
export function professionalChangesPerCaseYear(
  cases: readonly CaseSpan[],
  asOf: Date,
): number | null {
  let changes = 0;
  let years = 0;
  for (const c of cases) {
    if (c.openedOn.getTime() > asOf.getTime()) continue;
    const end = Math.min(c.closedOn?.getTime() ?? asOf.getTime(), asOf.getTime());
    years += Math.max(0, end - c.openedOn.getTime()) / MS_PER_YEAR;
    changes += c.changes;
  }
  return years === 0 ? null : changes / years;
}
