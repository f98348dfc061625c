import { describe, expect, it } from "vitest";
import { formatDay, formatMoment } from "./dates";

describe("formatDay", () => {
  it("writes a calendar day as people in the Netherlands and Europe read it", () => {
    expect(formatDay("nl", "2026-03-12")).toBe("12 maart 2026");
    expect(formatDay("en", "2026-03-12")).toBe("12 March 2026");
    expect(formatDay("nl", "2026-03-12", "month")).toBe("mrt 2026");
  });

  it("never moves a day across midnight", () => {
    expect(formatDay("nl", "2026-01-01")).toBe("1 januari 2026");
    expect(formatDay("en", "2025-12-31")).toBe("31 December 2025");
  });
});

describe("formatMoment", () => {
  it("shows a moment in Dutch time", () => {
    // 23:30 UTC in March is 00:30 the next day in Amsterdam.
    expect(formatMoment("nl", new Date("2026-03-12T23:30:00Z"), "day")).toBe("13 maart 2026");
    expect(formatMoment("en", new Date("2026-07-01T12:05:00Z"))).toBe("1 July 2026 at 14:05");
  });
});
