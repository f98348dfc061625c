import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benchmarkValues, medianOfOthers, middleOf } from "./benchmark";

/** The median of the others from the whole list, the plain way. */
function reference(sorted: number[], own: number | null) {
  const values = [...sorted];
  if (own !== null) {
    const at = values.indexOf(own);
    if (at >= 0) values.splice(at, 1);
  }
  if (values.length === 0) return { median: null, others: 0 };
  const mid = Math.floor(values.length / 2);
  const median =
    values.length % 2 === 1
      ? (values[mid] as number)
      : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
  return { median, others: values.length };
}

describe("medianOfOthers", () => {
  const of = (list: number[], own: number | null) => medianOfOthers(middleOf(list), own);
  it("leaves the partnership itself out of its group's median", () => {
    expect(of([1, 2, 3, 10], 10)).toEqual({ median: 2, others: 3 });
    expect(of([1, 2, 3, 10], null)).toEqual({ median: 2.5, others: 4 });
    expect(of([2, 2, 4], 2)).toEqual({ median: 3, others: 2 });
    expect(of([], 3)).toEqual({ median: null, others: 0 });
    expect(of([5], 5)).toEqual({ median: null, others: 0 });
    expect(of([5], 7)).toEqual({ median: 5, others: 1 });
  });

  it("keeps a handful of values of any list", () => {
    const list = Array.from({ length: 3000 }, (_, i) => i);
    expect(middleOf(list)).toEqual({ n: 3000, values: [1499, 1500] });
    expect(middleOf(list.slice(1))).toEqual({ n: 2999, values: [1499, 1500, 1501] });
  });

  it("agrees with the median over the whole list, for the partnership's own value or none", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }),
        fc.nat(),
        fc.boolean(),
        (list, pick, none) => {
          const sorted = [...list].sort((a, b) => a - b);
          // The partnership's own value is in the list (as the lists are made), or it has none.
          const own = none || sorted.length === 0 ? null : (sorted[pick % sorted.length] as number);
          expect(medianOfOthers(middleOf(sorted), own)).toEqual(reference(sorted, own));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("takes nothing out for a value not in the list, where the middle shows it is not", () => {
    // Inside the middle, and beyond an end of a list the middle reaches.
    expect(medianOfOthers(middleOf([1, 3, 5, 7, 9]), 4)).toEqual(reference([1, 3, 5, 7, 9], 4));
    expect(medianOfOthers(middleOf([1, 3, 5]), 0)).toEqual(reference([1, 3, 5], 0));
    expect(medianOfOthers(middleOf([1, 3, 5]), 6)).toEqual(reference([1, 3, 5], 6));
  });
});

describe("benchmarkValues", () => {
  const quarters = ["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"];
  const input = {
    quarters,
    collaboration: [
      { quarterStart: "2026-04-01", scorers: 6, collaborationIndex: 3.2 },
      { quarterStart: "2026-10-01", scorers: 2, collaborationIndex: 4.5 },
    ],
    reporting: quarters.map((q) => ({
      quarterStart: q,
      expected: 1,
      heldCapped: q < "2026-07-01" ? 1 : 0,
    })),
    goals: [
      { quarterStart: "2026-10-01", achieved: 1, onTrack: 2, atRisk: 1, offTrack: 0, noData: 0 },
    ],
    cases: [
      {
        quarterStart: "2026-10-01",
        active: 8,
        gasT: [40, 50, 60],
        jointPlan: 4,
        checkIns: 12,
        voiceCheckIns: 3,
      },
    ],
  };
  it("takes the latest figures of the window, its own without minimums", () => {
    expect(benchmarkValues(input)).toEqual({
      collaborationIndex: 4.5,
      reportingRate: 0.5,
      goalsOnTrack: 0.75,
      activeCases: 8,
      gasMean: 50,
      jointPlanShare: 0.5,
      voiceShare: 0.25,
    });
  });
  it("leaves out, for others, what rests on too few people or cases", () => {
    const v = benchmarkValues(input, { scorers: 5, cases: 10 });
    expect(v.collaborationIndex).toBe(3.2); // the session two people scored does not count
    expect(v.activeCases).toBeNull();
    expect(v.gasMean).toBeNull();
    expect(v.voiceShare).toBe(0.25);
  });
});
