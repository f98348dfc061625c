/**
 * `npm run seed:national`: fills the Postgres server of DATABASE_URL with a nation's worth of
 * data (docs/ARCHITECTURE.md "Figures across partnerships"): 342 municipalities in 42 youth-care
 * regions, 3,000 partnerships — one municipality holds 150 of them — with three years of
 * quarterly reflections (≈36,000 sessions × 5 participants × 21 scores), 24,000 goals × 12
 * measurements, and 150,000 cases × 8 check-ins with ratings, GAS scores and referrals; then the
 * figures of every partnership (tier 1) and of every scope (tier 2). Set-based SQL with
 * generate_series; refuses a database that already holds partnerships. SEED_SCALE=0.1 makes a
 * tenth of everything (the benchmark compares the two).
 *
 * It also makes the accounts bench:dashboards signs in with (password "bench1234"):
 * bench-gemeente@… (the municipality of 150), bench-regio@… (its region), bench-landelijk@…
 * (national) and bench-coordinator@… (a partnership in that municipality).
 */
import { sql } from "drizzle-orm";
import { openPostgres } from "@/db/client";
import { rowsOf } from "@/db/queries/rows";
import type { Tx } from "@/db/types";
import { currentInstrument, factorIds } from "@/domain/instrument";
import { hashPassword } from "@/server/passwords";
import { refreshFigures } from "@/server/services/figures";
import { publishFigures } from "@/server/services/published-figures";
import { BENCH_PASSWORD, benchAccounts } from "./bench-accounts";

/** SEED_SCALE=0.1 makes a tenth of the nation (for the benchmark's growth figure). */
const scale = Number(process.env.SEED_SCALE ?? 1);
const REGIONS = Math.max(2, Math.round(42 * scale));
const MUNICIPALITIES = Math.max(4, Math.round(342 * scale));
const PARTNERSHIPS = Math.round(3_000 * scale);
const BIG = Math.round(150 * scale);
const SESSIONS_PER = 12;
const GOALS_PER = 8;
const CASES_PER = 50;
const CHECK_INS_PER = 8;

const regionNames = [
  "Amsterdam-Amstelland",
  "Zaanstreek-Waterland",
  "Kennemerland",
  "Noord-Holland Noord",
  "Gooi en Vechtstreek",
  "Holland Rijnland",
  "Haaglanden",
  "Midden-Holland",
  "Rijnmond",
  "Zuid-Holland Zuid",
  "Utrecht Stad",
  "Utrecht West",
  "Lekstroom",
  "Zuidoost-Utrecht",
  "FoodValley",
  "Eemland",
  "Noord-Veluwe",
  "Midden-IJssel/Oost-Veluwe",
  "Centraal Gelderland",
  "Rivierenland",
  "Gelderland-Zuid",
  "Achterhoek",
  "Twente",
  "IJsselland",
  "Flevoland",
  "Drenthe",
  "Groningen",
  "Friesland",
  "Zeeland",
  "West-Brabant West",
  "West-Brabant Oost",
  "Hart van Brabant",
  "Noordoost-Brabant",
  "Zuidoost-Brabant",
  "Helmond-De Peel",
  "Noord-Limburg",
  "Midden-Limburg West",
  "Midden-Limburg Oost",
  "Zuid-Limburg",
  "Hollands Midden",
  "Alblasserwaard",
  "West-Friesland",
];

const url = process.env.DATABASE_URL;
if (!url) throw new Error("seed:national needs DATABASE_URL (an empty Postgres database)");
const database = await openPostgres(url, 4);
const { db } = database;
const report = (label: string, started: number) =>
  console.info(`${label.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
/**
 * One step of the bulk load, in a transaction of its own: no waiting for the disk at commit,
 * and the foreign keys (checked by triggers) skipped, as the rows are made to fit them.
 */
const step = async (label: string, run: (tx: Tx) => Promise<unknown>) => {
  const started = performance.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    await tx.execute(sql`set local session_replication_role = replica`);
    await run(tx);
  });
  report(label, started);
};
const total = performance.now();

const [existing] = rowsOf<{ n: number }>(
  await db.execute(sql`select count(*)::int as n from partnerships`),
);
if ((existing?.n ?? 0) > 0) {
  console.error("seed:national: this database holds partnerships already; use an empty one");
  process.exit(1);
}
const today = new Date().toISOString().slice(0, 10);

/**
 * The big tables' own indexes (not primary keys, not those behind constraints) are dropped for
 * the load and built again after it: one build is far cheaper than millions of inserts into them.
 */
const bigTables = [
  "reflection_sessions",
  "session_participants",
  "factor_scores",
  "goal_measurements",
  "cases",
  "case_goals",
  "check_ins",
  "check_in_ratings",
  "check_in_gas_scores",
  "check_in_referrals",
];
const indexes = rowsOf<{ name: string; definition: string }>(
  await db.execute(sql`
    select i.indexname as name, i.indexdef as definition from pg_indexes i
    where i.schemaname = 'public' and i.tablename = any(${sql.param(bigTables)}::text[])
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`),
);
for (const index of indexes) await db.execute(sql.raw(`drop index "${index.name}"`));
const factors = factorIds(currentInstrument);

await step("regions and municipalities", async (tx) => {
  await tx.execute(sql`
    insert into regions (name)
    select unnest(${sql.param(regionNames.slice(0, REGIONS))}::text[])`);
  await tx.execute(sql`
    insert into municipalities (cbs_code, name, youth_region, region_id)
    select 'GM' || lpad((1000 + g)::text, 4, '0'), 'Gemeente ' || g, r.name, r.id
    from generate_series(1, ${MUNICIPALITIES}) g
    join (select id, name, row_number() over (order by name) as n from regions) r
      on r.n = 1 + (g - 1) % ${REGIONS}`);
});

await step("partnerships", async (tx) => {
  // The first municipality holds BIG partnerships, the others share the rest.
  await tx.execute(sql`
    with m as (select id, row_number() over (order by cbs_code) as n from municipalities)
    insert into partnerships (name, municipality_id, form, reflection_cadence,
      municipality_sharing, created_at)
    select 'Samenwerkingsverband ' || g, m.id,
      (array['vindbaar','op_school','geintegreerd'])[1 + g % 3]::collaboration_form,
      (case when g % 10 = 0 then 'half_yearly' else 'quarterly' end)::reflection_cadence,
      (case when g % 5 = 0 then 'full' else 'aggregates' end)::municipality_sharing,
      ${today}::date - interval '3 years' - (g % 30) * interval '1 day'
    from generate_series(1, ${PARTNERSHIPS}) g
    join m on m.n = case when g <= ${BIG} then 1
      else 2 + (g - ${BIG}) % (${MUNICIPALITIES} - 1) end`);
});

await step("sessions, participants and scores", async (tx) => {
  await tx.execute(sql`
    insert into reflection_sessions (partnership_id, held_on, instrument_version, status,
      signed_off_at, revision)
    select p.id, h.held_on, ${currentInstrument.version}, 'signed_off',
      h.held_on + (1 + floor(random() * 45)::int) * interval '1 day', 1
    from partnerships p cross join generate_series(0, ${SESSIONS_PER - 1}) s
    cross join lateral (select (${today}::date - interval '3 years' + s * interval '3 months'
      + floor(random() * 40 + 0 * s)::int * interval '1 day')::date as held_on) h
    where h.held_on <= ${today}::date`);
  await tx.execute(sql`
    insert into session_participants (session_id, partnership_id, name, sector)
    select rs.id, rs.partnership_id, 'Deelnemer ' || k,
      (array['education','youth_care','education','youth_care','parent'])[k]::sector
    from reflection_sessions rs cross join generate_series(1, 5) k`);
  await tx.execute(sql`
    insert into factor_scores (session_id, partnership_id, participant_id, instrument_version,
      factor_id, score)
    select sp.session_id, sp.partnership_id, sp.id, ${currentInstrument.version}, f,
      case when floor(random() * 12)::int = 0 then null
        else 1 + floor(random() * 5)::int end
    from session_participants sp cross join unnest(${sql.param(factors)}::text[]) f`);
});

await step("goals and measurements", async (tx) => {
  await tx.execute(sql`
    insert into goals (partnership_id, title, indicator, direction, baseline_value,
      baseline_date, target_value, target_date, effect_kind, created_at)
    select p.id, 'Doel ' || k, 'Indicator ' || k, 'higher', 10, ${today}::date - interval '3 years',
      40, ${today}::date + interval '1 year', 'child', p.created_at
    from partnerships p cross join generate_series(1, ${GOALS_PER}) k`);
  await tx.execute(sql`
    insert into goal_measurements (goal_id, partnership_id, value, measured_on)
    select g.id, g.partnership_id, 10 + k * (1 + floor(random() * 3)::int),
      (${today}::date - interval '3 years' + k * interval '3 months')::date
    from goals g cross join generate_series(1, 12) k`);
});

await step("cases and case goals", async (tx) => {
  await tx.execute(sql`
    insert into cases (partnership_id, code, age_band, school_type, opened_on, closed_on,
      joint_plan, joint_plan_since, ending, continues_without_help, goals_realised,
      satisfaction_parent)
    select p.id, 'N' || lpad(c::text, 2, '0') || '-' || substr(md5(p.id::text || c), 1, 3),
      (array['0-4','4-12','12-16','16-18','18-23'])[1 + floor(random() * 5)::int]::age_band,
      (array['po','vo','po','so','vso','mbo','none'])[1 + floor(random() * 7)::int]::school_type,
      o.opened, case when c % 3 = 0 then least(o.opened + 240, ${today}::date) end,
      c % 2 = 0, case when c % 2 = 0 then o.opened + 30 end,
      case when c % 3 = 0 then (case when c % 9 = 0 then 'dropout' else 'planned' end)::case_ending end,
      case when c % 3 = 0 then c % 4 <> 0 end,
      case when c % 3 = 0 then (array['yes','partly','no'])[1 + c % 3]::goal_realisation end,
      case when c % 3 = 0 then 1 + c % 5 end
    from partnerships p cross join generate_series(1, ${CASES_PER}) c
    cross join lateral (select (${today}::date - (30 + floor(random() * 700 + 0 * c)::int))::date
      as opened) o`);
  await tx.execute(sql`
    insert into case_goals (case_id, partnership_id, description, level_minus2, level_minus1,
      level_0, level_plus1, level_plus2, weight)
    select c.id, c.partnership_id, 'Doel ' || k, 'a', 'b', 'c', 'd', 'e', k
    from cases c cross join generate_series(1, 2) k`);
});

await step("check-ins, ratings, GAS scores, referrals", async (tx) => {
  await tx.execute(sql`
    insert into check_ins (case_id, partnership_id, held_on, professional_changes,
      client_request_id)
    select c.id, c.partnership_id,
      least(c.opened_on + (k * 25 + floor(random() * 20)::int),
        coalesce(c.closed_on, ${today}::date), ${today}::date),
      (floor(random() * 10)::int = 0)::int, gen_random_uuid()
    from cases c cross join generate_series(1, ${CHECK_INS_PER}) k`);
  await tx.execute(sql`
    insert into check_in_ratings (check_in_id, case_id, partnership_id, perspective,
      collaboration, wellbeing)
    select k.id, k.case_id, k.partnership_id, v.perspective::case_perspective,
      1 + floor(random() * 5)::int,
      1 + floor(random() * 5)::int
    from check_ins k cross join (values ('school'), ('youth_care'), ('parent')) v(perspective)
    where v.perspective <> 'parent' or floor(random() * 3)::int = 0`);
  await tx.execute(sql`
    insert into check_in_gas_scores (check_in_id, case_goal_id, partnership_id, score)
    select k.id, g.id, k.partnership_id, -2 + floor(random() * 5)::int
    from check_ins k join case_goals g on g.case_id = k.case_id`);
  await tx.execute(sql`
    insert into check_in_referrals (check_in_id, case_id, partnership_id, kind, judgement)
    select k.id, k.case_id, k.partnership_id, 'local_team',
      (case when floor(random() * 4)::int = 0 then 'too_quick' else 'appropriate' end)::referral_judgement
    from check_ins k where floor(random() * 5)::int = 0`);
});

await step("bench accounts", async (tx) => {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await tx.execute(sql`
    with big as (select id, region_id from municipalities order by cbs_code limit 1),
    u as (
      insert into users (email, name, password_hash, is_national_analyst)
      values (${benchAccounts.municipality}, 'Bench gemeente', ${passwordHash}, false),
        (${benchAccounts.region}, 'Bench regio', ${passwordHash}, false),
        (${benchAccounts.national}, 'Bench landelijk', ${passwordHash}, true),
        (${benchAccounts.coordinator}, 'Bench coördinator', ${passwordHash}, false)
      returning id, email
    ),
    a as (
      insert into municipality_access (user_id, municipality_id)
      select u.id, big.id from u, big where u.email = ${benchAccounts.municipality}
    ),
    r as (
      insert into region_access (user_id, region_id)
      select u.id, big.region_id from u, big where u.email = ${benchAccounts.region}
    )
    insert into memberships (user_id, partnership_id, role)
    select u.id, (select p.id from partnerships p join big on big.id = p.municipality_id
      order by p.name limit 1), 'coordinator'
    from u where u.email = ${benchAccounts.coordinator}`);
});

let started = performance.now();
await Promise.all(
  [0, 1].map(async (lane) => {
    for (const [i, index] of indexes.entries())
      if (i % 2 === lane) await db.execute(sql.raw(index.definition));
  }),
);
report(`indexes built again (${indexes.length})`, started);
started = performance.now();
await db.execute(sql`analyze`);
report("analyze", started);
started = performance.now();
await db.transaction(async (tx) => {
  await tx.execute(sql`set local work_mem = '512MB'`);
  await refreshFigures(tx, null);
});
report("figures per partnership (tier 1)", started);
started = performance.now();
await publishFigures(db);
report("published figures per scope (tier 2)", started);

const counts = rowsOf<Record<string, number>>(
  await db.execute(sql`select
    (select count(*)::int from municipalities) municipalities,
    (select count(*)::int from partnerships) partnerships,
    (select count(*)::int from reflection_sessions) sessions,
    (select count(*)::int from factor_scores) scores,
    (select count(*)::int from goals) goals,
    (select count(*)::int from goal_measurements) measurements,
    (select count(*)::int from cases) cases,
    (select count(*)::int from check_ins) check_ins`),
)[0];
console.info(JSON.stringify(counts));
console.info(`seed:national ${((performance.now() - total) / 1000).toFixed(1)} s in all`);
await database.close();
