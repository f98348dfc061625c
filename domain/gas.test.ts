import { describe, expect, it } from "vitest";
import { DEFAULT_GAS_RHO, gasTScore } from "./gas";

const g = (weight: number, score: number) => ({ weight, score });

describe("gasTScore", () => {
  it("is null for no goals", () => {
    expect(gasTScore([])).toBeNull();
  });

  it("uses ρ = 0.3 by default", () => {
    expect(DEFAULT_GAS_RHO).toBe(0.3);
  });

  it("gives 50 for one goal at the expected level", () => {
    // 50 + 10·(1·0) / √(0.7·1 + 0.3·1²) = 50 + 0 / 1 = 50
    expect(gasTScore([g(1, 0)])).toBe(50);
  });

  it("gives 70 for one goal much better than expected", () => {
    // 50 + 10·(1·2) / √(0.7·1 + 0.3·1²) = 50 + 20 / √1 = 70
    expect(gasTScore([g(1, 2)])).toBe(70);
  });

  it("gives 30 for one goal much worse than expected", () => {
    // 50 + 10·(1·−2) / √(0.7·1 + 0.3·1) = 50 − 20 = 30
    expect(gasTScore([g(1, -2)])).toBe(30);
  });

  it("gives 50 when equal-weight goals cancel out", () => {
    // Σwx = 1·1 + 1·(−1) = 0 → 50 + 0 = 50
    expect(gasTScore([g(1, 1), g(1, -1)])).toBe(50);
  });

  it("weights goals by importance", () => {
    // Σwx = 1·2 + 2·1 + 1·0 = 4
    // Σw² = 1 + 4 + 1 = 6; (Σw)² = (1 + 2 + 1)² = 16
    // √(0.7·6 + 0.3·16) = √(4.2 + 4.8) = √9 = 3
    // T = 50 + 10·4 / 3 = 50 + 13.333… = 63.333…
    expect(gasTScore([g(1, 2), g(2, 1), g(1, 0)])).toBeCloseTo(63.3333333, 6);
  });

  it("depends only on the ratio of the weights", () => {
    // Weights 2, 4, 2: Σwx = 4 + 4 + 0 = 8; Σw² = 4 + 16 + 4 = 24; (Σw)² = 8² = 64
    // √(0.7·24 + 0.3·64) = √(16.8 + 19.2) = √36 = 6; T = 50 + 80 / 6 = 63.333…
    expect(gasTScore([g(2, 2), g(4, 1), g(2, 0)])).toBeCloseTo(63.3333333, 6);
  });

  it("reaches below 30 when several goals are all much worse than expected", () => {
    // Three goals, weight 1, score −2: Σwx = −6; Σw² = 3; (Σw)² = 9
    // √(0.7·3 + 0.3·9) = √(2.1 + 2.7) = √4.8 = 2.190890…
    // T = 50 − 60 / 2.190890… = 50 − 27.386128… = 22.613872…
    expect(gasTScore([g(1, -2), g(1, -2), g(1, -2)])).toBeCloseTo(22.613872, 5);
    // Same with weight 3 each: Σwx = −18; Σw² = 27; (Σw)² = 81
    // √(0.7·27 + 0.3·81) = √(18.9 + 24.3) = √43.2 = 6.572671…; 50 − 180 / 6.572671… = 22.613872…
    expect(gasTScore([g(3, -2), g(3, -2), g(3, -2)])).toBeCloseTo(22.613872, 5);
  });

  it("reaches above 70 when several goals are all much better than expected", () => {
    // Mirror image of the case above: 50 + 27.386128… = 77.386128…
    expect(gasTScore([g(1, 2), g(1, 2), g(1, 2)])).toBeCloseTo(77.386128, 5);
  });

  it("takes another ρ", () => {
    // ρ = 0, two goals weight 1 score 2: √(1·2 + 0·4) = √2; T = 50 + 40 / √2 = 50 + 28.284271…
    expect(gasTScore([g(1, 2), g(1, 2)], 0)).toBeCloseTo(78.284271, 5);
    // ρ = 1, weights 1, 3, scores 1, −1: Σwx = 1 − 3 = −2; √(0·10 + 1·16) = 4
    // T = 50 − 20 / 4 = 45
    expect(gasTScore([g(1, 1), g(3, -1)], 1)).toBe(45);
  });

  it("throws a RangeError for a score off the GAS scale", () => {
    expect(() => gasTScore([g(1, 3)])).toThrow(RangeError);
    expect(() => gasTScore([g(1, -3)])).toThrow(RangeError);
    expect(() => gasTScore([g(1, 0.5)])).toThrow(RangeError);
    expect(() => gasTScore([g(1, Number.NaN)])).toThrow(RangeError);
    // One bad goal among good ones still throws.
    expect(() => gasTScore([g(1, 1), g(1, 3)])).toThrow(RangeError);
  });

  it("throws a RangeError for a weight that is not a finite number > 0", () => {
    expect(() => gasTScore([g(0, 1)])).toThrow(RangeError);
    expect(() => gasTScore([g(-1, 1)])).toThrow(RangeError);
    expect(() => gasTScore([g(Number.NaN, 1)])).toThrow(RangeError);
    expect(() => gasTScore([g(Number.POSITIVE_INFINITY, 1)])).toThrow(RangeError);
  });

  it("throws a RangeError for ρ outside [0, 1]", () => {
    expect(() => gasTScore([g(1, 0)], -0.1)).toThrow(RangeError);
    expect(() => gasTScore([g(1, 0)], 1.1)).toThrow(RangeError);
    expect(() => gasTScore([g(1, 0)], Number.NaN)).toThrow(RangeError);
  });
});
