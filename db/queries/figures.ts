/**
 * Tier 1 of the figures (db/schema/figures.ts): what each partnership contributes, per calendar
 * quarter of the window, recomputed from the raw rows. One set of statements serves both one
 * partnership (in the transaction of a change that moves its figures) and every partnership at
 * once (after a bulk load, or when a new quarter begins). The rules are those of the domain:
 * domain/case-aggregates.ts for cases, domain/score-summary.ts for sessions — the property test
 * tests/integration/figures.test.ts checks these statements against them.
 */
import { and, eq, sql } from "drizzle-orm";
import type { GoalFigures } from "@/domain/goal-evaluation";
import { figuresGoals, figuresPublished } from "../schema";
import type { DbOrTx } from "../types";
import { rowsOf } from "./rows";

export type FiguresScope = {
  /** The partnerships to recompute; all when null. */
  partnershipIds: readonly string[] | null;
  /** Today in the Netherlands (YYYY-MM-DD): the current quarter counts up to it. */
  today: string;
  /** The first day of the window's first quarter. */
  windowStart: string;
};

export type FiguresPart = "collaboration" | "reporting" | "goals" | "cases";

/** The instrument as the statements need it: factor ids in order, with their level's position. */
export type InstrumentShape = {
  version: number;
  factors: readonly { id: string; level: number }[];
  levels: number;
};

const idsFilter = (column: string, scope: FiguresScope) =>
  scope.partnershipIds === null
    ? sql`true`
    : sql`${sql.raw(column)} = any(${sql.param([...scope.partnershipIds])}::uuid[])`;

/** The window's quarters: start, end, and the last day that counts (today, for the current one). */
const quartersSql = (scope: FiguresScope) => sql`
  select qs::date as start, (qs + interval '3 months' - interval '1 day')::date as "end",
         least((qs + interval '3 months' - interval '1 day')::date, ${scope.today}::date) as until
  from generate_series(${scope.windowStart}::date, date_trunc('quarter', ${scope.today}::date),
                       interval '3 months') qs`;

async function replace(
  db: DbOrTx,
  table: string,
  scope: FiguresScope,
  insert: ReturnType<typeof sql>,
) {
  await db.execute(sql`delete from ${sql.raw(table)} where ${idsFilter("partnership_id", scope)}`);
  await db.execute(insert);
}

/**
 * The latest signed-off session of each quarter on the current instrument: factor means (over
 * answered scores of live participants), the same per sector (education, youth care, families =
 * parents and young people), level scores as the mean of their factors' means, the index as
 * the mean of the levels, and how many participants gave a score.
 */
async function refreshCollaboration(db: DbOrTx, scope: FiguresScope, instrument: InstrumentShape) {
  const factorValues = sql.join(
    instrument.factors.map((f, i) => sql`(${f.id}::text, ${i + 1}::int, ${f.level}::int)`),
    sql`, `,
  );
  await replace(
    db,
    "figures_collaboration",
    scope,
    sql`
    with q as (${quartersSql(scope)}),
    f(factor_id, ord, level) as (values ${factorValues}),
    s as (
      select distinct on (rs.partnership_id, q.start) rs.id, rs.partnership_id, q.start
      from reflection_sessions rs
      join q on rs.held_on between q.start and q.until
      where rs.deleted_at is null and rs.status = 'signed_off'
        and rs.instrument_version = ${instrument.version}
        and ${idsFilter("rs.partnership_id", scope)}
      order by rs.partnership_id, q.start, rs.held_on desc, rs.signed_off_at desc, rs.id desc
    ),
    sc as (
      select s.id as session_id, fs.participant_id, fs.factor_id, fs.score::real as score, sp.sector
      from s
      join factor_scores fs on fs.session_id = s.id
      join session_participants sp on sp.id = fs.participant_id and sp.deleted_at is null
      join f on f.factor_id = fs.factor_id
    ),
    pf as (
      select s.id as session_id, f.factor_id, f.ord, f.level,
        avg(sc.score) as m,
        avg(sc.score) filter (where sc.sector = 'education') as edu,
        avg(sc.score) filter (where sc.sector = 'youth_care') as care,
        avg(sc.score) filter (where sc.sector in ('parent', 'young_person')) as fam
      from s cross join f
      left join sc on sc.session_id = s.id and sc.factor_id = f.factor_id
      group by s.id, f.factor_id, f.ord, f.level
    ),
    lv as (
      select session_id, level, avg(m) as score from pf group by session_id, level
    ),
    by_factor as (
      select session_id, array_agg(m order by ord) as factors,
        array_agg(edu order by ord) as education, array_agg(care order by ord) as youth_care,
        array_agg(fam order by ord) as families
      from pf group by session_id
    ),
    by_level as (
      select session_id, array_agg(score order by level) as levels, avg(score) as idx
      from lv group by session_id
    ),
    scorers as (
      select session_id, count(distinct participant_id)::int as n
      from sc where score is not null group by session_id
    )
    insert into figures_collaboration (partnership_id, quarter_start, session_id,
      instrument_version, scorers, collaboration_index, levels, factors, education, youth_care,
      families)
    select s.partnership_id, s.start, s.id, ${instrument.version}, coalesce(n.n, 0),
      l.idx, l.levels, b.factors, b.education, b.youth_care, b.families
    from s
    join by_factor b on b.session_id = s.id
    join by_level l on l.session_id = s.id
    left join scorers n on n.session_id = s.id`,
  );
}

/**
 * Reporting in DHIS2's sense, per partnership and quarter: expected reflections from the
 * cadence, pro rata for the part of the quarter the partnership existed; held (signed off, by
 * the date held); on time (signed off at most `onTimeDays` after the session was due — the
 * previous signed-off session, or the partnership's start, plus the cadence). Held and on time
 * count at most what was expected.
 */
async function refreshReporting(
  db: DbOrTx,
  scope: FiguresScope,
  cadenceMonths: Record<string, number>,
  onTimeDays: number,
) {
  const cadence = sql.join(
    Object.entries(cadenceMonths).map(([k, v]) => sql`when ${k} then ${v}`),
    sql` `,
  );
  await replace(
    db,
    "figures_reporting",
    scope,
    sql`
    with q as (${quartersSql(scope)}),
    p as (
      select id, created_at::date as from_day,
        coalesce(deleted_at::date, 'infinity'::date) as to_day,
        (case reflection_cadence::text ${cadence} end)::int as months
      from partnerships
      where ${idsFilter("id", scope)}
    ),
    signed as (
      select rs.partnership_id, rs.held_on, rs.signed_off_at,
        (coalesce(lag(rs.held_on) over w, p.from_day) + make_interval(months => p.months))::date
          as due_on
      from reflection_sessions rs join p on p.id = rs.partnership_id
      where rs.deleted_at is null and rs.status = 'signed_off'
      window w as (partition by rs.partnership_id order by rs.held_on, rs.id)
    ),
    counted as (
      select sg.partnership_id, q.start, count(*)::int as held,
        count(*) filter (where sg.signed_off_at::date <= sg.due_on + ${onTimeDays}::int)::int
          as on_time
      from signed sg join q on sg.held_on between q.start and q."end"
      group by sg.partnership_id, q.start
    ),
    pq as (
      select p.id, q.start,
        greatest(0, least(q."end" + 1, p.to_day) - greatest(q.start, p.from_day))::real
          / (q."end" + 1 - q.start) * 3.0 / p.months as expected,
        coalesce(c.held, 0) as held, coalesce(c.on_time, 0) as on_time
      from p cross join q
      left join counted c on c.partnership_id = p.id and c.start = q.start
    )
    insert into figures_reporting (partnership_id, quarter_start, expected, held, held_capped,
      on_time_capped)
    select id, start, expected, held, least(held, expected), least(on_time, expected)
    from pq where expected > 0 or held > 0`,
  );
}

/**
 * Case counts and sums per quarter, for all cases and per school type and age band, by the
 * rules of caseAggregatesByQuarter (domain/case-aggregates.ts): active cases; check-ins by
 * date; the latest GAS T-score per case in the quarter; changes of professional over the
 * active cases' days; joint plans made by the quarter's last day; check-ins with a parent's or
 * young person's rating; referrals and those judged too quick; and the outcome set of the
 * cases closed in the quarter.
 */
async function refreshCases(db: DbOrTx, scope: FiguresScope, rho: number) {
  await replace(
    db,
    "figures_cases",
    scope,
    sql`
    with q as (${quartersSql(scope)}),
    c as (
      select id, partnership_id, school_type::text as st, age_band::text as ab, opened_on,
        closed_on, joint_plan, joint_plan_since, ending::text as ending, continues_without_help,
        goals_realised::text as realised, satisfaction_parent, satisfaction_young_person
      from cases where deleted_at is null and ${idsFilter("partnership_id", scope)}
    ),
    act as (
      select q.start, c.partnership_id, c.st, c.ab, c.id as case_id,
        (c.joint_plan and c.joint_plan_since is not null and c.joint_plan_since <= q.until)
          as joint_plan,
        greatest(0, least(coalesce(c.closed_on, q.until + 1), q.until + 1)
          - greatest(c.opened_on, q.start)) as days
      from q join c on c.opened_on <= q.until and (c.closed_on is null or c.closed_on >= q.start)
    ),
    ci as (
      select q.start, k.id, k.case_id, k.held_on, k.created_at, k.professional_changes,
        c.partnership_id, c.st, c.ab
      from q join check_ins k on k.held_on between q.start and q.until
      join c on c.id = k.case_id
      where k.deleted_at is null
    ),
    gas as (
      select g.check_in_id,
        50 + 10 * sum(cg.weight * g.score)::float8
          / sqrt(${1 - rho}::float8 * sum(cg.weight * cg.weight)
            + ${rho}::float8 * sum(cg.weight) ^ 2) as t
      from check_in_gas_scores g
      join case_goals cg on cg.id = g.case_goal_id and cg.deleted_at is null
      where g.check_in_id in (select id from ci)
      group by g.check_in_id
    ),
    latest as (
      select distinct on (ci.start, ci.case_id) ci.start, ci.partnership_id, ci.st, ci.ab,
        gas.t
      from ci join gas on gas.check_in_id = ci.id
      order by ci.start, ci.case_id, ci.held_on desc, ci.created_at desc, ci.id desc
    ),
    voice as (
      select distinct check_in_id from check_in_ratings
      where perspective in ('parent', 'young_person') and check_in_id in (select id from ci)
    ),
    refs as (
      select check_in_id, count(*)::int as n,
        count(*) filter (where judgement = 'too_quick')::int as too_quick
      from check_in_referrals where check_in_id in (select id from ci)
      group by check_in_id
    ),
    changes as (
      select ci.start, ci.case_id, sum(ci.professional_changes)::int as n
      from ci group by ci.start, ci.case_id
    ),
    closing as (
      select q.start, c.* from q join c on c.closed_on between q.start and q.until
    ),
    facts as (
      select act.start, act.partnership_id, act.st, act.ab, 1 as active,
        act.joint_plan::int as joint_plan, act.days, coalesce(ch.n, 0) as changes,
        0 as check_ins, 0 as voice, 0 as referrals, 0 as too_quick, null::float8 as t,
        0 as closed, 0 as dropouts, 0 as continues_known, 0 as continues_yes,
        0 as realised_known, 0 as realised_yes, 0 as realised_partly, 0 as sat_parent_n,
        0 as sat_parent_sum, 0 as sat_young_n, 0 as sat_young_sum
      from act left join changes ch on ch.start = act.start and ch.case_id = act.case_id
      union all
      select ci.start, ci.partnership_id, ci.st, ci.ab, 0, 0, 0, 0, 1,
        (v.check_in_id is not null)::int, coalesce(r.n, 0), coalesce(r.too_quick, 0), null,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from ci left join voice v on v.check_in_id = ci.id left join refs r on r.check_in_id = ci.id
      union all
      select start, partnership_id, st, ab, 0, 0, 0, 0, 0, 0, 0, 0, t,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from latest
      union all
      select start, partnership_id, st, ab, 0, 0, 0, 0, 0, 0, 0, 0, null, 1,
        (ending = 'dropout')::int, (continues_without_help is not null)::int,
        coalesce(continues_without_help, false)::int, (realised is not null)::int,
        (realised = 'yes')::int, (realised = 'partly')::int,
        (satisfaction_parent is not null)::int, coalesce(satisfaction_parent, 0),
        (satisfaction_young_person is not null)::int, coalesce(satisfaction_young_person, 0)
      from closing
    )
    insert into figures_cases (partnership_id, quarter_start, dim, dim_value, active,
      gas_cases, gas_t, joint_plan, check_ins, voice_check_ins, changes, case_days, referrals,
      too_quick, closed, dropouts, continues_known, continues_yes, realised_known, realised_yes,
      realised_partly, satisfaction_parent_n, satisfaction_parent_sum, satisfaction_young_n,
      satisfaction_young_sum)
    select partnership_id, start,
      case when grouping(st) = 0 then 'school_type' when grouping(ab) = 0 then 'age_band'
        else 'all' end,
      coalesce(st, ab, ''),
      sum(active), count(t), coalesce(array_agg(t::real order by t) filter (where t is not null),
        '{}'), sum(joint_plan), sum(check_ins), sum(voice), sum(changes), sum(days),
      sum(referrals), sum(too_quick), sum(closed), sum(dropouts), sum(continues_known),
      sum(continues_yes), sum(realised_known), sum(realised_yes), sum(realised_partly),
      sum(sat_parent_n), sum(sat_parent_sum), sum(sat_young_n), sum(sat_young_sum)
    from facts
    group by grouping sets ((partnership_id, start), (partnership_id, start, st),
      (partnership_id, start, ab))`,
  );
}

/** Goals with their live measurements, for the statuses per quarter (computed by the domain). */
export async function goalsForFigures(db: DbOrTx, scope: FiguresScope) {
  const rows = rowsOf<
    GoalFigures & {
      id: string;
      partnership_id: string;
      created_on: string;
      measurements: { value: number; measuredOn: string }[] | null;
    }
  >(
    await db.execute(sql`
      select g.id, g.partnership_id, g.direction::text as direction,
        g.baseline_value as "baselineValue", g.baseline_date::text as "baselineDate",
        g.target_value as "targetValue", g.target_date::text as "targetDate",
        g.created_at::date::text as created_on,
        (select json_agg(json_build_object('value', m.value, 'measuredOn', m.measured_on::text)
           order by m.measured_on, m.created_at)
         from goal_measurements m where m.goal_id = g.id and m.deleted_at is null) as measurements
      from goals g
      where g.deleted_at is null and ${idsFilter("g.partnership_id", scope)}`),
  );
  return rows.map((r) => ({
    id: r.id,
    partnershipId: r.partnership_id,
    createdOn: r.created_on,
    goal: {
      direction: r.direction,
      baselineValue: r.baselineValue,
      baselineDate: r.baselineDate,
      targetValue: r.targetValue,
      targetDate: r.targetDate,
    },
    measurements: r.measurements ?? [],
  }));
}

export type GoalStatusCounts = {
  partnershipId: string;
  quarterStart: string;
  achieved: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  noData: number;
};

export async function replaceGoalFigures(
  db: DbOrTx,
  scope: FiguresScope,
  rows: readonly GoalStatusCounts[],
) {
  await db.execute(sql`delete from figures_goals where ${idsFilter("partnership_id", scope)}`);
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(figuresGoals).values(rows.slice(i, i + 1000));
}

export type FiguresRules = {
  instrument: InstrumentShape;
  cadenceMonths: Record<string, number>;
  onTimeDays: number;
  gasRho: number;
};

/** Recomputes the named parts of tier 1 for the partnerships in `scope` (goals: see services). */
export async function refreshFigureParts(
  db: DbOrTx,
  scope: FiguresScope,
  parts: readonly Exclude<FiguresPart, "goals">[],
  rules: FiguresRules,
) {
  if (parts.includes("collaboration")) await refreshCollaboration(db, scope, rules.instrument);
  if (parts.includes("reporting"))
    await refreshReporting(db, scope, rules.cadenceMonths, rules.onTimeDays);
  if (parts.includes("cases")) await refreshCases(db, scope, rules.gasRho);
}

/**
 * Serialises recomputations per partnership until the transaction ends: two changes in one
 * partnership at once would otherwise both insert its fresh rows. Ids in a fixed order, so
 * two slices never wait for each other in a circle.
 */
export async function lockFiguresOf(db: DbOrTx, partnershipIds: readonly string[]) {
  for (const id of [...partnershipIds].sort())
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${id}, 7291006))`);
}

/** Marks that tier 1 moved on, for the job that publishes tier 2 (db/schema/figures.ts). */
export async function markFiguresChanged(db: DbOrTx) {
  await db.execute(sql`select nextval('figures_changes')`);
}

/* ------------------------------------------------------------------ tier 2 */

/** Everything tier 2 is computed from: the live partnerships with their place, and tier 1. */
export async function loadTierOne(db: DbOrTx, windowStart: string) {
  const [partnerships, municipalities, cases, collaboration, reporting, goals] = await Promise.all([
    db.execute(sql`
      select p.id, p.municipality_id as "municipalityId", m.region_id as "regionId",
        p.municipality_sharing::text as sharing
      from partnerships p join municipalities m on m.id = p.municipality_id
      where p.deleted_at is null and m.deleted_at is null`),
    db.execute(
      sql`select id, region_id as "regionId" from municipalities where deleted_at is null`,
    ),
    db.execute(sql`
      select f.partnership_id as "partnershipId", f.quarter_start::text as "quarterStart", f.dim,
        f.dim_value as "dimValue", f.active, f.gas_cases as "gasCases", f.gas_t as "gasT",
        f.joint_plan as "jointPlan", f.check_ins as "checkIns",
        f.voice_check_ins as "voiceCheckIns", f.changes, f.case_days as "caseDays", f.referrals,
        f.too_quick as "tooQuick", f.closed, f.dropouts, f.continues_known as "continuesKnown",
        f.continues_yes as "continuesYes", f.realised_known as "realisedKnown",
        f.realised_yes as "realisedYes", f.realised_partly as "realisedPartly",
        f.satisfaction_parent_n as "satisfactionParentN",
        f.satisfaction_parent_sum as "satisfactionParentSum",
        f.satisfaction_young_n as "satisfactionYoungN",
        f.satisfaction_young_sum as "satisfactionYoungSum"
      from figures_cases f where f.quarter_start >= ${windowStart}::date`),
    db.execute(sql`
      select partnership_id as "partnershipId", quarter_start::text as "quarterStart", scorers,
        collaboration_index as "collaborationIndex", levels, factors, education,
        youth_care as "youthCare", families
      from figures_collaboration where quarter_start >= ${windowStart}::date`),
    db.execute(sql`
      select partnership_id as "partnershipId", quarter_start::text as "quarterStart", expected,
        held, held_capped as "heldCapped", on_time_capped as "onTimeCapped"
      from figures_reporting where quarter_start >= ${windowStart}::date`),
    db.execute(sql`
      select partnership_id as "partnershipId", quarter_start::text as "quarterStart", achieved,
        on_track as "onTrack", at_risk as "atRisk", off_track as "offTrack", no_data as "noData"
      from figures_goals where quarter_start >= ${windowStart}::date`),
  ]);
  // postgres.js reads a NULL inside a real[] as NaN; PGlite as null. Null either way.
  const numbers = (values: unknown): (number | null)[] =>
    ((values as unknown[]) ?? []).map((v) =>
      v === null || !Number.isFinite(Number(v)) ? null : Number(v),
    );
  return {
    partnerships: rowsOf<{
      id: string;
      municipalityId: string;
      regionId: string;
      sharing: "aggregates" | "full";
    }>(partnerships),
    municipalities: rowsOf<{ id: string; regionId: string }>(municipalities),
    cases: rowsOf<CaseRow>(cases).map((r) => ({ ...r, gasT: numbers(r.gasT) as number[] })),
    collaboration: rowsOf<{
      partnershipId: string;
      quarterStart: string;
      scorers: number;
      collaborationIndex: number | null;
      levels: (number | null)[];
      factors: (number | null)[];
      education: (number | null)[];
      youthCare: (number | null)[];
      families: (number | null)[];
    }>(collaboration).map((r) => ({
      ...r,
      levels: numbers(r.levels),
      factors: numbers(r.factors),
      education: numbers(r.education),
      youthCare: numbers(r.youthCare),
      families: numbers(r.families),
    })),
    reporting: rowsOf<{
      partnershipId: string;
      quarterStart: string;
      expected: number;
      held: number;
      heldCapped: number;
      onTimeCapped: number;
    }>(reporting),
    goals: rowsOf<{
      partnershipId: string;
      quarterStart: string;
      achieved: number;
      onTrack: number;
      atRisk: number;
      offTrack: number;
      noData: number;
    }>(goals),
  };
}

type CaseRow = {
  partnershipId: string;
  quarterStart: string;
  dim: string;
  dimValue: string;
  active: number;
  gasCases: number;
  gasT: number[];
  jointPlan: number;
  checkIns: number;
  voiceCheckIns: number;
  changes: number;
  caseDays: number;
  referrals: number;
  tooQuick: number;
  closed: number;
  dropouts: number;
  continuesKnown: number;
  continuesYes: number;
  realisedKnown: number;
  realisedYes: number;
  realisedPartly: number;
  satisfactionParentN: number;
  satisfactionParentSum: number;
  satisfactionYoungN: number;
  satisfactionYoungSum: number;
};

export type FiguresState = {
  computedAt: Date;
  computedChange: number;
  windowStart: string;
  computedOn: string;
};

export async function figuresState(db: DbOrTx): Promise<FiguresState | undefined> {
  const [row] = rowsOf<FiguresState>(
    await db.execute(sql`select computed_at as "computedAt", computed_change as "computedChange",
      window_start::text as "windowStart", computed_on::text as "computedOn"
      from figures_state where id = 1`),
  );
  return row
    ? { ...row, computedAt: new Date(row.computedAt), computedChange: Number(row.computedChange) }
    : undefined;
}

/** The last change number handed out (nothing changed yet: 0). */
export async function latestFiguresChange(db: DbOrTx): Promise<number> {
  const [row] = rowsOf<{ n: string | number; called: boolean }>(
    await db.execute(sql`select last_value as n, is_called as called from figures_changes`),
  );
  return row?.called ? Number(row.n) : 0;
}

/** Replaces every published section and the state in one go (one transaction: the caller's). */
export async function replacePublished(
  db: DbOrTx,
  rows: readonly { scopeKind: string; scopeId: string; section: string; payload: unknown }[],
  state: Omit<FiguresState, "computedOn"> & { computedOn: string },
) {
  await db.execute(sql`delete from figures_published`);
  for (let i = 0; i < rows.length; i += 500)
    await db.insert(figuresPublished).values(rows.slice(i, i + 500));
  await db.execute(sql`
    insert into figures_state (id, computed_at, computed_change, window_start, computed_on)
    values (1, ${state.computedAt.toISOString()}::timestamptz, ${state.computedChange},
      ${state.windowStart}::date, ${state.computedOn}::date)
    on conflict (id) do update set computed_at = excluded.computed_at,
      computed_change = excluded.computed_change, window_start = excluded.window_start,
      computed_on = excluded.computed_on`);
}

/** One scope's published section, as stored. */
export async function publishedSection(
  db: DbOrTx,
  scope: { kind: string; id: string },
  section: string,
) {
  const [row] = await db
    .select({ payload: figuresPublished.payload })
    .from(figuresPublished)
    .where(
      and(
        eq(figuresPublished.scopeKind, scope.kind),
        eq(figuresPublished.scopeId, scope.id),
        eq(figuresPublished.section, section),
      ),
    );
  return row?.payload;
}

/**
 * Claims the publishing job for `seconds` if no other instance holds it; true when claimed.
 * A lease, not a session lock: it holds across the pooled connections of one instance.
 */
export async function claimFiguresLease(db: DbOrTx, seconds: number): Promise<boolean> {
  await db.execute(sql`
    insert into figures_state (id, computed_at, computed_change, window_start, computed_on)
    values (1, 'epoch', -1, '1970-01-01', '1970-01-01') on conflict (id) do nothing`);
  const rows = rowsOf(
    await db.execute(sql`
      update figures_state set lease_until = now() + make_interval(secs => ${seconds})
      where id = 1 and (lease_until is null or lease_until < now()) returning id`),
  );
  return rows.length > 0;
}

export async function releaseFiguresLease(db: DbOrTx) {
  await db.execute(sql`update figures_state set lease_until = null where id = 1`);
}

/** Every live partnership's id, for recomputing tier 1 a slice at a time. */
export async function livePartnershipIds(db: DbOrTx): Promise<string[]> {
  return rowsOf<{ id: string }>(
    await db.execute(sql`select id from partnerships where deleted_at is null order by id`),
  ).map((r) => r.id);
}

/** One partnership's tier-1 rows for the benchmark (all cases only), and its place. */
export async function benchmarkInputOf(db: DbOrTx, partnershipId: string, windowStart: string) {
  const [place, collaboration, reporting, goals, cases] = await Promise.all([
    db.execute(sql`
      select p.municipality_id as "municipalityId", m.name as "municipality",
        m.region_id as "regionId", r.name as "region"
      from partnerships p join municipalities m on m.id = p.municipality_id
      join regions r on r.id = m.region_id where p.id = ${partnershipId}::uuid`),
    db.execute(sql`select quarter_start::text as "quarterStart", scorers,
        collaboration_index as "collaborationIndex"
      from figures_collaboration where partnership_id = ${partnershipId}::uuid
        and quarter_start >= ${windowStart}::date`),
    db.execute(sql`select quarter_start::text as "quarterStart", expected,
        held_capped as "heldCapped"
      from figures_reporting where partnership_id = ${partnershipId}::uuid
        and quarter_start >= ${windowStart}::date`),
    db.execute(sql`select quarter_start::text as "quarterStart", achieved, on_track as "onTrack",
        at_risk as "atRisk", off_track as "offTrack", no_data as "noData"
      from figures_goals where partnership_id = ${partnershipId}::uuid
        and quarter_start >= ${windowStart}::date`),
    db.execute(sql`select quarter_start::text as "quarterStart", active, gas_t as "gasT",
        joint_plan as "jointPlan", check_ins as "checkIns", voice_check_ins as "voiceCheckIns"
      from figures_cases where partnership_id = ${partnershipId}::uuid and dim = 'all'
        and quarter_start >= ${windowStart}::date`),
  ]);
  return {
    place: rowsOf<{
      municipalityId: string;
      municipality: string;
      regionId: string;
      region: string;
    }>(place)[0],
    collaboration: rowsOf<{
      quarterStart: string;
      scorers: number;
      collaborationIndex: number | null;
    }>(collaboration),
    reporting: rowsOf<{ quarterStart: string; expected: number; heldCapped: number }>(reporting),
    goals: rowsOf<{
      quarterStart: string;
      achieved: number;
      onTrack: number;
      atRisk: number;
      offTrack: number;
      noData: number;
    }>(goals),
    cases: rowsOf<{
      quarterStart: string;
      active: number;
      gasT: number[];
      jointPlan: number;
      checkIns: number;
      voiceCheckIns: number;
    }>(cases).map((r) => ({ ...r, gasT: (r.gasT ?? []).map(Number) })),
  };
}
