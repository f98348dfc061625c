/**
 * Tier 1 of the figures stays true: random sequences of what people do (open, correct and close
 * cases, add, correct, remove and restore check-ins, remove case goals, sign sessions off and
 * reopen them, keep goals and measurements) are run through the procedures, and afterwards every
 * stored figure is compared with a recomputation from the raw rows by the domain's own rules
 * (domain/case-aggregates.ts, domain/score-summary.ts, domain/figures.ts) — an implementation
 * independent of the SQL that keeps them.
 */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { loadCaseAggregateInput } from "@/db/queries/case-aggregates";
import { goalsForFigures } from "@/db/queries/figures";
import { listScores, listSessions } from "@/db/queries/reflections";
import { rowsOf } from "@/db/queries/rows";
import { caseAggregatesByQuarter } from "@/domain/case-aggregates";
import { addDays, today } from "@/domain/dates";
import { figureQuarters, goalStatusesByQuarter } from "@/domain/figures";
import { summariseScores } from "@/domain/score-summary";
import { ageBands, schoolTypes } from "@/domain/vocabulary";
import { caseGoalFields, goalFields } from "../helpers/fixtures";
import { callerFor, type World, withWorld } from "../helpers/world";

let database: Database;
let world: World;
withWorld((d, w) => {
  database = d;
  world = w;
});

type Caller = Awaited<ReturnType<typeof callerFor>>;
const day = today();
const quarters = figureQuarters(day);
const windowStart = quarters[0]?.start ?? day;

/** One thing a person does; indexes pick among what exists at that moment. */
const op = fc.oneof(
  fc.record({
    kind: fc.constant("openCase" as const),
    ageBand: fc.constantFrom(...ageBands),
    schoolType: fc.constantFrom(...schoolTypes),
    daysAgo: fc.integer({ min: 0, max: 700 }),
    jointPlan: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("checkIn" as const),
    which: fc.nat(),
    daysAfterOpening: fc.nat({ max: 700 }),
    school: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    parent: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    changes: fc.integer({ min: 0, max: 3 }),
    referral: fc.constantFrom(null, "appropriate" as const, "too_quick" as const),
    gas: fc.option(fc.integer({ min: -2, max: 2 }), { nil: null }),
  }),
  fc.record({
    kind: fc.constant("addGoal" as const),
    which: fc.nat(),
    weight: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant("removeGoal" as const), which: fc.nat() }),
  fc.record({
    kind: fc.constant("correctCheckIn" as const),
    which: fc.nat(),
    wellbeing: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ kind: fc.constant("removeCheckIn" as const), which: fc.nat() }),
  fc.record({ kind: fc.constant("restoreCheckIn" as const), which: fc.nat() }),
  fc.record({
    kind: fc.constant("updateCase" as const),
    which: fc.nat(),
    schoolType: fc.constantFrom(...schoolTypes),
    jointPlan: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("closeCase" as const),
    which: fc.nat(),
    dropout: fc.boolean(),
    continues: fc.option(fc.boolean(), { nil: null }),
    realised: fc.constantFrom(null, "yes" as const, "partly" as const, "no" as const),
    satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  }),
  fc.record({
    kind: fc.constant("session" as const),
    daysAgo: fc.integer({ min: 1, max: 700 }),
    scores: fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), {
      minLength: 3,
      maxLength: 3,
    }),
    sectors: fc.constantFrom(
      ["education", "youth_care", "parent"] as const,
      ["education", "education", "youth_care"] as const,
    ),
    signOff: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("reopen" as const), which: fc.nat() }),
  fc.record({
    kind: fc.constant("goal" as const),
    daysAgo: fc.integer({ min: 0, max: 700 }),
    value: fc.integer({ min: 0, max: 20 }),
  }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

type State = {
  cases: { id: string; version: number; openedOn: string; closed: boolean }[];
  goals: { caseId: string; id: string; version: number }[];
  checkIns: { caseId: string; id: string; version: number; heldOn: string; removed: boolean }[];
  sessions: { id: string; version: number; signed: boolean }[];
};

const pick = <T>(list: T[], n: number) => (list.length === 0 ? undefined : list[n % list.length]);

/** Runs one operation; a refusal (a rule the product keeps) is fine and changes nothing. */
async function run(
  partnershipId: string,
  actors: { professional: Caller; coordinator: Caller; leader: Caller },
  state: State,
  o: Op,
) {
  const p = { partnershipId };
  const { professional, coordinator, leader } = actors;
  try {
    switch (o.kind) {
      case "openCase": {
        const openedOn = addDays(day, -o.daysAgo);
        const c = await professional.cases.create({
          ...p,
          ageBand: o.ageBand,
          schoolType: o.schoolType,
          openedOn,
          jointPlan: o.jointPlan,
          jointPlanSince: o.jointPlan ? openedOn : null,
        });
        state.cases.push({ id: c.id, version: c.version, openedOn, closed: false });
        return;
      }
      case "checkIn": {
        const c = pick(state.cases, o.which);
        if (!c) return;
        const heldOn = addDays(c.openedOn, o.daysAfterOpening);
        if (heldOn > day) return;
        const goal = state.goals.find((g) => g.caseId === c.id);
        const ratings = [
          ...(o.school
            ? [{ perspective: "school" as const, collaboration: 3, wellbeing: o.school }]
            : []),
          ...(o.parent
            ? [{ perspective: "parent" as const, collaboration: 4, wellbeing: o.parent }]
            : []),
        ];
        const row = await professional.cases.addCheckIn({
          ...p,
          caseId: c.id,
          clientRequestId: crypto.randomUUID(),
          heldOn,
          professionalChanges: o.changes,
          ratings,
          referrals: o.referral ? [{ kind: "local_team", judgement: o.referral }] : [],
          gasScores: goal && o.gas !== null ? [{ caseGoalId: goal.id, score: o.gas }] : [],
        });
        state.checkIns.push({
          caseId: c.id,
          id: row.id,
          version: row.version,
          heldOn,
          removed: false,
        });
        return;
      }
      case "addGoal": {
        const c = pick(state.cases, o.which);
        if (!c) return;
        const g = await professional.cases.addGoal({
          ...p,
          caseId: c.id,
          ...caseGoalFields,
          weight: o.weight,
        });
        state.goals.push({ caseId: c.id, id: g.id, version: g.version });
        return;
      }
      case "removeGoal": {
        const g = pick(state.goals, o.which);
        if (!g) return;
        await professional.cases.removeGoal({
          ...p,
          caseId: g.caseId,
          goalId: g.id,
          version: g.version,
        });
        state.goals.splice(state.goals.indexOf(g), 1);
        return;
      }
      case "correctCheckIn": {
        const k = pick(
          state.checkIns.filter((x) => !x.removed),
          o.which,
        );
        if (!k) return;
        const after = await professional.cases.updateCheckIn({
          ...p,
          caseId: k.caseId,
          checkInId: k.id,
          version: k.version,
          heldOn: k.heldOn,
          ratings: [{ perspective: "youth_care", collaboration: 2, wellbeing: o.wellbeing }],
        });
        k.version = after.version;
        return;
      }
      case "removeCheckIn": {
        const k = pick(
          state.checkIns.filter((x) => !x.removed),
          o.which,
        );
        if (!k) return;
        const after = await professional.cases.removeCheckIn({
          ...p,
          caseId: k.caseId,
          checkInId: k.id,
          version: k.version,
        });
        k.version = after.version;
        k.removed = true;
        return;
      }
      case "restoreCheckIn": {
        const k = pick(
          state.checkIns.filter((x) => x.removed),
          o.which,
        );
        if (!k) return;
        const after = await coordinator.trash.restore({
          ...p,
          kind: "checkIn",
          id: k.id,
          version: k.version,
        });
        k.version = after.version;
        k.removed = false;
        return;
      }
      case "updateCase": {
        const c = pick(state.cases, o.which);
        if (!c) return;
        const after = await professional.cases.update({
          ...p,
          caseId: c.id,
          version: c.version,
          ageBand: "12-16",
          schoolType: o.schoolType,
          jointPlan: o.jointPlan,
          jointPlanSince: o.jointPlan ? c.openedOn : null,
        });
        c.version = after.version;
        return;
      }
      case "closeCase": {
        const c = pick(
          state.cases.filter((x) => !x.closed),
          o.which,
        );
        if (!c) return;
        const after = await professional.cases.close({
          ...p,
          caseId: c.id,
          version: c.version,
          closedOn: day,
          ending: o.dropout ? "dropout" : "planned",
          continuesWithoutHelp: o.continues,
          goalsRealised: o.realised,
          satisfactionParent: o.satisfaction,
        });
        c.version = after.version;
        c.closed = true;
        return;
      }
      case "session": {
        const heldOn = addDays(day, -o.daysAgo);
        const s = await coordinator.reflections.plan({ ...p, heldOn });
        for (const [i, sector] of o.sectors.entries()) {
          const who = await coordinator.reflections.addParticipant({
            ...p,
            sessionId: s.id,
            name: `P${i}`,
            sector,
          });
          await coordinator.reflections.saveScores({
            ...p,
            sessionId: s.id,
            participantId: who.id,
            version: who.version,
            scores: [
              { factorId: "B1", score: o.scores[i] ?? null },
              { factorId: i === 0 ? "R4" : "B2", score: o.scores[(i + 1) % 3] ?? null },
            ],
          });
        }
        const row = await leader.reflections.get({ ...p, sessionId: s.id });
        if (!o.signOff) {
          state.sessions.push({ id: s.id, version: row.version, signed: false });
          return;
        }
        const signed = await leader.reflections.signOff({
          ...p,
          sessionId: s.id,
          version: row.version,
          revision: row.revision,
        });
        state.sessions.push({ id: s.id, version: signed.version, signed: true });
        return;
      }
      case "reopen": {
        const s = pick(
          state.sessions.filter((x) => x.signed),
          o.which,
        );
        if (!s) return;
        const after = await leader.reflections.reopen({
          ...p,
          sessionId: s.id,
          version: s.version,
          reason: "Correctie",
        });
        s.version = after.version;
        s.signed = false;
        return;
      }
      case "goal": {
        const g = await coordinator.goals.create({
          ...p,
          ...goalFields,
          baselineDate: "2024-01-01",
          targetDate: "2027-06-01",
        });
        await coordinator.goals.addMeasurement({
          ...p,
          goalId: g.id,
          value: o.value,
          measuredOn: addDays(day, -o.daysAgo),
        });
        return;
      }
    }
  } catch (error) {
    // The product refused (a closed case, a session on a taken day, nothing to sign off …).
    const code = (error as { code?: string }).code;
    if (!["BAD_REQUEST", "CONFLICT", "NOT_FOUND"].includes(code ?? "")) throw error;
  }
}

/** How much the comparisons saw, so a run that compared nothing cannot pass. */
const compared = { caseRows: 0, collaborationRows: 0, goalRows: 0 };

const close = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined
    ? b === null || b === undefined
    : b !== null && b !== undefined && Math.abs(a - b) < 1e-4;

async function expectFiguresTrue(partnershipId: string) {
  // Cases, for every breakdown, against caseAggregatesByQuarter over the raw rows.
  const stored = rowsOf<Record<string, unknown>>(
    await database.db.execute(
      sql`select * from figures_cases where partnership_id = ${partnershipId}`,
    ),
  );
  const input = await loadCaseAggregateInput(database.db, {
    partnershipId,
    from: windowStart,
    to: day,
  });
  const attributes = rowsOf<{ id: string; school_type: string; age_band: string }>(
    await database.db.execute(
      sql`select id, school_type::text, age_band::text from cases where partnership_id = ${partnershipId}`,
    ),
  );
  const attrOf = new Map(attributes.map((a) => [a.id, a]));
  const dims: [string, string, (caseId: string) => boolean][] = [
    ["all", "", () => true],
    ...schoolTypes.map((s): [string, string, (id: string) => boolean] => [
      "school_type",
      s,
      (id) => attrOf.get(id)?.school_type === s,
    ]),
    ...ageBands.map((a): [string, string, (id: string) => boolean] => [
      "age_band",
      a,
      (id) => attrOf.get(id)?.age_band === a,
    ]),
  ];
  for (const [dim, value, keep] of dims) {
    const oracle = caseAggregatesByQuarter(
      {
        cases: input.cases.filter((c) => keep(c.id)),
        checkIns: input.checkIns.filter((c) => keep(c.caseId)),
      },
      quarters,
      day,
    );
    for (const q of oracle) {
      const row = stored.find(
        (r) =>
          r.dim === dim &&
          r.dim_value === value &&
          String(r.quarter_start).slice(0, 10) === q.start,
      );
      const at = `${dim}=${value} ${q.label}`;
      if (!row) {
        expect(q.activeCases + q.checkIns, `${at}: a quarter with activity has a row`).toBe(0);
        continue;
      }
      compared.caseRows += 1;
      expect(row.active, `${at} active`).toBe(q.activeCases);
      expect(row.check_ins, `${at} check-ins`).toBe(q.checkIns);
      expect(row.referrals, `${at} referrals`).toBe(q.referrals);
      expect(row.gas_cases, `${at} gas cases`).toBe(q.gasCases);
      const gas = row.gas_t as number[];
      const meanT = gas.length ? gas.reduce((a, b) => a + b, 0) / gas.length : null;
      expect(close(meanT, q.meanGasT), `${at} mean T ${meanT} vs ${q.meanGasT}`).toBe(true);
      const active = Number(row.active);
      expect(
        close(active ? Number(row.joint_plan) / active : null, q.jointPlanShare),
        `${at} joint plan`,
      ).toBe(true);
      const checkIns = Number(row.check_ins);
      expect(
        close(checkIns ? Number(row.voice_check_ins) / checkIns : null, q.voiceShare),
        `${at} voice`,
      ).toBe(true);
      const referrals = Number(row.referrals);
      expect(
        close(referrals ? Number(row.too_quick) / referrals : null, q.tooQuickShare),
        `${at} too quick`,
      ).toBe(true);
      const days = Number(row.case_days);
      const rate = days ? Number(row.changes) / (days / 365.25) : null;
      expect(
        close(rate, q.professionalChangesPerCaseYear),
        `${at} changes ${rate} vs ${q.professionalChangesPerCaseYear}`,
      ).toBe(true);
    }
  }
  // The outcome set: closings in the quarter, counted from the cases themselves.
  const closings = rowsOf<{ closed_on: string; ending: string; goals_realised: string | null }>(
    await database.db.execute(sql`select closed_on::text, ending::text, goals_realised::text from cases
      where partnership_id = ${partnershipId} and deleted_at is null and closed_on is not null`),
  );
  for (const q of quarters) {
    const inQ = closings.filter((c) => c.closed_on >= q.start && c.closed_on <= q.end);
    const row = stored.find(
      (r) => r.dim === "all" && String(r.quarter_start).slice(0, 10) === q.start,
    );
    expect(Number(row?.closed ?? 0), `${q.label} closed`).toBe(inQ.length);
    expect(Number(row?.dropouts ?? 0), `${q.label} dropouts`).toBe(
      inQ.filter((c) => c.ending === "dropout").length,
    );
    expect(Number(row?.realised_yes ?? 0), `${q.label} realised`).toBe(
      inQ.filter((c) => c.goals_realised === "yes").length,
    );
  }

  // Collaboration: the latest signed-off session per quarter, summed up by the domain.
  const sessions = (await listSessions(database.db, partnershipId)).filter(
    (s) => s.status === "signed_off",
  );
  const collab = rowsOf<{
    quarter_start: string;
    session_id: string;
    scorers: number;
    collaboration_index: number | null;
    factors: (number | null)[];
  }>(
    await database.db.execute(
      sql`select quarter_start::text, session_id, scorers, collaboration_index, factors from figures_collaboration where partnership_id = ${partnershipId}`,
    ),
  );
  for (const q of quarters) {
    const latest = sessions
      .filter((s) => s.heldOn >= q.start && s.heldOn <= q.end)
      .sort((a, b) => b.heldOn.localeCompare(a.heldOn))[0];
    const row = collab.find((r) => r.quarter_start === q.start);
    if (!latest) {
      expect(row, `${q.label}: no signed-off session, no figures`).toBeUndefined();
      continue;
    }
    compared.collaborationRows += 1;
    expect(row?.session_id, `${q.label} session`).toBe(latest.id);
    const summary = summariseScores(
      latest.instrumentVersion,
      await listScores(database.db, [latest.id]),
    );
    expect(row?.scorers, `${q.label} scorers`).toBe(summary.participantsScored);
    expect(close(row?.collaboration_index, summary.index), `${q.label} index`).toBe(true);
    expect(
      close(row?.factors[0], summary.factors.find((f) => f.factorId === "B1")?.mean),
      `${q.label} B1`,
    ).toBe(true);
  }

  // Reporting: signed-off sessions held per quarter.
  const reporting = rowsOf<{ quarter_start: string; held: number }>(
    await database.db.execute(
      sql`select quarter_start::text, held from figures_reporting where partnership_id = ${partnershipId}`,
    ),
  );
  for (const q of quarters) {
    const held = sessions.filter((s) => s.heldOn >= q.start && s.heldOn <= q.end).length;
    expect(reporting.find((r) => r.quarter_start === q.start)?.held ?? 0, `${q.label} held`).toBe(
      held,
    );
  }

  // Goals by status per quarter.
  const goalRows = rowsOf<{
    quarter_start: string;
    achieved: number;
    on_track: number;
    at_risk: number;
    off_track: number;
    no_data: number;
  }>(
    await database.db.execute(
      sql`select quarter_start::text, achieved, on_track, at_risk, off_track, no_data from figures_goals where partnership_id = ${partnershipId}`,
    ),
  );
  const expected = goalStatusesByQuarter(
    await goalsForFigures(database.db, {
      partnershipIds: [partnershipId],
      today: day,
      windowStart,
    }),
    quarters,
    day,
  );
  for (const e of expected) {
    const row = goalRows.find((r) => r.quarter_start === e.quarterStart);
    compared.goalRows += 1;
    expect([row?.achieved, row?.on_track, row?.at_risk, row?.off_track, row?.no_data]).toEqual([
      e.achieved,
      e.onTrack,
      e.atRisk,
      e.offTrack,
      e.noData,
    ]);
  }
}

describe("figures per partnership and quarter", () => {
  it("match a recomputation from the raw rows after any sequence of changes", async () => {
    let round = 0;
    await fc.assert(
      // Every sequence holds at least one signed-off session somewhere, so that the collaboration
      // figures are always compared (random sequences without one happened).
      fc.asyncProperty(
        fc
          .tuple(
            fc.array(op, { minLength: 2, maxLength: 7 }),
            fc.record({
              kind: fc.constant("session" as const),
              daysAgo: fc.integer({ min: 1, max: 700 }),
              scores: fc.tuple(
                fc.integer({ min: 1, max: 5 }),
                fc.integer({ min: 1, max: 5 }),
                fc.integer({ min: 1, max: 5 }),
              ),
              sectors: fc.constant(["education", "youth_care", "parent"] as const),
              signOff: fc.constant(true),
            }),
            fc.array(op, { minLength: 1, maxLength: 7 }),
          )
          .map(([before, session, after]) => [...before, session, ...after]),
        async (ops) => {
          // Each run in a partnership of its own, so runs do not see each other's rows.
          const admin = await callerFor(database.db, world, "admin");
          const partnership = await admin.partnerships.create({
            municipalityId: world.muniA.id,
            name: `Eigenschap ${round++}`,
            form: "op_school",
            reflectionCadence: "quarterly",
            municipalitySharing: "aggregates",
          });
          for (const [email, role] of [
            [world.users.professional.email, "professional"],
            ["coordinator@test.nl", "coordinator"],
            ["leader@test.nl", "leader"],
          ] as const)
            await admin.partnerships.addMember({ partnershipId: partnership.id, email, role });
          const fresh = {
            professional: await callerFor(database.db, world, "professional"),
            coordinator: await callerFor(database.db, world, "coordinator"),
            leader: await callerFor(database.db, world, "leader"),
          };
          const state: State = { cases: [], goals: [], checkIns: [], sessions: [] };
          for (const o of ops) await run(partnership.id, fresh, state, o);
          await expectFiguresTrue(partnership.id);
        },
      ),
      { numRuns: 12 },
    );
    expect(compared.caseRows).toBeGreaterThan(20);
    expect(compared.collaborationRows).toBeGreaterThan(0);
    expect(compared.goalRows).toBeGreaterThan(0);
  }, 300_000);
});
