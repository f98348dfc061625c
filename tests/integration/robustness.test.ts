/**
 * Nothing a user can type gives a 500. Every procedure is called, as an admin and as a
 * coordinator, with malformed input and with well-formed input naming records that do not
 * exist; each answer must be a clean client error (or a success), never INTERNAL_SERVER_ERROR,
 * and an unknown record must read NOT_FOUND.
 */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { appRouter } from "@/server/root";
import { callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

const unknownId = "00000000-0000-4000-8000-000000000000";
const long = "x".repeat(10_000);

/** Inputs a client could send: wrong types, wrong shapes, hostile strings, huge numbers. */
const garbage: unknown[] = [
  undefined,
  null,
  42,
  "tekst",
  [],
  {},
  { partnershipId: "1; drop table users" },
  { partnershipId: "PARTNERSHIP", id: "niet-een-id", version: -1 },
  { page: 0, pageSize: 1_000_000, search: long },
  { page: 1.5, pageSize: "10" },
  { search: "%_\\'\"\u0000" },
  {
    name: "\u0000",
    email: "a@b",
    password: long,
    cbsCode: long,
    municipalityId: "",
    organisationId: null,
  },
  { version: Number.MAX_SAFE_INTEGER, id: unknownId, role: "god", form: "x", type: "y" },
];

/** Well-formed input for every field any procedure takes, naming records that do not exist. */
const unknownRecord = {
  id: unknownId,
  userId: unknownId,
  municipalityId: unknownId,
  organisationId: unknownId,
  version: 1,
  name: "Bestaat niet",
  email: "onbekend@test.nl",
  password: "een-lang-wachtwoord",
  role: "leader",
  form: "vindbaar",
  type: "overig",
  cbsCode: "GM0777",
  youthRegion: "Nergens",
  reflectionCadence: "yearly",
  municipalitySharing: "aggregates",
  isAdmin: false,
  active: true,
  page: 1,
  pageSize: 10,
  goalId: unknownId,
  sessionId: unknownId,
  participantId: unknownId,
  actionId: unknownId,
  title: "Bestaat niet",
  indicator: "Aantal",
  baselineValue: 1,
  baselineDate: "2025-01-01",
  targetValue: 2,
  targetDate: "2026-01-01",
  effectKind: "child",
  direction: "higher",
  value: 1,
  measuredOn: "2025-06-01",
  heldOn: "2026-01-01",
  factorId: "B1",
  note: "",
  scores: [],
  assessment: "on_track",
  verdict: "on_track",
  description: "Iets doen",
  dueOn: "2026-02-01",
  status: "done",
  sector: "education",
  reason: "Correctie",
  caseId: unknownId,
  checkInId: unknownId,
  linkId: unknownId,
  ageBand: "4-12",
  schoolType: "po",
  kind: "measurement",
  scopeKind: "municipality",
  scopeId: unknownId,
  text: "Iets dat werkt",
  shared: false,
  reach: "national",
  showName: false,
};

const procedures = Object.keys(appRouter._def.procedures).sort();

async function outcome(actor: "admin" | "coordinator", path: string, input: unknown) {
  const caller = await callerFor(database.db, world, actor);
  const fn = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  try {
    await (fn as (i: unknown) => Promise<unknown>)(input);
    return "ok";
  } catch (error) {
    if (!(error instanceof TRPCError)) return `not a TRPCError: ${String(error)}`;
    return error.code;
  }
}

describe("no input gives a server error", () => {
  for (const path of procedures) {
    it(path, async () => {
      for (const actor of ["admin", "coordinator"] as const) {
        for (const raw of garbage) {
          const input =
            raw &&
            typeof raw === "object" &&
            "partnershipId" in raw &&
            raw.partnershipId === "PARTNERSHIP"
              ? { ...raw, partnershipId: world.p.id }
              : raw;
          const code = await outcome(actor, path, input);
          expect(code, `${actor} ${path}(${JSON.stringify(input)?.slice(0, 80)})`).not.toBe(
            "INTERNAL_SERVER_ERROR",
          );
          expect(code).not.toMatch(/^not a TRPCError/);
        }
      }
    });
  }
});

describe("unknown records read NOT_FOUND", () => {
  const mutatesExisting = (path: string) =>
    path !== "me.get" &&
    /\.(get|update|delete|restore|revoke\w*|remove\w*|change\w*|updateOrganisation|restoreOrganisation|overview)$/.test(
      path,
    );
  for (const path of procedures.filter(mutatesExisting)) {
    it(path, async () => {
      // As admin (as the coordinator for case records, which admins may not touch), in an
      // unknown partnership and in the real one (naming an unknown row).
      const actor = /^(cases|trash)\./.test(path) ? "coordinator" : "admin";
      for (const partnershipId of [unknownId, world.p.id]) {
        const code = await outcome(actor, path, { ...unknownRecord, partnershipId });
        // These name no record beyond the partnership itself.
        if (
          [
            "partnerships.get",
            "partnerships.update",
            "partnerships.removedOrganisations",
            "goals.removed",
          ].includes(path) &&
          partnershipId === world.p.id
        )
          continue;
        expect(
          code,
          `${path} in ${partnershipId === unknownId ? "unknown" : "known"} partnership`,
        ).toBe("NOT_FOUND");
      }
    });
  }
});
