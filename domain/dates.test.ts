import { describe, expect, it } from "vitest";
import { addMonths, lastQuarters, quarterOf, quartersBetween, today } from "./dates";

describe("today", () => {
  it("is the day in Amsterdam, also just after midnight there", () => {
    // 23:30 UTC on 31 March is 01:30 on 1 April in Amsterdam (summer time).
    expect(today(new Date("2026-03-31T23:30:00Z"))).toBe("2026-04-01");
    // 22:59 UTC on 14 January is 23:59 the same day in Amsterdam (winter time).
    expect(today(new Date("2026-01-14T22:59:00Z"))).toBe("2026-01-14");
  });
});

describe("addMonths", () => {
  it("adds months and keeps the day where it can", () => {
    expect(addMonths("2026-01-15", 3)).toBe("2026-04-15");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28"); // no 30 February
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29"); // leap year
    expect(addMonths("2026-06-30", 12)).toBe("2027-06-30");
  });
});

describe("quartersBetween", () => {
  it("lists the quarters from one date's to another's, both included", () => {
    expect(quartersBetween("2025-11-30", "2026-04-01").map((q) => q.label)).toEqual([
      "2025-K4",
      "2026-K1",
      "2026-K2",
    ]);
    expect(quartersBetween("2026-04-01", "2026-05-01").map((q) => q.label)).toEqual(["2026-K2"]);
    expect(quartersBetween("2026-04-01", "2025-05-01")).toEqual([]);
  });
});

const k2 = quarterOf("2025-05-15");

describe("quarters", () => {
  it("are labelled with K and run from the first to the last day", () => {
    expect(k2).toEqual({
      label: "2025-K2",
      year: 2025,
      quarter: 2,
      start: "2025-04-01",
      end: "2025-06-30",
    });
    expect(quarterOf("2024-02-29")).toMatchObject({ label: "2024-K1", end: "2024-03-31" });
    expect(quarterOf("2026-12-31")).toMatchObject({
      label: "2026-K4",
      start: "2026-10-01",
      end: "2026-12-31",
    });
    expect(quarterOf("2026-07-01").label).toBe("2026-K3");
  });

  it("lists the last eight up to today, oldest first, across years", () => {
    const quarters = lastQuarters("2026-05-15", 8);
    expect(quarters.map((q) => q.label)).toEqual([
      "2024-K3",
      "2024-K4",
      "2025-K1",
      "2025-K2",
      "2025-K3",
      "2025-K4",
      "2026-K1",
      "2026-K2",
    ]);
    expect(quarters[1]).toMatchObject({ start: "2024-10-01", end: "2024-12-31" });
    expect(lastQuarters("2026-01-01", 1).map((q) => q.label)).toEqual(["2026-K1"]);
    expect(lastQuarters("2026-03-31", 2).map((q) => q.label)).toEqual(["2025-K4", "2026-K1"]);
  });
});
