import { describe, expect, it } from "vitest";
import { benchmarkValues, medianOfOthers } from "./benchmark";

describe("medianOfOthers", () => {
  it("leaves the partnership itself out of its group's median", () => {
    expect(medianOfOthers([1, 2, 3, 10], 10)).toEqual({ median: 2, others: 3 });
    expect(medianOfOthers([1, 2, 3, 10], null)).toEqual({ median: 2.5, others: 4 });
    expect(medianOfOthers([2, 2, 4], 2)).toEqual({ median: 3, others: 2 });
    expect(medianOfOthers([], 3)).toEqual({ median: null, others: 0 });
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
