import { describe, expect, it } from "vitest";
import { nextCheckInDue, nextReflectionDue } from "./cadence";

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

describe("nextReflectionDue with a session to come that is under way", () => {
  it("counts it as planned: a scoring round or an action made it in progress before the day", () => {
    const sessions = [
      { heldOn: "2026-03-01", status: "signed_off" as const },
      { heldOn: "2026-12-10", status: "in_progress" as const },
    ];
    expect(nextReflectionDue("quarterly", sessions, "2026-11-30")).toEqual({
      dueOn: "2026-06-01",
      plannedOn: "2026-12-10",
      overdue: false,
    });
  });
});

describe("nextCheckInDue", () => {
  const open = { checkInEveryWeeks: 4, openedOn: "2026-10-01", closedOn: null };
  it("counts from the day the case opened when it had no check-in yet", () => {
    expect(nextCheckInDue(open, [], "2026-10-20")).toEqual({ dueOn: "2026-10-29", overdue: false });
  });
  it("counts from the latest check-in, whatever order they come in", () => {
    expect(nextCheckInDue(open, ["2026-11-10", "2026-10-15"], "2026-12-09")).toEqual({
      dueOn: "2026-12-08",
      overdue: true,
    });
  });
  it("is not due on the due day itself, only after it", () => {
    expect(nextCheckInDue(open, [], "2026-10-29")?.overdue).toBe(false);
  });
  it("has nothing due without a rhythm or once the case is closed", () => {
    expect(nextCheckInDue({ ...open, checkInEveryWeeks: null }, [], "2026-12-01")).toBeNull();
    expect(nextCheckInDue({ ...open, closedOn: "2026-11-01" }, [], "2026-12-01")).toBeNull();
  });
});
