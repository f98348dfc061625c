/**
 * The authorization matrix: every procedure of the app router, called as every kind of
 * caller. Allowed callers succeed; the rest get UNAUTHORIZED, FORBIDDEN or NOT_FOUND, and
 * their error carries none of the partnership's data. A procedure without an entry fails
 * the suite. Each call runs in a transaction that is rolled back, so calls do not interfere.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Db } from "@/db/types";
import { appRouter } from "@/server/root";
import { openTestDatabase } from "../helpers/db";
import { goalFields } from "../helpers/fixtures";
import {
  type Actor,
  actors,
  callerFor,
  createWorld,
  SECRET_PURPOSE,
  type World,
} from "../helpers/world";

type Entry = { allowed: readonly Actor[]; input: (w: World) => unknown };

const signedIn = actors.filter((a) => a !== "anonymous");
const pMembers = ["coordinator", "leader", "professional", "professional2", "admin"] as const;
const pManagers = ["coordinator", "admin"] as const;
const adminOnly = ["admin"] as const;
const page = { page: 1, pageSize: 10 };

const fillers = ["coordinator", "professional", "professional2", "admin"] as const;
/** Case details: coordinators and the assigned professional only — never leaders or admins. */
const caseWorkers = ["coordinator", "professional"] as const;
const anyProfessional = ["coordinator", "professional", "professional2"] as const;
const coordinatorOnly = ["coordinator"] as const;
const leaderOnly = ["leader"] as const;

const matrix: Record<string, Entry> = {
  "me.get": { allowed: signedIn, input: () => undefined },

  "partnerships.list": { allowed: signedIn, input: () => page },
  "partnerships.get": { allowed: pMembers, input: (w) => ({ partnershipId: w.p.id }) },
  "partnerships.create": {
    allowed: adminOnly,
    input: (w) => ({
      municipalityId: w.muniA.id,
      name: "Nieuw verband",
      form: "vindbaar",
      reflectionCadence: "quarterly",
      municipalitySharing: "aggregates",
    }),
  },
  "partnerships.update": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      version: w.p.version,
      name: "Samenwerking P (nieuw)",
      form: "geintegreerd",
      purpose: "Een nieuw doel",
      intendedImpact: "Impact",
      reflectionCadence: "monthly",
      municipalitySharing: "full",
    }),
  },
  "partnerships.removedOrganisations": {
    allowed: pManagers,
    input: (w) => ({ partnershipId: w.p.id }),
  },
  "partnerships.organisationOptions": {
    allowed: pManagers,
    input: (w) => ({ partnershipId: w.p.id }),
  },
  "partnerships.addOrganisation": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      organisationId: w.organisations.spare.id,
      isCore: true,
      ownInterest: "Meedoen",
    }),
  },
  "partnerships.updateOrganisation": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      id: w.partnerCare.id,
      version: w.partnerCare.version,
      isCore: true,
      ownInterest: "Eerder hulp",
    }),
  },
  "partnerships.removeOrganisation": {
    allowed: pManagers,
    input: (w) => ({ partnershipId: w.p.id, id: w.partnerCare.id, version: w.partnerCare.version }),
  },
  "partnerships.restoreOrganisation": {
    // Restoring an active row is a NOT_FOUND for everyone: the matrix only proves who gets past
    // authorization, so this entry uses a removed row prepared in `prepare` below.
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      id: removedPartner(w).id,
      version: removedPartner(w).version,
    }),
  },
  "partnerships.members": { allowed: pMembers, input: (w) => ({ partnershipId: w.p.id }) },
  "partnerships.addMember": {
    allowed: pManagers,
    input: (w) => ({ partnershipId: w.p.id, email: w.users.newcomer.email, role: "professional" }),
  },
  "partnerships.changeMemberRole": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      id: w.memberships.professional.id,
      version: w.memberships.professional.version,
      role: "leader",
    }),
  },
  "partnerships.removeMember": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      id: w.memberships.leader.id,
      version: w.memberships.leader.version,
    }),
  },

  "goals.list": { allowed: pMembers, input: (w) => ({ partnershipId: w.p.id }) },
  "goals.get": {
    allowed: pMembers,
    input: (w) => ({ partnershipId: w.p.id, goalId: prepared.goal.id }),
  },
  "goals.history": {
    allowed: pMembers,
    input: (w) => ({ partnershipId: w.p.id, goalId: prepared.goal.id }),
  },
  "goals.removed": { allowed: pManagers, input: (w) => ({ partnershipId: w.p.id }) },
  "goals.create": { allowed: pManagers, input: (w) => ({ partnershipId: w.p.id, ...goalFields }) },
  "goals.update": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      goalId: prepared.goal.id,
      version: prepared.goal.version,
      ...goalFields,
    }),
  },
  "goals.delete": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      goalId: prepared.goal.id,
      version: prepared.goal.version,
    }),
  },
  "goals.restore": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      goalId: prepared.removedGoal.id,
      version: prepared.removedGoal.version,
    }),
  },
  "goals.addMeasurement": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      goalId: prepared.goal.id,
      value: 12,
      measuredOn: "2026-01-01",
      note: "",
    }),
  },
  "goals.updateMeasurement": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      id: prepared.measurement.id,
      version: prepared.measurement.version,
      value: 11,
      measuredOn: "2026-01-01",
    }),
  },
  "goals.deleteMeasurement": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      id: prepared.measurement.id,
      version: prepared.measurement.version,
    }),
  },
  "goals.review": {
    allowed: leaderOnly,
    input: (w) => ({
      partnershipId: w.p.id,
      goalId: prepared.goal.id,
      verdict: "needs_attention",
      comment: "Meer focus",
    }),
  },

  "reflections.list": { allowed: pMembers, input: (w) => ({ partnershipId: w.p.id }) },
  "reflections.get": {
    allowed: pMembers,
    input: (w) => ({ partnershipId: w.p.id, sessionId: prepared.current.id }),
  },
  "reflections.plan": {
    allowed: pManagers,
    input: (w) => ({ partnershipId: w.p.id, heldOn: "2027-03-01" }),
  },
  "reflections.update": {
    allowed: fillers,
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      version: prepared.current.version,
      heldOn: "2026-06-01",
      whatWorks: "Korte lijnen",
      whatDoesNot: "",
    }),
  },
  "reflections.delete": {
    allowed: pManagers,
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      version: prepared.current.version,
    }),
  },
  "reflections.addParticipant": {
    allowed: fillers,
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      name: "Ouder",
      sector: "parent",
    }),
  },
  "reflections.removeParticipant": {
    allowed: fillers,
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      participantId: prepared.participant.id,
      version: prepared.participant.version,
    }),
  },
  "reflections.saveScores": {
    allowed: fillers,
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      participantId: prepared.participant.id,
      version: prepared.participant.version,
      scores: [{ factorId: "B1", score: 4 }],
    }),
  },
  "reflections.saveNote": {
    allowed: fillers,
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      factorId: "R2",
      note: "Goed",
      version: 0,
    }),
  },
  "reflections.saveGoalReview": {
    allowed: fillers,
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      goalId: prepared.goal.id,
      assessment: "on_track",
      story: "",
      version: 0,
    }),
  },
  "reflections.addAction": {
    allowed: fillers,
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      description: "Plan maken",
      dueOn: "2026-09-01",
    }),
  },
  "reflections.removeAction": {
    allowed: fillers,
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      actionId: prepared.currentAction.id,
      version: prepared.currentAction.version,
    }),
  },
  "reflections.reviewAction": {
    allowed: fillers,
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      actionId: prepared.previousAction.id,
      version: prepared.previousAction.version,
      status: "done",
    }),
  },
  "reflections.signOff": {
    allowed: leaderOnly,
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      version: prepared.current.version,
      revision: prepared.current.revision,
    }),
  },
  "reflections.reopen": {
    allowed: leaderOnly,
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.previous.id,
      version: prepared.previous.version,
      reason: "Score gecorrigeerd",
    }),
  },
  "dashboards.partnership": { allowed: pMembers, input: (w) => ({ partnershipId: w.p.id }) },
  "dashboards.cases": { allowed: pMembers, input: (w) => ({ partnershipId: w.p.id }) },

  "cases.list": { allowed: anyProfessional, input: (w) => ({ partnershipId: w.p.id }) },
  "cases.get": {
    allowed: caseWorkers,
    input: (w) => ({ partnershipId: w.p.id, caseId: prepared.case.id }),
  },
  "cases.create": {
    allowed: anyProfessional,
    input: (w) => ({
      partnershipId: w.p.id,
      ageBand: "4-12",
      schoolType: "po",
      problemDomains: ["learning"],
    }),
  },
  "cases.update": {
    allowed: caseWorkers,
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      version: prepared.case.version,
      ageBand: "12-16",
      schoolType: "vo",
      jointPlan: true,
      jointPlanSince: "2026-01-01",
    }),
  },
  "cases.assign": {
    allowed: coordinatorOnly,
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      userId: w.users.professional2.id,
    }),
  },
  "cases.unassign": {
    allowed: coordinatorOnly,
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      userId: w.users.professional.id,
    }),
  },
  "cases.addGoal": {
    allowed: caseWorkers,
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      description: "Gaat weer naar school",
      levelMinus2: "Thuis",
      levelMinus1: "Soms",
      level0: "Halve dagen",
      levelPlus1: "Bijna elke dag",
      levelPlus2: "Elke dag",
    }),
  },
  "cases.removeGoal": {
    allowed: caseWorkers,
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      goalId: prepared.caseGoal.id,
      version: prepared.caseGoal.version,
    }),
  },
  "cases.addCheckIn": {
    allowed: caseWorkers,
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      clientRequestId: "11111111-1111-4111-8111-111111111111",
      heldOn: "2026-05-01",
      ratings: [{ perspective: "school", collaboration: 3, wellbeing: 4 }],
    }),
  },
  "cases.updateCheckIn": {
    allowed: caseWorkers,
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      checkInId: prepared.checkIn.id,
      version: prepared.checkIn.version,
      heldOn: "2026-05-02",
      ratings: [{ perspective: "school", collaboration: 4, wellbeing: 4 }],
    }),
  },
  "cases.removeCheckIn": {
    allowed: caseWorkers,
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      checkInId: prepared.checkIn.id,
      version: prepared.checkIn.version,
    }),
  },
  "cases.close": {
    allowed: caseWorkers,
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      version: prepared.case.version,
      closedOn: new Date().toISOString().slice(0, 10),
      ending: "planned",
    }),
  },
  "cases.createLink": {
    allowed: caseWorkers,
    input: (w) => ({ partnershipId: w.p.id, caseId: prepared.case.id, perspective: "parent" }),
  },
  "cases.revokeLink": {
    allowed: caseWorkers,
    input: (w) => ({ partnershipId: w.p.id, caseId: prepared.case.id, linkId: prepared.link.id }),
  },
  "trash.list": { allowed: coordinatorOnly, input: (w) => ({ partnershipId: w.p.id }) },
  "trash.restore": {
    allowed: coordinatorOnly,
    input: (w) => ({
      partnershipId: w.p.id,
      kind: "measurement",
      id: prepared.removedMeasurement.id,
      version: prepared.removedMeasurement.version,
    }),
  },
  "voice.open": { allowed: actors, input: () => ({ token: prepared.token }) },
  "voice.submit": {
    allowed: actors,
    input: () => ({
      token: prepared.token,
      collaboration: 4,
      wellbeing: 3,
      comment: "Fijn dat er naar ons geluisterd wordt",
    }),
  },

  "municipalities.overview": {
    allowed: ["analyst", "admin"],
    input: (w) => ({ municipalityId: w.muniA.id }),
  },

  "admin.counts": { allowed: adminOnly, input: () => undefined },
  "admin.users.list": { allowed: adminOnly, input: () => page },
  "admin.users.get": { allowed: adminOnly, input: (w) => ({ id: w.users.newcomer.id }) },
  "admin.users.create": {
    allowed: adminOnly,
    input: () => ({ email: "nieuw@test.nl", name: "Nieuw", password: "een-lang-wachtwoord" }),
  },
  "admin.users.update": {
    allowed: adminOnly,
    input: (w) => ({
      id: w.users.newcomer.id,
      version: w.users.newcomer.version,
      name: "Nieuwe naam",
      isAdmin: false,
      active: true,
    }),
  },
  "admin.users.grantMunicipality": {
    allowed: adminOnly,
    input: (w) => ({ userId: w.users.newcomer.id, municipalityId: w.muniB.id }),
  },
  "admin.users.revokeMunicipality": {
    allowed: adminOnly,
    input: (w) => ({ id: w.analystAccess?.id, version: w.analystAccess?.version }),
  },
  "admin.organisations.list": { allowed: adminOnly, input: () => page },
  "admin.organisations.create": {
    allowed: adminOnly,
    input: (w) => ({ name: "Nieuwe school", type: "school_vo", municipalityId: w.muniA.id }),
  },
  "admin.organisations.update": {
    allowed: adminOnly,
    input: (w) => ({
      id: w.organisations.spare.id,
      version: w.organisations.spare.version,
      name: "Andere naam",
      type: "overig",
      municipalityId: null,
    }),
  },
  "admin.organisations.delete": {
    allowed: adminOnly,
    input: (w) => ({ id: w.organisations.spare.id, version: w.organisations.spare.version }),
  },
  "admin.organisations.restore": {
    allowed: adminOnly,
    input: (w) => ({ id: removedOrganisation(w).id, version: removedOrganisation(w).version }),
  },
  "admin.municipalities.list": { allowed: adminOnly, input: () => page },
  "admin.municipalities.options": { allowed: adminOnly, input: () => undefined },
  "admin.municipalities.create": {
    allowed: adminOnly,
    input: () => ({ cbsCode: "GM0999", name: "Nieuwegein-Test", youthRegion: "Lekstroom" }),
  },
  "admin.municipalities.update": {
    allowed: adminOnly,
    input: (w) => ({
      id: w.muniB.id,
      version: w.muniB.version,
      cbsCode: "GM0002",
      name: "Gemeente B2",
      youthRegion: "Regio B",
    }),
  },
  "admin.municipalities.delete": {
    allowed: adminOnly,
    input: (w) => ({ id: removableMunicipality(w).id, version: removableMunicipality(w).version }),
  },
  "admin.municipalities.restore": {
    allowed: adminOnly,
    input: (w) => ({ id: removedMunicipality(w).id, version: removedMunicipality(w).version }),
  },
};

// Records in a removed state (or free of dependants), made once in beforeAll.
type Row = { id: string; version: number };
let prepared: {
  removedPartner: Row;
  removedOrganisation: Row;
  removableMunicipality: Row;
  removedMunicipality: Row;
  goal: Row;
  case: Row;
  caseGoal: Row;
  checkIn: Row;
  link: { id: string };
  token: string;
  removedGoal: Row;
  measurement: Row;
  removedMeasurement: Row;
  previous: Row;
  current: Row & { revision: number };
  participant: Row;
  previousAction: Row;
  currentAction: Row;
};
const removedPartner = (_: World) => prepared.removedPartner;
const removedOrganisation = (_: World) => prepared.removedOrganisation;
const removableMunicipality = (_: World) => prepared.removableMunicipality;
const removedMunicipality = (_: World) => prepared.removedMunicipality;

let database: Database;
let world: World;

class Rollback extends Error {}

/** Calls `path` as `actor` inside a transaction that is always rolled back. */
async function call(db: Db, actor: Actor, path: string, input: unknown) {
  let outcome: { ok: true; value: unknown } | { ok: false; error: unknown } = {
    ok: false,
    error: null,
  };
  try {
    await db.transaction(async (tx) => {
      const caller = await callerFor(tx as unknown as Db, world, actor);
      const fn = path
        .split(".")
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
      try {
        outcome = { ok: true, value: await (fn as (i: unknown) => Promise<unknown>)(input) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return outcome;
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database.db);
  const admin = await callerFor(database.db, world, "admin");
  const extraPartner = await admin.partnerships.addOrganisation({
    partnershipId: world.p.id,
    organisationId: world.organisations.team.id,
  });
  const removed = await admin.partnerships.removeOrganisation({
    partnershipId: world.p.id,
    id: extraPartner.id,
    version: extraPartner.version,
  });
  const org = await admin.admin.organisations.create({
    name: "Opgeheven organisatie",
    type: "overig",
  });
  const removedOrg = await admin.admin.organisations.delete({ id: org.id, version: org.version });
  const removable = await admin.admin.municipalities.create({
    cbsCode: "GM0100",
    name: "Leeg",
    youthRegion: "X",
  });
  const gone = await admin.admin.municipalities.create({
    cbsCode: "GM0101",
    name: "Opgeheven",
    youthRegion: "X",
  });
  const goneRemoved = await admin.admin.municipalities.delete({
    id: gone.id,
    version: gone.version,
  });
  // A goal tree, and two sessions: an earlier one signed off with an action, a current one in progress.
  const p = { partnershipId: world.p.id };
  const goal = await admin.goals.create({ ...p, ...goalFields });
  const leaf = await admin.goals.create({
    ...p,
    ...goalFields,
    title: "Weg",
    parentId: goal.id,
  });
  const removedGoal = await admin.goals.delete({ ...p, goalId: leaf.id, version: leaf.version });
  const measurement = await admin.goals.addMeasurement({
    ...p,
    goalId: goal.id,
    value: 15,
    measuredOn: "2025-07-01",
  });
  const mistake = await admin.goals.addMeasurement({
    ...p,
    goalId: goal.id,
    value: 16,
    measuredOn: "2025-08-01",
  });
  const removedMeasurement = await admin.goals.deleteMeasurement({
    ...p,
    id: mistake.id,
    version: mistake.version,
  });
  const previous = await admin.reflections.plan({ ...p, heldOn: "2026-01-15" });
  const before = await admin.reflections.addParticipant({
    ...p,
    sessionId: previous.id,
    name: "Leerkracht",
    sector: "education",
  });
  await admin.reflections.saveScores({
    ...p,
    sessionId: previous.id,
    participantId: before.id,
    version: before.version,
    scores: [{ factorId: "B1", score: 3 }],
  });
  const previousAction = await admin.reflections.addAction({
    ...p,
    sessionId: previous.id,
    description: "Overleg plannen",
    dueOn: "2026-03-01",
  });
  const leader = await callerFor(database.db, world, "leader");
  const previousRow = await leader.reflections.get({ ...p, sessionId: previous.id });
  const signed = await leader.reflections.signOff({
    ...p,
    sessionId: previous.id,
    version: previousRow.version,
    revision: previousRow.revision,
  });
  const current = await admin.reflections.plan({ ...p, heldOn: "2026-04-15" });
  const participant = await admin.reflections.addParticipant({
    ...p,
    sessionId: current.id,
    name: "Jeugdhulpwerker",
    sector: "youth_care",
  });
  const scored = await admin.reflections.saveScores({
    ...p,
    sessionId: current.id,
    participantId: participant.id,
    version: participant.version,
    scores: [{ factorId: "R1", score: 4 }],
  });
  const currentAction = await admin.reflections.addAction({
    ...p,
    sessionId: current.id,
    description: "Ouders uitnodigen",
    dueOn: "2026-06-01",
  });
  const currentRow = await admin.reflections.get({ ...p, sessionId: current.id });
  // A case assigned to the professional (who opens it), with a goal and a parent's link.
  const professional = await callerFor(database.db, world, "professional");
  const aCase = await professional.cases.create({
    ...p,
    ageBand: "4-12",
    schoolType: "po",
    openedOn: "2026-01-05",
  });
  const caseGoal = await professional.cases.addGoal({
    ...p,
    caseId: aCase.id,
    description: "Voelt zich veilig in de klas",
    levelMinus2: "Nooit",
    levelMinus1: "Zelden",
    level0: "Soms",
    levelPlus1: "Vaak",
    levelPlus2: "Altijd",
  });
  const link = await professional.cases.createLink({
    ...p,
    caseId: aCase.id,
    perspective: "parent",
  });
  const checkIn = await professional.cases.addCheckIn({
    ...p,
    caseId: aCase.id,
    clientRequestId: crypto.randomUUID(),
    heldOn: "2026-04-01",
    ratings: [{ perspective: "school", collaboration: 3, wellbeing: 3 }],
  });
  prepared = {
    case: aCase,
    caseGoal,
    checkIn,
    link,
    token: link.path.replace("/stem/", ""),
    goal,
    removedGoal,
    measurement,
    removedMeasurement,
    previous: signed,
    current: currentRow,
    participant: { id: participant.id, version: scored.version },
    previousAction,
    currentAction,
    removedPartner: removed,
    removedOrganisation: removedOrg,
    removableMunicipality: removable,
    removedMunicipality: goneRemoved,
  };
});

afterAll(async () => {
  await database?.close();
});

describe("authorization matrix", () => {
  const procedures = Object.keys(appRouter._def.procedures).sort();

  it("has an entry for every procedure of the app router, and no stale ones", () => {
    expect(procedures.filter((p) => !(p in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((p) => !procedures.includes(p))).toEqual([]);
  });

  for (const path of procedures) {
    describe(path, () => {
      for (const actor of actors) {
        const entry = matrix[path];
        const allowed = entry?.allowed.includes(actor) ?? false;
        it(`${actor} is ${allowed ? "allowed" : "refused"}`, async () => {
          if (!entry) throw new Error(`no matrix entry for ${path}`);
          const outcome = await call(database.db, actor, path, entry.input(world));
          if (allowed) {
            if (!outcome.ok) throw outcome.error;
            return;
          }
          expect(outcome.ok).toBe(false);
          const error = (outcome as { error: unknown }).error;
          expect(error).toBeInstanceOf(TRPCError);
          const code = (error as TRPCError).code;
          if (actor === "anonymous") expect(code).toBe("UNAUTHORIZED");
          else expect(["FORBIDDEN", "NOT_FOUND"]).toContain(code);
          expect(
            JSON.stringify({
              message: (error as Error).message,
              cause: String((error as TRPCError).cause),
            }),
          ).not.toContain(SECRET_PURPOSE);
        });
      }
    });
  }
});
