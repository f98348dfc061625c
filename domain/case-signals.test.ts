import { describe, expect, it } from "vitest";
import {
  type CheckIn,
  noProgress,
  type Perspective,
  perspectiveGap,
  perspectives,
  professionalChangesPerCaseYear,
  type Rating,
  strongDisagreement,
} from "./case-signals";

const r = (perspective: Perspective, collaboration: number, wellbeing: number): Rating => ({
  perspective,
  collaboration,
  wellbeing,
});

/** A check-in on a given day with the given wellbeing ratings (collaboration is not used). */
const checkIn = (date: string, ...wellbeing: number[]): CheckIn => ({
  date: new Date(date),
  ratings: wellbeing.map((w, i) => r(perspectives[i % perspectives.length] ?? "school", 3, w)),
});

const all = [r("school", 2, 3), r("youth_care", 4, 3), r("parent", 5, 2), r("young_person", 4, 1)];

describe("perspectives", () => {
  it("lists the four perspectives", () => {
    expect(perspectives).toEqual(["school", "youth_care", "parent", "young_person"]);
  });
});

describe("perspectiveGap", () => {
  it("is family mean minus professionals' mean", () => {
    // family (5 + 4) / 2 = 4.5; professionals (2 + 4) / 2 = 3; 4.5 − 3 = 1.5
    expect(perspectiveGap(all, "collaboration")).toBe(1.5);
    // family (2 + 1) / 2 = 1.5; professionals (3 + 3) / 2 = 3; 1.5 − 3 = −1.5
    expect(perspectiveGap(all, "wellbeing")).toBe(-1.5);
  });

  it("works with one rating on each side", () => {
    // parent 2 − youth_care 5 = −3
    expect(perspectiveGap([r("parent", 2, 1), r("youth_care", 5, 1)], "collaboration")).toBe(-3);
    // young_person 4 − school 4 = 0
    expect(perspectiveGap([r("young_person", 1, 4), r("school", 1, 4)], "wellbeing")).toBe(0);
  });

  it("pools the ratings within a side", () => {
    // family (5 + 5 + 2) / 3 = 12 / 3 = 4 (not (5 + 2) / 2 = 3.5 per perspective);
    // professionals 3; 4 − 3 = 1
    const ratings = [
      r("parent", 5, 1),
      r("parent", 5, 1),
      r("young_person", 2, 1),
      r("school", 3, 1),
    ];
    expect(perspectiveGap(ratings, "collaboration")).toBe(1);
  });

  it("is null unless both sides rated", () => {
    expect(perspectiveGap([], "wellbeing")).toBeNull();
    expect(perspectiveGap([r("parent", 3, 3), r("young_person", 4, 4)], "wellbeing")).toBeNull();
    expect(perspectiveGap([r("school", 3, 3), r("youth_care", 4, 4)], "wellbeing")).toBeNull();
  });
});

describe("strongDisagreement", () => {
  it("is true at a range of 2 or more", () => {
    // collaboration 2, 4, 5, 4: 5 − 2 = 3 ≥ 2
    expect(strongDisagreement(all, "collaboration")).toBe(true);
    // wellbeing 3, 3, 2, 1: 3 − 1 = 2 ≥ 2 (the boundary counts)
    expect(strongDisagreement(all, "wellbeing")).toBe(true);
  });

  it("is false at a range below 2", () => {
    // 4 − 3 = 1 < 2
    const ratings = [r("school", 3, 4), r("parent", 4, 4), r("young_person", 4, 3)];
    expect(strongDisagreement(ratings, "collaboration")).toBe(false);
    expect(strongDisagreement(ratings, "wellbeing")).toBe(false);
  });

  it("counts disagreement within one perspective", () => {
    // two school ratings 1 and 3: 3 − 1 = 2
    expect(strongDisagreement([r("school", 1, 3), r("school", 3, 3)], "collaboration")).toBe(true);
  });

  it("is false for fewer than two ratings", () => {
    expect(strongDisagreement([], "wellbeing")).toBe(false);
    expect(strongDisagreement([r("parent", 1, 5)], "wellbeing")).toBe(false);
  });
});

describe("noProgress", () => {
  it("is false with fewer than three check-ins", () => {
    expect(noProgress([])).toBe(false);
    expect(noProgress([checkIn("2024-01-01", 2)])).toBe(false);
    expect(noProgress([checkIn("2024-01-01", 3), checkIn("2024-02-01", 2)])).toBe(false);
  });

  const three = (m1: number, m2: number, m3: number) =>
    noProgress([checkIn("2024-01-01", m1), checkIn("2024-02-01", m2), checkIn("2024-03-01", m3)]);

  it("is true when wellbeing stays flat or falls", () => {
    expect(three(3, 3, 3)).toBe(true); // 3 > 3? no; 3 > 3? no
    expect(three(4, 3, 2)).toBe(true); // 3 > 4? no; 2 > 3? no
    expect(three(3, 2, 2)).toBe(true); // 2 > 3? no; 2 > 2? no
    expect(three(3, 3, 1)).toBe(true); // 3 > 3? no; 1 > 3? no
  });

  it("is false for a child doing well: good is good enough", () => {
    expect(three(4, 4, 4)).toBe(false); // m3 = 4 ≥ 4
    expect(three(5, 5, 4)).toBe(false); // falls, but to "goed"
    expect(three(4, 4, 3)).toBe(true); // below "goed" and not rising
  });

  it("is false when either step goes up", () => {
    expect(three(2, 3, 3)).toBe(false); // 3 > 2
    expect(three(2, 2, 3)).toBe(false); // 3 > 2 in the second step
    expect(three(3, 4, 1)).toBe(false); // 4 > 3, though it ends below the start
    expect(three(4, 2, 3)).toBe(false); // 3 > 2, though it ends below the start
  });

  it("averages the ratings of a check-in", () => {
    // m1 = (3 + 4) / 2 = 3.5; m2 = (2 + 4 + 4) / 3 = 10 / 3 = 3.33…; m3 = (4 + 3) / 2 = 3.5
    // 3.33… > 3.5? no; 3.5 > 3.33…? yes → progress
    expect(
      noProgress([
        checkIn("2024-01-01", 3, 4),
        checkIn("2024-02-01", 2, 4, 4),
        checkIn("2024-03-01", 4, 3),
      ]),
    ).toBe(false);
    // m1 = (3 + 4) / 2 = 3.5; m2 = (5 + 2) / 2 = 3.5; m3 = (2 + 4 + 4 + 4) / 4 = 14 / 4 = 3.5
    expect(
      noProgress([
        checkIn("2024-01-01", 3, 4),
        checkIn("2024-02-01", 5, 2),
        checkIn("2024-03-01", 2, 4, 4, 4),
      ]),
    ).toBe(true);
  });

  it("sorts by date and looks at the last three only", () => {
    // Sorted: 1 (Jan), 4 (Feb), 3 (Mar), 3 (Apr); the last three 4, 3, 3 do not step up. The
    // earlier rise 1 → 4 is out of the window.
    expect(
      noProgress([
        checkIn("2024-04-01", 3),
        checkIn("2024-02-01", 4),
        checkIn("2024-01-01", 1),
        checkIn("2024-03-01", 3),
      ]),
    ).toBe(true);
    // Sorted: 3 (Jan), 3 (Feb), 4 (Mar): a step up at the end.
    expect(
      noProgress([checkIn("2024-03-01", 4), checkIn("2024-01-01", 3), checkIn("2024-02-01", 3)]),
    ).toBe(false);
  });

  it("keeps input order for check-ins on the same date", () => {
    // Same date: 2 then 3 → means 3, 2, 3: the last step goes up.
    expect(
      noProgress([checkIn("2024-01-01", 3), checkIn("2024-02-01", 2), checkIn("2024-02-01", 3)]),
    ).toBe(false);
    // Same date: 3 then 2 → means 3, 3, 2: no step up.
    expect(
      noProgress([checkIn("2024-01-01", 3), checkIn("2024-02-01", 3), checkIn("2024-02-01", 2)]),
    ).toBe(true);
  });

  it("skips check-ins without ratings", () => {
    // Rated: 3, 3, 3 (the empty March check-in skipped) → flat
    expect(
      noProgress([
        checkIn("2024-01-01", 3),
        checkIn("2024-02-01", 3),
        checkIn("2024-03-01"),
        checkIn("2024-04-01", 3),
      ]),
    ).toBe(true);
    // Only two rated check-ins
    expect(
      noProgress([checkIn("2024-01-01", 3), checkIn("2024-02-01", 3), checkIn("2024-03-01")]),
    ).toBe(false);
  });

  it("does not reorder the caller's array", () => {
    const input = [checkIn("2024-03-01", 3), checkIn("2024-01-01", 3), checkIn("2024-02-01", 3)];
    const dates = input.map((c) => c.date.toISOString());
    noProgress(input);
    expect(input.map((c) => c.date.toISOString())).toEqual(dates);
  });
});

describe("professionalChangesPerCaseYear", () => {
  const asOf = new Date("2024-01-01T12:00:00Z");

  it("divides changes by case-years of 365.25 days", () => {
    // 2021-01-01 00:00 → 2022-01-01 06:00 = 365 d + 6 h = 365.25 d = 1 year; 2 changes
    const closed = {
      openedOn: new Date("2021-01-01T00:00:00Z"),
      closedOn: new Date("2022-01-01T06:00:00Z"),
      changes: 2,
    };
    expect(professionalChangesPerCaseYear([closed], asOf)).toBe(2); // 2 / 1
    // Still open: 2022-01-01 00:00 → asOf 2024-01-01 12:00 = 365 + 365 d + 12 h = 730.5 d
    // = 2 years; 1 change
    const open = { openedOn: new Date("2022-01-01T00:00:00Z"), closedOn: null, changes: 1 };
    expect(professionalChangesPerCaseYear([open], asOf)).toBe(0.5); // 1 / 2
    // Together: (2 + 1) / (1 + 2) = 1
    expect(professionalChangesPerCaseYear([closed, open], asOf)).toBe(1);
  });

  it("counts a leap year as 366 / 365.25 years", () => {
    // 2020-01-01 → 2021-01-01 = 366 days; 1 / (366 / 365.25) = 365.25 / 366 = 0.99795082…
    const leap = {
      openedOn: new Date("2020-01-01T00:00:00Z"),
      closedOn: new Date("2021-01-01T00:00:00Z"),
      changes: 1,
    };
    expect(professionalChangesPerCaseYear([leap], asOf)).toBeCloseTo(0.99795082, 8);
  });

  it("counts no time after asOf", () => {
    // Closed after asOf: counted up to asOf, 2022-01-01 → 2024-01-01 12:00 = 2 years; 3 / 2
    const closedLater = {
      openedOn: new Date("2022-01-01T00:00:00Z"),
      closedOn: new Date("2025-06-01T00:00:00Z"),
      changes: 3,
    };
    expect(professionalChangesPerCaseYear([closedLater], asOf)).toBe(1.5);
  });

  it("leaves out cases opened after asOf, with their changes", () => {
    const open = { openedOn: new Date("2022-01-01T00:00:00Z"), closedOn: null, changes: 1 };
    const future = { openedOn: new Date("2024-02-01T00:00:00Z"), closedOn: null, changes: 4 };
    // Only `open` counts: 1 / 2 years = 0.5
    expect(professionalChangesPerCaseYear([open, future], asOf)).toBe(0.5);
  });

  it("counts changes in a case open for no time, but no years", () => {
    const open = { openedOn: new Date("2022-01-01T00:00:00Z"), closedOn: null, changes: 1 };
    const sameDay = {
      openedOn: new Date("2023-05-01"),
      closedOn: new Date("2023-05-01"),
      changes: 1,
    };
    // (1 + 1) / (2 + 0) = 1
    expect(professionalChangesPerCaseYear([open, sameDay], asOf)).toBe(1);
  });

  it("is 0 when nothing changed", () => {
    const open = { openedOn: new Date("2022-01-01T00:00:00Z"), closedOn: null, changes: 0 };
    expect(professionalChangesPerCaseYear([open], asOf)).toBe(0); // 0 / 2
  });

  it("is null when there are no case-years", () => {
    expect(professionalChangesPerCaseYear([], asOf)).toBeNull();
    const sameDay = {
      openedOn: new Date("2023-05-01"),
      closedOn: new Date("2023-05-01"),
      changes: 1,
    };
    expect(professionalChangesPerCaseYear([sameDay], asOf)).toBeNull();
    const future = { openedOn: new Date("2024-02-01T00:00:00Z"), closedOn: null, changes: 1 };
    expect(professionalChangesPerCaseYear([future], asOf)).toBeNull();
    // Opened exactly at asOf: 0 years
    expect(
      professionalChangesPerCaseYear([{ openedOn: asOf, closedOn: null, changes: 0 }], asOf),
    ).toBeNull();
  });
});
