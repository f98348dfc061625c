import { describe, expect, it } from "vitest";
import {
  expectedProgress,
  type GoalSpec,
  goalProgress,
  goalStatus,
  linearFit,
  type Measurement,
  trendForecast,
} from "./goal-status";

// Dates as whole days after 1 January 2024 (UTC), so every expected fraction is days / 100.
const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);
const at = (n: number, value: number): Measurement => ({ date: day(n), value });

// Attendance: 40 → 60 over 100 days; the distance to cover is 60 − 40 = 20.
const higher: GoalSpec = {
  direction: "higher",
  baselineValue: 40,
  baselineDate: day(0),
  targetValue: 60,
  targetDate: day(100),
};

// Absence: 20 → 10 over 100 days; the distance to cover is 10 − 20 = −10.
const lower: GoalSpec = {
  direction: "lower",
  baselineValue: 20,
  baselineDate: day(0),
  targetValue: 10,
  targetDate: day(100),
};

// Target equal to baseline: hold the line at 50.
const flat: GoalSpec = { ...higher, baselineValue: 50, targetValue: 50 };

describe("goalProgress", () => {
  it("is the share of baseline → target covered", () => {
    expect(goalProgress(higher, 50)).toBe(0.5); // (50 − 40) / 20 = 10 / 20
    expect(goalProgress(higher, 40)).toBe(0); // (40 − 40) / 20
    expect(goalProgress(higher, 60)).toBe(1); // (60 − 40) / 20
  });
  it("clamps to [0, 1]", () => {
    expect(goalProgress(higher, 30)).toBe(0); // (30 − 40) / 20 = −0.5 → 0
    expect(goalProgress(higher, 70)).toBe(1); // (70 − 40) / 20 = 1.5 → 1
  });
  it("handles lower-is-better through the sign of target − baseline", () => {
    expect(goalProgress(lower, 15)).toBe(0.5); // (15 − 20) / (10 − 20) = −5 / −10
    expect(goalProgress(lower, 25)).toBe(0); // (25 − 20) / −10 = −0.5 → 0
    expect(goalProgress(lower, 5)).toBe(1); // (5 − 20) / −10 = 1.5 → 1
  });
  it("is null when target equals baseline", () => {
    expect(goalProgress(flat, 50)).toBeNull(); // target − baseline = 50 − 50 = 0
    expect(goalProgress(flat, 70)).toBeNull();
  });
});

describe("expectedProgress", () => {
  it("runs linearly from the baseline date to the target date", () => {
    expect(expectedProgress(higher, day(0))).toBe(0); // 0 / 100
    expect(expectedProgress(higher, day(25))).toBe(0.25); // 25 / 100
    expect(expectedProgress(higher, day(100))).toBe(1); // 100 / 100
  });
  it("clamps before the baseline date and after the target date", () => {
    expect(expectedProgress(higher, day(-10))).toBe(0); // −10 / 100 → 0
    expect(expectedProgress(higher, day(150))).toBe(1); // 150 / 100 → 1
  });
  it("is 1 when the target date is not after the baseline date", () => {
    expect(expectedProgress({ ...higher, targetDate: day(0) }, day(-5))).toBe(1); // span 0
    expect(expectedProgress({ ...higher, targetDate: day(-30) }, day(50))).toBe(1); // span < 0
  });
});

describe("goalStatus", () => {
  const today = day(60);

  it("is no_data without measurements", () => {
    expect(goalStatus(higher, [], today)).toBe("no_data");
  });

  it("is achieved when the latest value reaches the target", () => {
    expect(goalStatus(higher, [at(10, 60)], today)).toBe("achieved"); // 60 ≥ 60
    expect(goalStatus(higher, [at(10, 65)], today)).toBe("achieved"); // 65 ≥ 60
    expect(goalStatus(lower, [at(10, 10)], today)).toBe("achieved"); // 10 ≤ 10
    expect(goalStatus(lower, [at(10, 8)], today)).toBe("achieved"); // 8 ≤ 10
  });

  it("stays achieved after the target date", () => {
    expect(goalStatus(higher, [at(100, 61)], day(200))).toBe("achieved"); // 61 ≥ 60
  });

  it("judges the latest measurement by date, not by position in the list", () => {
    // Latest is day 10 (60): 60 ≥ 60.
    expect(goalStatus(higher, [at(10, 60), at(5, 45)], today)).toBe("achieved");
    // Latest is day 50 (42): p = (42 − 40) / 20 = 0.1; e = 50 / 100 = 0.5;
    // 0.1 < 0.5 − 0.2 = 0.3 → off_track, although the target was met on day 5.
    expect(goalStatus(higher, [at(50, 42), at(5, 60)], today)).toBe("off_track");
  });

  it("takes the one listed last when two measurements share the latest date", () => {
    // Both day 50; the last (50) counts: p = 10 / 20 = 0.5 ≥ 0.5 − 0.1 = 0.4 → on_track.
    expect(goalStatus(higher, [at(50, 41), at(50, 50)], today)).toBe("on_track");
    // Reversed, 41 counts: p = 1 / 20 = 0.05 < 0.5 − 0.2 = 0.3 → off_track.
    expect(goalStatus(higher, [at(50, 50), at(50, 41)], today)).toBe("off_track");
  });

  it("with target equal to baseline is achieved on the target and otherwise off_track", () => {
    expect(goalStatus(flat, [at(10, 50)], today)).toBe("achieved"); // higher: 50 ≥ 50
    expect(goalStatus(flat, [at(10, 55)], today)).toBe("achieved"); // higher: 55 ≥ 50
    expect(goalStatus(flat, [at(10, 45)], today)).toBe("off_track"); // 45 < 50, progress undefined
    const flatLower: GoalSpec = { ...flat, direction: "lower" };
    expect(goalStatus(flatLower, [at(10, 45)], today)).toBe("achieved"); // lower: 45 ≤ 50
    expect(goalStatus(flatLower, [at(10, 55)], today)).toBe("off_track"); // 55 > 50
  });

  it("works from a single measurement", () => {
    // p = (50 − 40) / 20 = 0.5; e = 50 / 100 = 0.5; 0.5 ≥ 0.5 − 0.1 → on_track.
    expect(goalStatus(higher, [at(50, 50)], today)).toBe("on_track");
  });

  it("is on_track when ahead of schedule", () => {
    // p = (58 − 40) / 20 = 0.9; e = 0.5; 0.9 ≥ 0.4.
    expect(goalStatus(higher, [at(50, 58)], today)).toBe("on_track");
  });

  it("puts values exactly on the tolerance boundaries in the better status (higher)", () => {
    // All on day 50: e = 0.5, on_track from 0.5 − 0.1 = 0.4, at_risk from 0.5 − 0.2 = 0.3.
    expect(goalStatus(higher, [at(50, 48)], today)).toBe("on_track"); // p = 8 / 20 = 0.4
    expect(goalStatus(higher, [at(50, 47.8)], today)).toBe("at_risk"); // p = 7.8 / 20 = 0.39
    expect(goalStatus(higher, [at(50, 46)], today)).toBe("at_risk"); // p = 6 / 20 = 0.3
    expect(goalStatus(higher, [at(50, 45.8)], today)).toBe("off_track"); // p = 5.8 / 20 = 0.29
  });

  it("holds the boundary where floating point rounds the threshold up", () => {
    // Day 40: e = 0.4; 0.4 − 0.1 evaluates to 0.30000000000000004 in binary, yet
    // p = (46 − 40) / 20 = 0.3 is exactly on the boundary → on_track.
    expect(goalStatus(higher, [at(40, 46)], today)).toBe("on_track");
    // Day 80: e = 0.8; 0.8 − 0.2 evaluates to 0.6000000000000001; p = (52 − 40) / 20 = 0.6.
    expect(goalStatus(higher, [at(80, 52)], day(80))).toBe("at_risk");
  });

  it("puts values exactly on the tolerance boundaries in the better status (lower)", () => {
    // Day 50: e = 0.5; distance −10.
    expect(goalStatus(lower, [at(50, 16)], today)).toBe("on_track"); // p = −4 / −10 = 0.4 ≥ 0.4
    expect(goalStatus(lower, [at(50, 17)], today)).toBe("at_risk"); // p = −3 / −10 = 0.3 ≥ 0.3
    expect(goalStatus(lower, [at(50, 17.5)], today)).toBe("off_track"); // p = 0.25 < 0.3
    expect(goalStatus(lower, [at(50, 12)], today)).toBe("on_track"); // p = −8 / −10 = 0.8
    // Worse than baseline: p = (22 − 20) / −10 = −0.2 → 0 < 0.3.
    expect(goalStatus(lower, [at(50, 22)], today)).toBe("off_track");
  });

  it("honours a custom tolerance", () => {
    // tolerance 0.25, day 50: e = 0.5; on_track from 0.25, at_risk from 0.
    expect(goalStatus(higher, [at(50, 45)], today, 0.25)).toBe("on_track"); // p = 5 / 20 = 0.25
    expect(goalStatus(higher, [at(50, 44)], today, 0.25)).toBe("at_risk"); // p = 0.2 ≥ 0
    // Day 100: e = 1; on_track from 0.75, at_risk from 0.5; p = 0.2 < 0.5.
    expect(goalStatus(higher, [at(100, 44)], day(100), 0.25)).toBe("off_track");
  });

  it("compares with the progress expected on the measurement's date, not today's", () => {
    // Day 20: p = (44 − 40) / 20 = 0.2, e = 20 / 100 = 0.2 → on_track, although today (day 90)
    // would expect 0.9.
    expect(goalStatus(higher, [at(20, 44)], day(90))).toBe("on_track");
  });

  it("uses clamped progress, so an early dip below baseline is still on_track", () => {
    // Day 5: p = (30 − 40) / 20 = −0.5 → 0; e = 0.05; 0 ≥ 0.05 − 0.1 = −0.05.
    expect(goalStatus(higher, [at(5, 30)], today)).toBe("on_track");
    // Day 25: p = 0; e = 0.25; 0 < 0.25 − 0.2 = 0.05.
    expect(goalStatus(higher, [at(25, 30)], today)).toBe("off_track");
  });

  it("is on_track for a measurement before the baseline date", () => {
    // Day −5: e = −5 / 100 → 0; p = (41 − 40) / 20 = 0.05 ≥ −0.1.
    expect(goalStatus(higher, [at(-5, 41)], today)).toBe("on_track");
  });

  it("is off_track once today is past the target date without achieving it", () => {
    // On its own p = (59 − 40) / 20 = 0.95 ≥ 1 − 0.1 = 0.9 would be on_track.
    expect(goalStatus(higher, [at(100, 59)], day(100))).toBe("on_track"); // today = target date
    expect(goalStatus(higher, [at(100, 59)], day(101))).toBe("off_track"); // one day later
    expect(goalStatus(lower, [at(90, 11)], day(120))).toBe("off_track"); // 11 > 10, time is up
  });

  it("treats the target date as an instant", () => {
    const oneMsLate = new Date(day(100).getTime() + 1);
    expect(goalStatus(higher, [at(100, 59)], oneMsLate)).toBe("off_track");
  });
});

describe("linearFit", () => {
  it("is null for fewer than two points", () => {
    expect(linearFit([])).toBeNull();
    expect(linearFit([{ x: 1, y: 2 }])).toBeNull();
  });
  it("is null when every x is equal", () => {
    expect(
      linearFit([
        { x: 0.1, y: 1 },
        { x: 0.1, y: 2 },
        { x: 0.1, y: 3 },
      ]),
    ).toBeNull();
  });
  it("recovers an exact line", () => {
    // y = 2x + 1 through x = 1, 2, 3: ȳ = 5, x̄ = 2, Sxy = (−1)(−2) + 0 + (1)(2) = 4,
    // Sxx = 1 + 0 + 1 = 2 → slope 4 / 2 = 2, intercept 5 − 2·2 = 1.
    expect(
      linearFit([
        { x: 1, y: 3 },
        { x: 2, y: 5 },
        { x: 3, y: 7 },
      ]),
    ).toEqual({ slope: 2, intercept: 1 });
  });
  it("gives a flat line for constant y", () => {
    // Sxy = 0 → slope 0; intercept = ȳ = 5.
    expect(
      linearFit([
        { x: 0, y: 5 },
        { x: 4, y: 5 },
      ]),
    ).toEqual({ slope: 0, intercept: 5 });
  });
  it("fits unevenly spaced points by least squares", () => {
    // x = 0, 2, 6; y = 10, 12, 14: x̄ = 8/3, ȳ = 12;
    // Sxx = (−8/3)² + (−2/3)² + (10/3)² = (64 + 4 + 100) / 9 = 56/3;
    // Sxy = (−8/3)(−2) + (−2/3)(0) + (10/3)(2) = 36/3 = 12;
    // slope = 12 / (56/3) = 9/14; intercept = 12 − (9/14)(8/3) = 12 − 12/7 = 72/7.
    const fit = linearFit([
      { x: 0, y: 10 },
      { x: 2, y: 12 },
      { x: 6, y: 14 },
    ]);
    expect(fit?.slope).toBeCloseTo(9 / 14, 12);
    expect(fit?.intercept).toBeCloseTo(72 / 7, 12);
  });
});

describe("trendForecast", () => {
  it("is null with fewer than two measurements", () => {
    expect(trendForecast([], day(10))).toBeNull();
    expect(trendForecast([at(0, 40)], day(10))).toBeNull();
  });

  it("is null when all measurements share one date", () => {
    expect(trendForecast([at(5, 40), at(5, 45)], day(10))).toBeNull();
    expect(trendForecast([at(5, 40), at(5, 45), at(5, 50)], day(10))).toBeNull();
  });

  it("extends the line through two measurements", () => {
    // (0, 40), (10, 45): slope = 5 / 10 = 0.5 per day, intercept 40.
    const two = [at(0, 40), at(10, 45)];
    expect(trendForecast(two, day(30))).toBe(55); // 40 + 0.5·30
    expect(trendForecast(two, day(5))).toBe(42.5); // 40 + 0.5·5
    expect(trendForecast(two, day(-10))).toBe(35); // 40 + 0.5·(−10)
  });

  it("counts days from the earliest measurement, whatever its date", () => {
    // Same shape shifted to days 7 and 17: x = 0, 10 → still 40 + 0.5·x; day 37 is x = 30.
    expect(trendForecast([at(17, 45), at(7, 40)], day(37))).toBe(55); // 40 + 0.5·30
  });

  it("fits three measurements by least squares", () => {
    // x = 0, 10, 20; y = 40, 44, 45: x̄ = 10, ȳ = 129 / 3 = 43;
    // Sxx = 100 + 0 + 100 = 200; Sxy = (−10)(−3) + 0·1 + (10)(2) = 50;
    // slope = 50 / 200 = 0.25; intercept = 43 − 0.25·10 = 40.5.
    const three = [at(20, 45), at(0, 40), at(10, 44)];
    expect(trendForecast(three, day(30))).toBe(48); // 40.5 + 0.25·30
    expect(trendForecast(three, day(40))).toBe(50.5); // 40.5 + 0.25·40
  });

  it("fits three measurements of which two share a date", () => {
    // x = 0, 0, 10; y = 40, 42, 50: x̄ = 10/3, ȳ = 44;
    // Sxx = 2·(10/3)² + (20/3)² = (200 + 400) / 9 = 200/3;
    // Sxy = (−10/3)(−4) + (−10/3)(−2) + (20/3)(6) = (40 + 20 + 120) / 3 = 60;
    // slope = 60 / (200/3) = 0.9; intercept = 44 − 0.9·10/3 = 41.
    const forecast = trendForecast([at(0, 40), at(0, 42), at(10, 50)], day(20));
    expect(forecast).toBeCloseTo(59, 10); // 41 + 0.9·20
  });

  it("forecasts a falling lower-is-better indicator", () => {
    // (0, 20), (10, 16): slope = −4 / 10 = −0.4 per day.
    expect(trendForecast([at(0, 20), at(10, 16)], day(25))).toBe(10); // 20 − 0.4·25
  });
});
