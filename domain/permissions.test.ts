import { describe, expect, it } from "vitest";
import {
  can,
  capabilitiesOf,
  type PartnershipCapability,
  partnershipCapabilityNames,
  refusalFor,
  type Standing,
  shownRole,
} from "./permissions";

const member = (role: Standing["role"]): Standing => ({ role, admin: false, analystSharing: null });
const admin: Standing = { role: null, admin: true, analystSharing: null };
const analyst = (sharing: "aggregates" | "full"): Standing => ({
  role: null,
  admin: false,
  analystSharing: sharing,
});
const standings: [string, Standing][] = [
  ["coordinator", member("coordinator")],
  ["leader", member("leader")],
  ["professional", member("professional")],
  ["admin", admin],
  ["analyst (aggregates)", analyst("aggregates")],
  ["analyst (full)", analyst("full")],
];
const holders = (capability: PartnershipCapability): string[] =>
  standings.filter(([, s]) => can(s, capability)).map(([name]) => name);

describe("the permission table", () => {
  it("keeps case details with coordinators and professionals: never admins or analysts", () => {
    for (const c of ["openCases", "workOnCase", "readAllCases", "assignCases"] as const)
      expect(
        holders(c).filter((h) => h === "admin" || h.startsWith("analyst")),
        c,
      ).toEqual([]);
    expect(holders("readAllCases")).toEqual(["coordinator"]);
  });

  it("never lets an analyst see people, sessions or case figures of one partnership", () => {
    for (const c of ["readPeople", "readSessions", "readCaseAggregates"] as const)
      expect(
        holders(c).some((h) => h.startsWith("analyst")),
        c,
      ).toBe(false);
  });

  it("gives an analyst only what a partnership shares in full, and nothing with aggregates", () => {
    expect(partnershipCapabilityNames.filter((c) => can(analyst("aggregates"), c))).toEqual([]);
    expect(partnershipCapabilityNames.filter((c) => can(analyst("full"), c))).toEqual([
      "readPartnership",
      "readDashboard",
      "readGoals",
    ]);
  });

  it("leaves sign-off and goal reviews to leaders", () => {
    expect(holders("signOff")).toEqual(["leader"]);
    expect(holders("reviewGoals")).toEqual(["leader"]);
  });

  it("adds up the ways one person stands: an admin who is also a leader may sign off and plan", () => {
    const both: Standing = { role: "leader", admin: true, analystSharing: null };
    expect(can(both, "signOff")).toBe(true);
    expect(can(both, "planSessions")).toBe(true);
    expect(capabilitiesOf(both).workOnCase).toBe(false);
    expect(shownRole(both)).toBe("leader");
  });

  it("refuses with FORBIDDEN who can read the partnership, NOT_FOUND who cannot", () => {
    expect(refusalFor(member("leader"))).toBe("FORBIDDEN");
    expect(refusalFor(analyst("full"))).toBe("FORBIDDEN");
    expect(refusalFor(analyst("aggregates"))).toBe("NOT_FOUND");
  });
});
