import { describe, expect, it } from "vitest";
import { evaluateGoal } from "./goal-evaluation";

const goal = {
  direction: "higher" as const,
  baselineValue: 0,
  baselineDate: "2025-01-01",
  targetValue: 10,
  targetDate: "2026-01-01",
};
const onPath = [{ value: 9.5, measuredOn: "2025-12-15" }];

describe("evaluateGoal", () => {
  it("judges by calendar day: a goal due today is not late yet, and is the day after", () => {
    expect(evaluateGoal(goal, onPath, "2025-12-31").status).toBe("on_track");
    expect(evaluateGoal(goal, onPath, "2026-01-01").status).toBe("on_track");
    expect(evaluateGoal(goal, onPath, "2026-01-02").status).toBe("off_track");
  });

  it("gives progress and the latest value, and the forecast at the target date", () => {
    const e = evaluateGoal(
      goal,
      [
        { value: 2, measuredOn: "2025-03-01" },
        { value: 5, measuredOn: "2025-07-01" },
      ],
      "2025-08-01",
    );
    expect(e.progress).toBeCloseTo(0.5);
    expect(e.latestValue).toBe(5);
    expect(e.latestOn).toBe("2025-07-01");
    expect(e.forecastAtTarget).toBeGreaterThan(5);
  });
});
