import { describe, expect, it } from "vitest";
import { today } from "./days";

describe("today", () => {
  it("is the day in Amsterdam, also just after midnight there", () => {
    // 23:30 UTC on 31 March is 01:30 on 1 April in Amsterdam (summer time).
    expect(today(new Date("2026-03-31T23:30:00Z"))).toBe("2026-04-01");
    // 22:59 UTC on 14 January is 23:59 the same day in Amsterdam (winter time).
    expect(today(new Date("2026-01-14T22:59:00Z"))).toBe("2026-01-14");
  });
});
