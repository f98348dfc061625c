/**
 * The partnership dashboard: how is our collaboration doing (index and levels over sessions,
 * latest vs previous per factor, sector gaps), are our goals on track, what did we agree.
 */

import { z } from "zod";
import { loadCaseAggregateInput } from "@/db/queries/case-aggregates";
import { countVoiceReplies } from "@/db/queries/cases";
import { benchmarkInputOf, figuresState, publishedSection } from "@/db/queries/figures";
import { listGoals, listMeasurements } from "@/db/queries/goals";
import { getPartnership } from "@/db/queries/partnerships";
import { listActions, listSessions } from "@/db/queries/reflections";
import {
  type BenchmarkMetric,
  benchmarkMetrics,
  benchmarkValues,
  type ListMiddle,
  medianOfOthers,
  middleOf,
} from "@/domain/benchmark";
import { nextReflectionDue } from "@/domain/cadence";
import { caseAggregatesByQuarter, suppressSmallQuarters } from "@/domain/case-aggregates";
import { lastQuarters, today } from "@/domain/dates";
import { figureQuarters } from "@/domain/figures";
import { evaluateGoal } from "@/domain/goal-evaluation";
import { currentInstrument } from "@/domain/instrument";
import { NATION_ID } from "@/domain/permissions";
import { goalStatuses, levelIds } from "@/domain/vocabulary";
import { env } from "@/env";
import { notFound } from "../errors";
import { signedOffSummaries } from "../services/reflections";
import { createTRPCRouter, partnershipProcedure } from "../trpc";

const nullableScore = z.number().min(1).max(5).nullable();
const dashboardOutput = z.object({
  instrumentVersion: z.number().int(),
  trend: z.array(
    z.object({
      sessionId: z.uuid(),
      heldOn: z.string(),
      index: nullableScore,
      levels: z.array(z.object({ levelId: z.enum(levelIds), score: nullableScore })),
    }),
  ),
  factors: z.array(
    z.object({ factorId: z.string(), latest: nullableScore, previous: nullableScore }),
  ),
  gaps: z.array(
    z.object({
      factorId: z.string(),
      education: nullableScore,
      youthCare: nullableScore,
      families: nullableScore,
      gap: z.number().nullable(),
    }),
  ),
  goals: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      parentId: z.uuid().nullable(),
      status: z.enum(goalStatuses),
      progress: z.number().nullable(),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.uuid(),
      description: z.string(),
      ownerName: z.string().nullable(),
      dueOn: z.string(),
      overdue: z.boolean(),
    }),
  ),
  due: z.object({ dueOn: z.string(), overdue: z.boolean(), plannedOn: z.string().nullable() }),
  /** The newest session still being filled in: it counts once a leader signs it off. */
  inProgress: z.object({ sessionId: z.uuid(), heldOn: z.string() }).nullable(),
  /** Sessions left out of the trend because fewer people scored them (for analysts only). */
  minScorers: z.number().int(),
});

/** How many quarters the case aggregates look back, the current one included. */
const CASE_QUARTERS = 8;
const share = z.number().min(0).max(1).nullable();
const isoDate = z.iso.date();
/**
 * Aggregates only: a quarter's figures over all the partnership's cases, never a case's code,
 * id or text. z.object strips any key not listed here, so nothing else can slip through.
 */
const casesOutput = z.object({
  quarters: z.array(
    z.object({
      label: z.string().regex(/^\d{4}-K[1-4]$/),
      year: z.number().int(),
      quarter: z.number().int().min(1).max(4),
      start: isoDate,
      end: isoDate,
      activeCases: z.number().int().min(0).nullable(),
      checkIns: z.number().int().min(0).nullable(),
      referrals: z.number().int().min(0).nullable(),
      meanGasT: z.number().nullable(),
      /** Family minus professionals on wellbeing, on the 1–5 scale: −4 … 4. */
      wellbeingGap: z.number().min(-4).max(4).nullable(),
      professionalChangesPerCaseYear: z.number().min(0).nullable(),
      jointPlanShare: share,
      voiceShare: share,
      tooQuickShare: share,
      suppressed: z.boolean(),
    }),
  ),
  /** Quarters with fewer active cases than this are suppressed for non-coordinators. */
  minCases: z.number().int().min(1),
  /** Small numbers were left out (for anyone but a coordinator). */
  limited: z.boolean(),
  /** Answers through links, and how many were written back on (null: too few to show). */
  voices: z.object({
    received: z.number().int().min(0).nullable(),
    answered: z.number().int().min(0).nullable(),
  }),
});

const benchmarkOutput = z.object({
  /** The four quarters the figures are taken over. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  minimum: z.number().int(),
  figuresAsOf: z.date().nullable(),
  metrics: z.array(
    z.object({
      metric: z.enum(benchmarkMetrics),
      own: z.number().nullable(),
      groups: z.array(
        z.object({
          kind: z.enum(["municipality", "region", "nation"]),
          name: z.string().nullable(),
          /** Null when fewer than `minimum` other partnerships have the figure. */
          median: z.number().nullable(),
          others: z.number().int(),
        }),
      ),
    }),
  ),
});

/** The benchmark's figures that rest on the partnership's cases. */
const caseMetrics: ReadonlySet<BenchmarkMetric> = new Set([
  "activeCases",
  "gasMean",
  "jointPlanShare",
  "voiceShare",
]);

/**
 * The partnership's own figure in the benchmark, as the viewer may see it: its people see all of
 * it; a municipality's analyst sees it as the others' lists hold it (a session scored by fewer
 * than the minimum left out), and none of its case figures, which are for its own people
 * (readCaseAggregates in domain/permissions.ts), as on the rest of the dashboard.
 */
function ownFigure(
  can: { readSessions: boolean; readCaseAggregates: boolean },
  metric: BenchmarkMetric,
  values: Record<BenchmarkMetric, number | null>,
  asListed: Record<BenchmarkMetric, number | null>,
) {
  if (caseMetrics.has(metric) && !can.readCaseAggregates) return null;
  return (can.readSessions ? values : asListed)[metric];
}

export const dashboardsRouter = createTRPCRouter({
  /**
   * The partnership's headline figures beside the median of the other partnerships in its
   * municipality, its region and the nation — only over at least SUPPRESS_BELOW_PARTNERSHIPS
   * others, each resting on enough people and cases (domain/benchmark.ts). Only medians leave.
   */
  benchmark: partnershipProcedure("readDashboard")
    .output(benchmarkOutput)
    .query(async ({ ctx }) => {
      const quarters = figureQuarters(today()).slice(-4);
      const windowStart = quarters[0]?.start ?? today();
      const [own, state] = await Promise.all([
        benchmarkInputOf(ctx.db, ctx.partnership.id, windowStart),
        figuresState(ctx.db),
      ]);
      const place = own.place;
      const groups = [
        {
          kind: "municipality" as const,
          id: place?.municipalityId,
          name: place?.municipality ?? null,
        },
        { kind: "region" as const, id: place?.regionId, name: place?.region ?? null },
        { kind: "nation" as const, id: NATION_ID, name: null },
      ];
      const sections = await Promise.all(
        groups.map(async (g) =>
          g.id
            ? ((await publishedSection(ctx.db, { kind: g.kind, id: g.id }, "benchmark")) as
                | Record<BenchmarkMetric, ListMiddle | number[]>
                | undefined)
            : undefined,
        ),
      );
      const minimum = env.SUPPRESS_BELOW_PARTNERSHIPS;
      const values = benchmarkValues({ quarters: quarters.map((q) => q.start), ...own });
      // The same figure as the others' lists hold of it (with their minimums), to take it out.
      const asListed = benchmarkValues(
        { quarters: quarters.map((q) => q.start), ...own },
        { scorers: env.SUPPRESS_BELOW_SCORERS, cases: env.SUPPRESS_BELOW_CASES },
      );
      return {
        from: quarters[0]?.label ?? null,
        to: quarters.at(-1)?.label ?? null,
        minimum,
        figuresAsOf: state && state.computedChange >= 0 ? state.computedAt : null,
        metrics: benchmarkMetrics.map((metric) => ({
          metric,
          own: ownFigure(ctx.partnership.can, metric, values, asListed),
          groups: groups.map((g, i) => {
            // Figures published before the middles were stored hold the whole sorted list.
            const listed = sections[i]?.[metric] ?? [];
            const { median, others } = medianOfOthers(
              Array.isArray(listed) ? middleOf(listed) : listed,
              asListed[metric],
            );
            return {
              kind: g.kind,
              name: g.name,
              median: others >= minimum ? median : null,
              others,
            };
          }),
        })),
      };
    }),

  partnership: partnershipProcedure("readDashboard")
    .output(dashboardOutput)
    .query(async ({ ctx }) => {
      const partnershipId = ctx.partnership.id;
      const [partnership, sessions, goals, measurements, actions] = await Promise.all([
        getPartnership(ctx.db, partnershipId),
        listSessions(ctx.db, partnershipId),
        listGoals(ctx.db, partnershipId),
        listMeasurements(ctx.db, partnershipId),
        listActions(ctx.db, partnershipId, { status: ["open", "continued"] }),
      ]);
      if (!partnership) throw notFound();
      const day = today();
      // Trends compare like with like: only sessions scored on the current instrument version,
      // and only once a leader signed them off (a meeting half-way through is not a result).
      const current = sessions.filter((s) => s.instrumentVersion === currentInstrument.version);
      const scored = current
        .filter((s) => s.status === "signed_off")
        .sort((a, b) => a.heldOn.localeCompare(b.heldOn));
      const inProgress = current
        .filter((s) => s.status === "in_progress")
        .sort((a, b) => a.heldOn.localeCompare(b.heldOn))
        .at(-1);
      const stored = await signedOffSummaries(ctx.db, partnershipId, scored);
      const summaries = scored
        .flatMap((s) => {
          const summary = stored.get(s.id);
          return summary ? [{ session: s, summary }] : [];
        })
        // Outside the partnership (an analyst), a session counts only when enough people scored
        // it, so that no one's own scores can be read off its means.
        .filter(
          (x) =>
            x.summary.participantsScored >=
            (ctx.partnership.can.readSessions ? 1 : env.SUPPRESS_BELOW_SCORERS),
        );
      const latest = summaries.at(-1)?.summary;
      const previous = summaries.at(-2)?.summary;
      const meanOf = (summary: typeof latest, factorId: string) =>
        summary?.factors.find((f) => f.factorId === factorId)?.mean ?? null;
      return {
        instrumentVersion: currentInstrument.version,
        trend: summaries.map(({ session, summary }) => ({
          sessionId: session.id,
          heldOn: session.heldOn,
          index: summary.index,
          levels: summary.levels.map((l) => ({
            levelId: l.levelId as (typeof levelIds)[number],
            score: l.score,
          })),
        })),
        factors: currentInstrument.levels.flatMap((l) =>
          l.factors.map((f) => ({
            factorId: f.id,
            latest: meanOf(latest, f.id),
            previous: meanOf(previous, f.id),
          })),
        ),
        // The sector gaps are means of a few people (one parent, at times): not for a municipality.
        gaps: ctx.partnership.can.readSessions
          ? (latest?.gaps ?? []).filter((g) => g.gap !== null).slice(0, 5)
          : [],
        goals: goals.map((g) => ({
          id: g.id,
          title: g.title,
          parentId: g.parentId,
          ...evaluateGoal(
            g,
            measurements.filter((m) => m.goalId === g.id),
          ),
        })),
        actions: actions.map((a) => ({
          id: a.id,
          description: a.description,
          ownerName: a.ownerName,
          dueOn: a.dueOn,
          overdue: a.dueOn < day,
        })),
        due: nextReflectionDue(partnership.reflectionCadence, sessions, day),
        inProgress: inProgress ? { sessionId: inProgress.id, heldOn: inProgress.heldOn } : null,
        minScorers: ctx.partnership.can.readSessions ? 1 : env.SUPPRESS_BELOW_SCORERS,
      };
    }),

  /**
   * Case aggregates per calendar quarter, the last eight up to today: for every member and
   * admins, as they hold no case's details (those stay with coordinators and assigned
   * professionals, server/routers/cases.ts).
   */
  cases: partnershipProcedure("readCaseAggregates")
    .output(casesOutput)
    .query(async ({ ctx }) => {
      const day = today();
      const quarters = lastQuarters(day, CASE_QUARTERS);
      const from = quarters[0]?.start ?? day;
      const input = await loadCaseAggregateInput(ctx.db, {
        partnershipId: ctx.partnership.id,
        from,
        to: day,
      });
      const all = caseAggregatesByQuarter(input, quarters, day);
      // Coordinators see every case anyway; anyone else gets no figure that could be one child.
      const minCases = env.SUPPRESS_BELOW_CASES;
      const limited = !ctx.partnership.can.readSmallCaseCounts;
      const voices = await countVoiceReplies(ctx.db, ctx.partnership.id);
      const small = limited && voices.received < minCases;
      return {
        minCases,
        limited,
        voices: small ? { received: null, answered: null } : voices,
        quarters: limited
          ? suppressSmallQuarters(all, minCases)
          : all.map((q) => ({ ...q, suppressed: false })),
      };
    }),
});
