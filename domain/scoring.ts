/**
 * Scoring of the uniform collaboration instrument (docs/DOMAIN.md "The instrument": 21
 * factors B1–K2 in five levels; docs/DOMAIN.md "Scoring": each factor scored 1–5 or
 * "weet niet / n.v.t.", each participant separately, so a session shows agreement and the gap
 * between sectors, not only a mean). Pure: callers load a session's scores and the instrument
 * version's level definitions and pass them in. Range checks on scores belong to the input
 * schema, not here.
 */

export type { Sector } from "./vocabulary";

import type { Sector } from "./vocabulary";
/** One participant's score for one factor; null is "weet niet / n.v.t.". */
export type Score = {
  participantId: string;
  sector: Sector;
  factorId: string;
  score: number | null;
};
export type LevelDefinition = { id: string; factorIds: readonly string[] };
export type LevelScore = { levelId: string; score: number | null };
export type SectorGap = {
  factorId: string;
  education: number | null;
  youthCare: number | null;
  families: number | null;
  gap: number | null;
};
export type FactorSpread = { n: number; sd: number | null; range: number | null };

/** Arithmetic mean; null for no values, because "no answer" must not read as a score of 0. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * The answered scores per factor, keyed in order of first appearance. "Weet niet / n.v.t."
 * (null) is left out rather than counted, because it says the participant cannot judge the
 * factor, not that the factor is weak (docs/DOMAIN.md "Scoring").
 */
function answeredByFactor(scores: readonly Score[]): Map<string, number[]> {
  const byFactor = new Map<string, number[]>();
  for (const s of scores) {
    let answered = byFactor.get(s.factorId);
    if (answered === undefined) {
      answered = [];
      byFactor.set(s.factorId, answered);
    }
    if (s.score !== null) answered.push(s.score);
  }
  return byFactor;
}

/**
 * Mean score per factor over the answered scores (docs/DOMAIN.md "Scoring": the
 * session mean per factor). Every factor that appears in `scores` is a key, in order of first
 * appearance; one answered only with "weet niet / n.v.t." maps to null, so the report can say
 * "not scored" instead of dropping the factor.
 */
export function factorMeans(scores: readonly Score[]): Map<string, number | null> {
  const means = new Map<string, number | null>();
  for (const [factorId, answered] of answeredByFactor(scores)) means.set(factorId, mean(answered));
  return means;
}

/**
 * Score per level, in the order of `levels` (docs/DOMAIN.md "The instrument";
 * docs/DOMAIN.md "Scoring": level scores over sessions): the mean of the level's
 * factor means. Each factor weighs the same however many participants scored it. Factors with
 * no answered score are skipped rather than counted as 0; a level with none answered is null.
 */
export function levelScores(
  scores: readonly Score[],
  levels: readonly LevelDefinition[],
): LevelScore[] {
  const means = factorMeans(scores);
  return levels.map((level) => {
    const answered: number[] = [];
    for (const factorId of level.factorIds) {
      const m = means.get(factorId);
      if (m !== undefined && m !== null) answered.push(m);
    }
    return { levelId: level.id, score: mean(answered) };
  });
}

/**
 * The collaboration index (docs/DOMAIN.md "Scoring": collaboration index over
 * sessions): the mean of the non-null level scores. Averaging levels rather than factors keeps
 * the five levels equal in weight, though they hold between 2 and 6 factors (docs/DOMAIN.md
 * "The instrument").
 * Null when no level has a score.
 */
export function collaborationIndex(levelScores: readonly LevelScore[]): number | null {
  const scored: number[] = [];
  for (const level of levelScores) if (level.score !== null) scored.push(level.score);
  return mean(scored);
}

export function compareFactorIds(a: string, b: string): number {
  // Code-unit order, not locale order, so the sort is the same on every server.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The gap between sectors per factor (docs/DOMAIN.md "Scoring": the gap between
 * education vs youth care vs parents/youth; "Partnership dashboard": the sector gap per
 * factor). Per factor the mean answered score of education, of youth_care, and of families
 * (parent and young_person together); gap = education − youthCare, null when either side has
 * no answered score. Municipality and other participants count in the session mean but belong
 * to neither side of the gap. Sorted by |gap| descending, so the largest disagreement leads;
 * null gaps last; ties by factorId.
 */
export function sectorGaps(scores: readonly Score[]): SectorGap[] {
  const education = answeredByFactor(scores.filter((s) => s.sector === "education"));
  const youthCare = answeredByFactor(scores.filter((s) => s.sector === "youth_care"));
  const families = answeredByFactor(
    scores.filter((s) => s.sector === "parent" || s.sector === "young_person"),
  );
  const factorIds = [...new Set(scores.map((s) => s.factorId))];
  const gaps = factorIds.map((factorId): SectorGap => {
    const edu = mean(education.get(factorId) ?? []);
    const care = mean(youthCare.get(factorId) ?? []);
    return {
      factorId,
      education: edu,
      youthCare: care,
      families: mean(families.get(factorId) ?? []),
      gap: edu !== null && care !== null ? edu - care : null,
    };
  });
  return gaps.sort((a, b) => {
    if (a.gap === null || b.gap === null) {
      if (a.gap !== b.gap) return a.gap === null ? 1 : -1;
    } else if (Math.abs(a.gap) !== Math.abs(b.gap)) {
      return Math.abs(b.gap) - Math.abs(a.gap);
    }
    return compareFactorIds(a.factorId, b.factorId);
  });
}

/**
 * Agreement per factor (docs/DOMAIN.md "Scoring": the session shows agreement, not
 * only a mean): over the answered scores, n, the population standard deviation (divide by n —
 * the participants present are the whole group being described, not a sample) and the range
 * max − min. With n = 0 there is nothing to spread, so sd and range are null; with n = 1
 * both are 0. Keys in order of first appearance.
 */
export function factorSpread(scores: readonly Score[]): Map<string, FactorSpread> {
  const spread = new Map<string, FactorSpread>();
  for (const [factorId, answered] of answeredByFactor(scores)) {
    const m = mean(answered);
    if (m === null) {
      spread.set(factorId, { n: 0, sd: null, range: null });
      continue;
    }
    const variance = answered.reduce((sum, v) => sum + (v - m) ** 2, 0) / answered.length;
    spread.set(factorId, {
      n: answered.length,
      sd: Math.sqrt(variance),
      range: Math.max(...answered) - Math.min(...answered),
    });
  }
  return spread;
}
