/**
 * Where the participants see a factor differently — what a meeting after an individual
 * scoring round starts with. Per factor answered by at least two: the range (max − min) and
 * the standard deviation of the scores (domain/scoring.ts factorSpread), and the gap between
 * education and youth care (sectorGaps); the largest disagreements first: by range, then by
 * standard deviation, then by the size of the sector gap, then in the instrument's order.
 */
import { compareFactorIds, factorMeans, factorSpread, type Score, sectorGaps } from "./scoring";

export type Disagreement = {
  factorId: string;
  n: number;
  mean: number;
  range: number;
  sd: number;
  /** Education's mean minus youth care's, when both scored it. */
  sectorGap: number | null;
  /** The mean of the parents and young people, when any scored it. */
  families: number | null;
};

export function disagreements(scores: readonly Score[]): Disagreement[] {
  const spread = factorSpread(scores);
  const means = factorMeans(scores);
  const gaps = new Map(sectorGaps(scores).map((g) => [g.factorId, g]));
  const rows: Disagreement[] = [];
  for (const [factorId, s] of spread) {
    const mean = means.get(factorId);
    if (s.n < 2 || s.sd === null || s.range === null || mean == null) continue;
    const gap = gaps.get(factorId);
    rows.push({
      factorId,
      n: s.n,
      mean,
      range: s.range,
      sd: s.sd,
      sectorGap: gap?.gap ?? null,
      families: gap?.families ?? null,
    });
  }
  return rows.sort(
    (a, b) =>
      b.range - a.range ||
      b.sd - a.sd ||
      Math.abs(b.sectorGap ?? 0) - Math.abs(a.sectorGap ?? 0) ||
      compareFactorIds(a.factorId, b.factorId),
  );
}
