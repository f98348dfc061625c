/**
 * Goal Attainment Scaling for a child's case goals. Each goal is scored on the five-point GAS
 * scale (−2 much less than expected … 0 expected outcome … +2 much more than expected) and
 * weighted by its importance; the summary T-score puts cases with different numbers of goals on
 * one scale with mean 50 and standard deviation 10. Pure: callers load the goals and pass them in.
 */

/** One scored goal: importance weight (> 0) and attainment score on the −2 … +2 scale. */
export type GasGoal = { weight: number; score: number };

/** The five attainment levels of the GAS scale; anything in between is not a GAS score. */
export const gasScores = [-2, -1, 0, 1, 2] as const;
export type GasScore = (typeof gasScores)[number];

/**
 * The conventional intercorrelation between goal scores. Kiresuk & Sherman assume 0.3 because
 * goals of one person are not independent; the T-score is only comparable between cases when
 * every case uses the same ρ.
 */
export const DEFAULT_GAS_RHO = 0.3;

const isGasScore = (x: number): x is GasScore => (gasScores as readonly number[]).includes(x);

/**
 * The GAS summary T-score (Kiresuk & Sherman 1968, "Goal attainment scaling: a general method
 * for evaluating comprehensive community mental health programs", Community Mental Health
 * Journal 4(6):443–453):
 *
 *   T = 50 + 10·Σwᵢxᵢ / √((1−ρ)·Σwᵢ² + ρ·(Σwᵢ)²)
 *
 * with xᵢ ∈ {−2, −1, 0, 1, 2}, wᵢ > 0 and ρ the assumed correlation between goal scores. The
 * denominator is the standard deviation of Σwᵢxᵢ when every xᵢ has variance 1 and pairwise
 * correlation ρ, which is what makes 50 ± 10 mean "as expected ± one standard deviation".
 * Null for no goals, because "no goals scored" is not "scored as expected" (50). Throws a
 * RangeError for a score off the scale, a weight that is not a finite number > 0, or ρ outside
 * [0, 1]: such input would give a number that looks like a T-score but is not one.
 */
export function gasTScore(goals: readonly GasGoal[], rho = DEFAULT_GAS_RHO): number | null {
  if (!(rho >= 0 && rho <= 1)) throw new RangeError(`GAS ρ must be in [0, 1], got ${rho}`);
  if (goals.length === 0) return null;
  let weightedScores = 0;
  let sumWeights = 0;
  let sumSquaredWeights = 0;
  for (const { weight, score } of goals) {
    if (!isGasScore(score)) {
      throw new RangeError(`GAS score must be one of −2, −1, 0, 1, 2, got ${score}`);
    }
    if (!(Number.isFinite(weight) && weight > 0)) {
      throw new RangeError(`GAS weight must be a finite number > 0, got ${weight}`);
    }
    weightedScores += weight * score;
    sumWeights += weight;
    sumSquaredWeights += weight * weight;
  }
  const denominator = Math.sqrt((1 - rho) * sumSquaredWeights + rho * sumWeights * sumWeights);
  return 50 + (10 * weightedScores) / denominator;
}
