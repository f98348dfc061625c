import { describe, expect, it } from "vitest";
import { nextReflectionDue } from "./cadence";

describe("nextReflectionDue", () => {
  it("is due now when nothing was held yet", () => {
    expect(nextReflectionDue("quarterly", [], "2026-11-30")).toEqual({
      dueOn: "2026-11-30",
      plannedOn: null,
      overdue: false,
    });
  });
  it("follows the last held session by the cadence", () => {
    const sessions = [
      { heldOn: "2026-03-01", status: "signed_off" as const },
      { heldOn: "2026-06-01", status: "in_progress" as const },
    ];
    expect(nextReflectionDue("quarterly", sessions, "2026-07-01")).toEqual({
      dueOn: "2026-09-01",
      plannedOn: null,
      overdue: false,
    });
    expect(nextReflectionDue("quarterly", sessions, "2026-09-02").overdue).toBe(true);
    expect(nextReflectionDue("yearly", sessions, "2026-09-02")).toEqual({
      dueOn: "2027-06-01",
      plannedOn: null,
      overdue: false,
    });
  });
  it("is not overdue when the next session is planned", () => {
    const sessions = [
      { heldOn: "2026-03-01", status: "signed_off" as const },
      { heldOn: "2026-12-10", status: "planned" as const },
    ];
    expect(nextReflectionDue("quarterly", sessions, "2026-11-30")).toEqual({
      dueOn: "2026-06-01",
      plannedOn: "2026-12-10",
      overdue: false,
    });
  });
});
