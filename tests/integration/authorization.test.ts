/**
 * The authorization matrix: every procedure of the app router, called as every kind of caller,
 * with partnership P sharing "aggregates" and again sharing "full" with its municipality. Who is
 * allowed follows from the procedure's declared access and the one permission table
 * (domain/permissions.ts), never from a list kept here: allowed callers succeed, the rest get
 * exactly the refusal the table says (UNAUTHORIZED, FORBIDDEN or NOT_FOUND), and their error
 * carries none of the partnership's data. A procedure without an entry fails the suite. Each
 * call runs in a transaction that is rolled back, so calls do not interfere.
 */
import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { FIGURES_TABLES, PARTNERSHIP_TABLES } from "@/db/queries/transfer";
import { invitations, partnerships, userMfa, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { addDays, today } from "@/domain/dates";
import {
  type Access,
  can,
  type PartnershipCapability,
  partnershipCapabilities,
  reachesScope,
  refusalFor,
  type ScopeGrants,
  type Standing,
} from "@/domain/permissions";
import type { MunicipalitySharing } from "@/domain/vocabulary";
import { codeAt, newTotpSecret } from "@/server/mfa";
import { appRouter } from "@/server/root";
import type { PartnershipDocument } from "@/server/services/transfer";
import type { Meta } from "@/server/trpc";
import { openTestDatabase } from "../helpers/db";
import { goalFields } from "../helpers/fixtures";
import {
  type Actor,
  actors,
  anonymousFrom,
  callerFor,
  createWorld,
  SECRET_PURPOSE,
  type World,
} from "../helpers/world";

/** The input of a call; `actor` for the procedures whose record is the caller's own. */
type Entry = { input: (w: World, actor: Actor) => unknown };
type Outcome = "allowed" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";

const page = { page: 1, pageSize: 10 };
const practiceFields = {
  factorId: "R6",
  text: "Ouders schuiven aan bij het eerste overleg.",
  schoolType: null,
  shared: true,
  reach: "national",
  showName: false,
};
const muniScope = (w: World) => ({ scopeKind: "municipality", scopeId: w.muniA.id });

/** How each actor of the world stands to partnership P (null: not at all). */
function standingOf(actor: Actor, sharing: MunicipalitySharing): Standing | null {
  const member = (role: Standing["role"]): Standing => ({
    role,
    admin: false,
    analystSharing: null,
  });
  switch (actor) {
    case "coordinator":
      return member("coordinator");
    case "leader":
      return member("leader");
    case "professional":
    case "professional2":
      return member("professional");
    case "admin":
      return { role: null, admin: true, analystSharing: null };
    case "analyst":
      return { role: null, admin: false, analystSharing: sharing };
    default:
      return null;
  }
}

/** What each actor may see across partnerships: the world's grants, by name (tests/helpers/world.ts). */
function grantsOf(actor: Actor): ScopeGrants {
  return {
    admin: actor === "admin",
    national: actor === "nationalAnalyst",
    regionIds: actor === "regionAnalyst" ? ["Regio A"] : [],
    municipalityIds: actor === "analyst" ? ["A"] : actor === "otherAnalyst" ? ["B"] : [],
  };
}

/** The world's case was opened by (and so is assigned to) the professional, not professional2. */
const assignedToTheCase: readonly Actor[] = ["professional"];

/** What the table says `actor` gets from a procedure that declares `access`. */
function expectedOutcome(access: Access, actor: Actor, sharing: MunicipalitySharing): Outcome {
  if (access === "public") return "allowed";
  if (actor === "anonymous") return "UNAUTHORIZED";
  if (access === "signedIn") return "allowed";
  if (access === "admin") return actor === "admin" ? "allowed" : "FORBIDDEN";
  // The world's scope procedures ask about P's municipality (A), in Regio A.
  if (access === "scope")
    return reachesScope(grantsOf(actor), { kind: "municipality", id: "A" }, "Regio A")
      ? "allowed"
      : "NOT_FOUND";
  const standing = standingOf(actor, sharing);
  if (!standing) return "NOT_FOUND";
  if (!can(standing, access)) return refusalFor(standing);
  // Record level: without readAllCases, only the cases assigned to you exist for you.
  if (access === "workOnCase" && !can(standing, "readAllCases"))
    return assignedToTheCase.includes(actor) ? "allowed" : "NOT_FOUND";
  return "allowed";
}

const matrix: Record<string, Entry> = {
  "me.get": { input: () => undefined },
  "me.signInNotice": { input: () => undefined },
  "me.invitations": { input: () => undefined },
  // Everyone in the world has a second factor set up and one being set up (see beforeAll).
  "me.secondFactor.status": { input: () => undefined },
  "me.secondFactor.begin": { input: () => ({ otp: codeAt(MATRIX_SECRET) }) },
  "me.secondFactor.confirm": { input: () => ({ otp: codeAt(MATRIX_SECRET) }) },
  "me.secondFactor.renewRecoveryCodes": { input: () => ({ otp: codeAt(MATRIX_SECRET) }) },
  "me.secondFactor.disable": { input: () => ({ otp: codeAt(MATRIX_SECRET) }) },
  // Everyone in the world has an invitation of their own to P (see `prepare`).
  "me.mail.kinds": { input: () => undefined },
  "me.mail.language": { input: () => ({ locale: "en" }) },
  "me.mail.choose": { input: () => ({ kind: "weekly_digest", on: false }) },
  "me.answerInvitation": {
    input: (w, actor) => {
      const invitation = prepared.invitations.get(w.userIds[actor] ?? "") ?? prepared.anyInvitation;
      return { id: invitation.id, version: invitation.version, answer: "accepted" };
    },
  },

  "partnerships.list": { input: () => page },
  "partnerships.get": { input: (w) => ({ partnershipId: w.p.id }) },
  "partnerships.create": {
    input: (w) => ({
      municipalityId: w.muniA.id,
      name: "Nieuw verband",
      form: "vindbaar",
      reflectionCadence: "quarterly",
      municipalitySharing: "aggregates",
    }),
  },
  "partnerships.update": {
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
    input: (w) => ({ partnershipId: w.p.id }),
  },
  "partnerships.organisationOptions": {
    input: (w) => ({ partnershipId: w.p.id }),
  },
  "partnerships.addOrganisation": {
    input: (w) => ({
      partnershipId: w.p.id,
      organisationId: w.organisations.spare.id,
      isCore: true,
      ownInterest: "Meedoen",
    }),
  },
  "partnerships.updateOrganisation": {
    input: (w) => ({
      partnershipId: w.p.id,
      id: w.partnerCare.id,
      version: w.partnerCare.version,
      isCore: true,
      ownInterest: "Eerder hulp",
    }),
  },
  "partnerships.removeOrganisation": {
    input: (w) => ({ partnershipId: w.p.id, id: w.partnerCare.id, version: w.partnerCare.version }),
  },
  "partnerships.restoreOrganisation": {
    // Restoring an active row is a NOT_FOUND for everyone: the matrix only proves who gets past
    // authorization, so this entry uses a removed row prepared in `prepare` below.
    input: (w) => ({
      partnershipId: w.p.id,
      id: removedPartner(w).id,
      version: removedPartner(w).version,
    }),
  },
  "partnerships.members": { input: (w) => ({ partnershipId: w.p.id }) },
  "partnerships.invite": {
    input: (w) => ({ partnershipId: w.p.id, email: "uitgenodigd@test.nl", role: "leader" }),
  },
  "partnerships.invitations": { input: (w) => ({ partnershipId: w.p.id }) },
  "partnerships.withdrawInvitation": {
    input: (w) => ({
      partnershipId: w.p.id,
      id: prepared.anyInvitation.id,
      version: prepared.anyInvitation.version,
    }),
  },
  "partnerships.addMember": {
    input: (w) => ({ partnershipId: w.p.id, email: w.users.newcomer.email, role: "professional" }),
  },
  "partnerships.changeMember": {
    input: (w) => ({
      partnershipId: w.p.id,
      id: w.memberships.professional.id,
      version: w.memberships.professional.version,
      role: "leader",
      organisationId: null,
    }),
  },
  "partnerships.removeMember": {
    input: (w) => ({
      partnershipId: w.p.id,
      id: w.memberships.leader.id,
      version: w.memberships.leader.version,
    }),
  },

  "goals.list": { input: (w) => ({ partnershipId: w.p.id }) },
  "goals.get": {
    input: (w) => ({ partnershipId: w.p.id, goalId: prepared.goal.id }),
  },
  "goals.history": {
    input: (w) => ({ partnershipId: w.p.id, goalId: prepared.goal.id }),
  },
  "goals.removed": { input: (w) => ({ partnershipId: w.p.id }) },
  "goals.create": { input: (w) => ({ partnershipId: w.p.id, ...goalFields }) },
  "goals.update": {
    input: (w) => ({
      partnershipId: w.p.id,
      goalId: prepared.goal.id,
      version: prepared.goal.version,
      ...goalFields,
    }),
  },
  "goals.delete": {
    input: (w) => ({
      partnershipId: w.p.id,
      goalId: prepared.goal.id,
      version: prepared.goal.version,
    }),
  },
  "goals.restore": {
    input: (w) => ({
      partnershipId: w.p.id,
      goalId: prepared.removedGoal.id,
      version: prepared.removedGoal.version,
    }),
  },
  "goals.addMeasurement": {
    input: (w) => ({
      partnershipId: w.p.id,
      goalId: prepared.goal.id,
      value: 12,
      measuredOn: "2026-01-01",
      note: "",
    }),
  },
  "goals.updateMeasurement": {
    input: (w) => ({
      partnershipId: w.p.id,
      id: prepared.measurement.id,
      version: prepared.measurement.version,
      value: 11,
      measuredOn: "2026-01-01",
    }),
  },
  "goals.deleteMeasurement": {
    input: (w) => ({
      partnershipId: w.p.id,
      id: prepared.measurement.id,
      version: prepared.measurement.version,
    }),
  },
  "goals.review": {
    input: (w) => ({
      partnershipId: w.p.id,
      goalId: prepared.goal.id,
      verdict: "needs_attention",
      comment: "Meer focus",
    }),
  },

  "practices.list": { input: (w) => ({ partnershipId: w.p.id }) },
  "practices.create": { input: (w) => ({ partnershipId: w.p.id, ...practiceFields }) },
  "practices.update": {
    input: (w) => ({
      partnershipId: w.p.id,
      id: prepared.practice.id,
      version: prepared.practice.version,
      ...practiceFields,
    }),
  },
  "practices.remove": {
    input: (w) => ({
      partnershipId: w.p.id,
      id: prepared.practice.id,
      version: prepared.practice.version,
    }),
  },
  "practices.elsewhere": {
    input: (w) => ({ partnershipId: w.p.id, factorId: "R6", where: "national" }),
  },
  "reflections.list": { input: (w) => ({ partnershipId: w.p.id }) },
  "reflections.get": {
    input: (w) => ({ partnershipId: w.p.id, sessionId: prepared.current.id }),
  },
  "reflections.plan": {
    input: (w) => ({ partnershipId: w.p.id, heldOn: "2027-03-01" }),
  },
  "reflections.update": {
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      version: prepared.current.version,
      heldOn: "2026-06-01",
      whatWorks: "Korte lijnen",
      whatDoesNot: "",
    }),
  },
  "reflections.holdToday": {
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      version: prepared.current.version,
    }),
  },
  "reflections.delete": {
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      version: prepared.current.version,
    }),
  },
  "reflections.addParticipant": {
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      name: "Ouder",
      sector: "parent",
    }),
  },
  "reflections.removeParticipant": {
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      participantId: prepared.participant.id,
      version: prepared.participant.version,
    }),
  },
  "reflections.saveScores": {
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      participantId: prepared.participant.id,
      version: prepared.participant.version,
      scores: [{ factorId: "B1", score: 4 }],
    }),
  },
  "reflections.saveNote": {
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      factorId: "R2",
      note: "Goed",
      version: 0,
    }),
  },
  "reflections.saveGoalReview": {
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
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      description: "Plan maken",
      dueOn: "2026-09-01",
    }),
  },
  "reflections.removeAction": {
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      actionId: prepared.currentAction.id,
      version: prepared.currentAction.version,
    }),
  },
  "reflections.reviewAction": {
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      actionId: prepared.previousAction.id,
      version: prepared.previousAction.version,
      status: "done",
    }),
  },
  "reflections.signOff": {
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.current.id,
      version: prepared.current.version,
      revision: prepared.current.revision,
    }),
  },
  "reflections.reopen": {
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.previous.id,
      version: prepared.previous.version,
      reason: "Score gecorrigeerd",
    }),
  },
  "dashboards.partnership": { input: (w) => ({ partnershipId: w.p.id }) },
  "audit.partnership": { input: (w) => ({ partnershipId: w.p.id }) },
  "audit.platform": { input: () => ({}) },
  "admin.erasure.user": { input: (w) => ({ userId: w.userIds.professional2 }) },
  "admin.erasure.case": {
    input: (w) => ({ partnershipId: w.p.id, code: prepared.case.code, confirm: true }),
  },
  "dashboards.cases": { input: (w) => ({ partnershipId: w.p.id }) },
  "dashboards.benchmark": { input: (w) => ({ partnershipId: w.p.id }) },

  "cases.list": { input: (w) => ({ partnershipId: w.p.id }) },
  "cases.get": {
    input: (w) => ({ partnershipId: w.p.id, caseId: prepared.case.id }),
  },
  "cases.create": {
    input: (w) => ({
      partnershipId: w.p.id,
      ageBand: "4-12",
      schoolType: "po",
      problemDomains: ["learning"],
    }),
  },
  "cases.update": {
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
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      userId: w.users.professional2.id,
    }),
  },
  "cases.unassign": {
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      userId: w.users.professional.id,
    }),
  },
  "cases.addGoal": {
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
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      goalId: prepared.caseGoal.id,
      version: prepared.caseGoal.version,
    }),
  },
  "cases.addCheckIn": {
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      clientRequestId: "11111111-1111-4111-8111-111111111111",
      heldOn: "2026-05-01",
      ratings: [{ perspective: "school", collaboration: 3, wellbeing: 4 }],
    }),
  },
  "cases.updateCheckIn": {
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
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      checkInId: prepared.checkIn.id,
      version: prepared.checkIn.version,
    }),
  },
  "cases.close": {
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      version: prepared.case.version,
      closedOn: new Date().toISOString().slice(0, 10),
      ending: "planned",
    }),
  },
  "cases.createLink": {
    input: (w) => ({ partnershipId: w.p.id, caseId: prepared.case.id, perspective: "parent" }),
  },
  "cases.replyToVoice": {
    input: (w) => ({
      partnershipId: w.p.id,
      caseId: prepared.case.id,
      responseId: prepared.voiceResponseId,
      reply: "De mentor belt u elke twee weken.",
    }),
  },
  "cases.revokeLink": {
    input: (w) => ({ partnershipId: w.p.id, caseId: prepared.case.id, linkId: prepared.link.id }),
  },
  "trash.list": { input: (w) => ({ partnershipId: w.p.id }) },
  "trash.restore": {
    input: (w) => ({
      partnershipId: w.p.id,
      kind: "measurement",
      id: prepared.removedMeasurement.id,
      version: prepared.removedMeasurement.version,
    }),
  },
  "rounds.get": { input: (w) => ({ partnershipId: w.p.id, sessionId: prepared.round.sessionId }) },
  "rounds.open": { input: (w) => ({ partnershipId: w.p.id, sessionId: prepared.round.sessionId }) },
  "rounds.close": {
    input: (w) => ({ partnershipId: w.p.id, sessionId: prepared.round.sessionId }),
  },
  "rounds.createLink": {
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.round.sessionId,
      participantId: prepared.round.parentId,
    }),
  },
  "rounds.revokeLink": {
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.round.sessionId,
      linkId: prepared.round.linkId,
    }),
  },
  "rounds.saveMine": {
    // Each member scores the participant row linked to their own account.
    input: (w, actor) => ({
      partnershipId: w.p.id,
      sessionId: prepared.round.sessionId,
      participantId: prepared.round.own.get(actor) ?? prepared.round.parentId,
      scores: [{ factorId: "R6", score: 4 }],
    }),
  },
  "rounds.heard": {
    input: (w) => ({ partnershipId: w.p.id, sessionId: prepared.previous.id }),
  },
  "rounds.saveHeard": {
    input: (w) => ({
      partnershipId: w.p.id,
      sessionId: prepared.previous.id,
      text: "Wat we gaan doen: ouders schuiven aan bij het overleg.",
      publish: true,
      version: 0,
    }),
  },
  "roundLink.open": { input: () => ({ token: prepared.round.token }) },
  "roundLink.submit": {
    input: () => ({ token: prepared.round.token, scores: [{ factorId: "R6", score: 2 }] }),
  },
  "voice.open": { input: () => ({ token: prepared.token }) },
  "voice.submit": {
    input: () => ({
      token: prepared.token,
      collaboration: 4,
      wellbeing: 3,
      comment: "Fijn dat er naar ons geluisterd wordt",
    }),
  },

  "scopes.overview": { input: (w) => muniScope(w) },
  "scopes.cases": { input: (w) => muniScope(w) },
  "scopes.reporting": { input: (w) => muniScope(w) },
  "scopes.goals": { input: (w) => muniScope(w) },
  "scopes.collaboration": { input: (w) => muniScope(w) },
  "scopes.outcomes": { input: (w) => muniScope(w) },

  "admin.counts": { input: () => undefined },
  "admin.outbox": { input: () => ({ page: 1, pageSize: 10 }) },
  "admin.users.list": { input: () => page },
  "admin.users.get": { input: (w) => ({ id: w.users.newcomer.id }) },
  "admin.signInDomains.list": { input: () => undefined },
  "admin.signInDomains.set": { input: () => ({ domain: "school.nl", createAccounts: true }) },
  "admin.transfer.export": { input: (w) => ({ partnershipId: w.p.id }) },
  "admin.transfer.import": { input: () => structuredClone(prepared.transferDocument) },
  "admin.users.resetSecondFactor": { input: (w) => ({ userId: w.users.newcomer.id }) },
  "admin.users.create": {
    input: () => ({ email: "nieuw@test.nl", name: "Nieuw", password: "een-lang-wachtwoord" }),
  },
  "admin.users.update": {
    input: (w) => ({
      id: w.users.newcomer.id,
      version: w.users.newcomer.version,
      name: "Nieuwe naam",
      isAdmin: false,
      active: true,
    }),
  },
  "admin.users.grantMunicipality": {
    input: (w) => ({ userId: w.users.newcomer.id, municipalityId: w.muniB.id }),
  },
  "admin.users.revokeMunicipality": {
    input: (w) => ({ id: w.analystAccess?.id, version: w.analystAccess?.version }),
  },
  "admin.users.grantRegion": {
    input: (w) => ({ userId: w.users.newcomer.id, regionId: w.muniB.regionId }),
  },
  "admin.users.revokeRegion": {
    input: () => ({ id: prepared.regionAccess.id, version: prepared.regionAccess.version }),
  },
  "admin.regions.options": { input: () => undefined },
  "admin.organisations.list": { input: () => page },
  "admin.organisations.create": {
    input: (w) => ({ name: "Nieuwe school", type: "school_vo", municipalityId: w.muniA.id }),
  },
  "admin.organisations.update": {
    input: (w) => ({
      id: w.organisations.spare.id,
      version: w.organisations.spare.version,
      name: "Andere naam",
      type: "overig",
      municipalityId: null,
    }),
  },
  "admin.organisations.delete": {
    input: (w) => ({ id: w.organisations.spare.id, version: w.organisations.spare.version }),
  },
  "admin.organisations.restore": {
    input: (w) => ({ id: removedOrganisation(w).id, version: removedOrganisation(w).version }),
  },
  "admin.municipalities.list": { input: () => page },
  "admin.municipalities.options": { input: () => undefined },
  "admin.municipalities.create": {
    input: () => ({ cbsCode: "GM0999", name: "Nieuwegein-Test", youthRegion: "Lekstroom" }),
  },
  "admin.municipalities.update": {
    input: (w) => ({
      id: w.muniB.id,
      version: w.muniB.version,
      cbsCode: "GM0002",
      name: "Gemeente B2",
      youthRegion: "Regio B",
    }),
  },
  "admin.municipalities.delete": {
    input: (w) => ({ id: removableMunicipality(w).id, version: removableMunicipality(w).version }),
  },
  "admin.municipalities.restore": {
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
  regionAccess: Row;
  goal: Row;
  case: Row & { code: string };
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
  transferDocument: PartnershipDocument;
  practice: Row;
  /** A parent's answer through a link, taken into the case's check-in. */
  voiceResponseId: string;
  /** A session to come with an open scoring round, a parent's link and a row for each member. */
  round: {
    sessionId: string;
    parentId: string;
    linkId: string;
    token: string;
    own: Map<Actor, string>;
  };
  /** An invitation to P for each user of the world, by user id. */
  invitations: Map<string, Row>;
  anyInvitation: Row;
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

/** The second factor every user of the world has (and is setting up again). */
const MATRIX_SECRET = newTotpSecret();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database.db);
  const withUsers = Object.values(world.userIds).filter((id): id is string => id !== null);
  await database.db.insert(userMfa).values(
    withUsers.map((userId) => ({
      userId,
      secret: MATRIX_SECRET,
      pendingSecret: MATRIX_SECRET,
      enabledAt: new Date(),
    })),
  );
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
  const regionGrant = await admin.admin.users.grantRegion({
    userId: world.users.newcomer.id,
    regionId: world.muniA.regionId,
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
  const answered = await professional.cases.createLink({
    ...p,
    caseId: aCase.id,
    perspective: "parent",
  });
  await (await anonymousFrom(database.db, "192.0.2.90")).voice.submit({
    token: answered.path.replace("/stem/", ""),
    collaboration: 3,
    wellbeing: 3,
    comment: "",
  });
  const checkIn = await professional.cases.addCheckIn({
    ...p,
    caseId: aCase.id,
    clientRequestId: crypto.randomUUID(),
    heldOn: "2026-04-01",
    ratings: [{ perspective: "school", collaboration: 3, wellbeing: 3 }],
  });
  const everyone = await database.db.select({ id: users.id, email: users.email }).from(users);
  const invited = await database.db
    .insert(invitations)
    .values(
      everyone.map((u) => ({
        partnershipId: world.p.id,
        email: u.email,
        role: "professional" as const,
      })),
    )
    .returning();
  const invitationOf = new Map(
    everyone.map((u) => {
      const row = invited.find((i) => i.email === u.email) as Row;
      return [u.id, { id: row.id, version: row.version }];
    }),
  );
  // A partnership exported and then gone from this installation: the document an import takes.
  const movable = await admin.partnerships.create({
    municipalityId: world.muniA.id,
    name: "Verhuisd verband",
    form: "vindbaar",
    reflectionCadence: "quarterly",
    municipalitySharing: "aggregates",
  });
  const transferDocument = await admin.admin.transfer.export({ partnershipId: movable.id });
  for (const table of [...PARTNERSHIP_TABLES, ...FIGURES_TABLES].filter((t) => t !== "audit_log"))
    await database.db.execute(
      sql`delete from ${sql.identifier(table)} where partnership_id = ${movable.id}`,
    );
  await database.db.delete(partnerships).where(eq(partnerships.id, movable.id));

  const practice = await admin.practices.create({
    partnershipId: world.p.id,
    ...practiceFields,
    reach: "national",
  });
  const coming = await admin.reflections.plan({ ...p, heldOn: addDays(today(), 30) });
  const comingRef = { ...p, sessionId: coming.id };
  const own = new Map<Actor, string>();
  for (const actor of ["coordinator", "leader", "professional", "professional2"] as const) {
    const row = await admin.reflections.addParticipant({
      ...comingRef,
      name: actor,
      sector: "education",
      userId: world.userIds[actor],
    });
    own.set(actor, row.id);
  }
  const roundParent = await admin.reflections.addParticipant({
    ...comingRef,
    name: "Ouder",
    sector: "parent",
  });
  await admin.rounds.open(comingRef);
  const roundLink = await admin.rounds.createLink({ ...comingRef, participantId: roundParent.id });
  const caseVoices = (await professional.cases.get({ ...p, caseId: aCase.id })).voices;
  prepared = {
    voiceResponseId: caseVoices[0]?.id ?? "",
    round: {
      sessionId: coming.id,
      parentId: roundParent.id,
      linkId: roundLink.id,
      token: roundLink.path.replace("/ronde/", ""),
      own,
    },
    transferDocument,
    practice,
    invitations: invitationOf,
    anyInvitation: invitationOf.values().next().value as Row,
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
    regionAccess: regionGrant,
  };
});

afterAll(async () => {
  await database?.close();
});

describe("authorization matrix", () => {
  const procedures = Object.keys(appRouter._def.procedures).sort();
  // At run time the router's procedures are a flat record keyed by path ("goals.get").
  const flat = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>;
  const accessOf = (path: string) => flat[path]?._def.meta?.access;

  it("has an entry for every procedure of the app router, and no stale ones", () => {
    expect(procedures.filter((p) => !(p in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((p) => !procedures.includes(p))).toEqual([]);
  });

  it("knows what every procedure needs", () => {
    const declared = new Set<string>([
      "public",
      "signedIn",
      "admin",
      "scope",
      ...Object.keys(partnershipCapabilities),
    ]);
    expect(procedures.filter((p) => !declared.has(accessOf(p) ?? ""))).toEqual([]);
  });

  it("gives every capability to somebody in the world and refuses it to somebody", () => {
    for (const capability of Object.keys(partnershipCapabilities) as PartnershipCapability[]) {
      const outcomes = actors.map((a) => expectedOutcome(capability, a, "full"));
      expect(outcomes, capability).toContain("allowed");
      expect(outcomes.filter((o) => o !== "allowed").length, capability).toBeGreaterThan(0);
    }
  });

  for (const sharing of ["aggregates", "full"] as const) {
    describe(`P shares ${sharing}`, () => {
      beforeAll(async () => {
        await database.db
          .update(partnerships)
          .set({ municipalitySharing: sharing })
          .where(eq(partnerships.id, world.p.id));
      });

      for (const path of procedures) {
        describe(path, () => {
          for (const actor of actors) {
            const access = accessOf(path);
            const expected = access ? expectedOutcome(access, actor, sharing) : "allowed";
            it(`${actor}: ${expected}`, async () => {
              const entry = matrix[path];
              if (!entry || !access) throw new Error(`no matrix entry or access for ${path}`);
              const outcome = await call(database.db, actor, path, entry.input(world, actor));
              if (expected === "allowed") {
                if (!outcome.ok) throw outcome.error;
                return;
              }
              expect(outcome.ok).toBe(false);
              const error = (outcome as { error: unknown }).error;
              expect(error).toBeInstanceOf(TRPCError);
              expect((error as TRPCError).code).toBe(expected);
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
  }
});
