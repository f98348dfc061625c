/**
 * Municipalities, youth-care regions and the nation: what analysts see, aggregates only. The
 * overview is read live (the scope, the scopes one level down, its partnerships by form and by
 * sharing); the figures are the scope's published sections, suppressed over the whole set before
 * they were stored (server/disclosure/publish.ts), with the time they were computed.
 */
import { z } from "zod";
import { figuresState, publishedSection } from "@/db/queries/figures";
import {
  partnershipCounts,
  scopeChildren,
  scopeHeader,
  sharedPartnershipsIn,
} from "@/db/queries/scopes";
import type { Db } from "@/db/types";
import { today } from "@/domain/dates";
import { figureQuarters } from "@/domain/figures";
import { can, type Scope } from "@/domain/permissions";
import { collaborationForms, municipalitySharings } from "@/domain/vocabulary";
import { env } from "@/env";
import type { Published } from "../disclosure/publish";
import {
  casesSectionOutput,
  collaborationSectionOutput,
  goalsSectionOutput,
  outcomesSectionOutput,
  reportingSectionOutput,
} from "../outputs";
import type { PublishedSection } from "../services/published-figures";
import { createTRPCRouter, scopeProcedure, standingFrom } from "../trpc";

const scopeKind = z.enum(["municipality", "region", "nation"]);

const overviewOutput = z.object({
  scope: z.object({ kind: scopeKind, id: z.string() }),
  name: z.string().nullable(),
  cbsCode: z.string().nullable(),
  /** Up the ladder, for the breadcrumb: the nation, the region. */
  parents: z.array(z.object({ kind: scopeKind, id: z.string(), name: z.string().nullable() })),
  /** One level down. */
  children: z.array(
    z.object({ kind: scopeKind, id: z.string(), name: z.string(), partnerships: z.number().int() }),
  ),
  partnerships: z.number().int(),
  byForm: z.array(z.object({ form: z.enum(collaborationForms), partnerships: z.number().int() })),
  bySharing: z.array(
    z.object({ sharing: z.enum(municipalitySharings), partnerships: z.number().int() }),
  ),
  /**
   * At a municipality, its partnerships that share full read access: names only, and their own
   * reporting (empty at a region and the nation).
   */
  shared: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      municipality: z.string(),
      /** Whether this user may open the partnership (its municipality's analysts, admins). */
      opens: z.boolean(),
      reporting: z.array(
        z.object({
          quarterStart: z.string(),
          expected: z.number(),
          held: z.number(),
          onTime: z.number(),
        }),
      ),
    }),
  ),
  thresholds: z.object({
    cases: z.number().int(),
    partnerships: z.number().int(),
    scorers: z.number().int(),
    correlation: z.number().int(),
    onTimeDays: z.number().int(),
  }),
  /** When the figures were computed; null before the first computation. */
  figuresAsOf: z.date().nullable(),
});

/** A section as published for this scope (undefined before the first computation). */
async function section<S extends PublishedSection>(
  db: Db,
  scope: Scope,
  name: S,
): Promise<Published[S] | undefined> {
  return (await publishedSection(db, scope, name)) as Published[S] | undefined;
}

export const scopesRouter = createTRPCRouter({
  overview: scopeProcedure.output(overviewOutput).query(async ({ ctx }) => {
    const scope = ctx.scope;
    const windowStart = figureQuarters(today())[0]?.start ?? today();
    const [header, children, counts, shared, state] = await Promise.all([
      scopeHeader(ctx.db, scope),
      scopeChildren(ctx.db, scope),
      partnershipCounts(ctx.db, scope),
      // Only a municipality's own partnerships share with it, so only its page lists them.
      scope.kind === "municipality" ? sharedPartnershipsIn(ctx.db, scope, windowStart) : [],
      figuresState(ctx.db),
    ]);
    const parents: z.infer<typeof overviewOutput>["parents"] =
      scope.kind === "nation" ? [] : [{ kind: "nation", id: "nl", name: null }];
    if (header.region) parents.push({ kind: "region", ...header.region });
    return {
      scope,
      name: header.name,
      cbsCode: header.cbsCode,
      parents,
      children: children.map((c) => ({
        kind: scope.kind === "nation" ? ("region" as const) : ("municipality" as const),
        ...c,
      })),
      partnerships: counts.reduce((sum, c) => sum + c.n, 0),
      byForm: collaborationForms.map((form) => ({
        form,
        partnerships: counts.filter((c) => c.form === form).reduce((s, c) => s + c.n, 0),
      })),
      bySharing: municipalitySharings.map((sharing) => ({
        sharing,
        partnerships: counts.filter((c) => c.sharing === sharing).reduce((s, c) => s + c.n, 0),
      })),
      shared: shared.map(({ municipality_id, reporting, ...p }) => {
        const standing = standingFrom(ctx.user, p.id, {
          municipalityId: municipality_id,
          municipalitySharing: "full",
        });
        return {
          ...p,
          opens: standing !== null && can(standing, "readDashboard"),
          reporting: reporting ?? [],
        };
      }),
      thresholds: {
        cases: env.SUPPRESS_BELOW_CASES,
        partnerships: env.SUPPRESS_BELOW_PARTNERSHIPS,
        scorers: env.SUPPRESS_BELOW_SCORERS,
        correlation: env.CORRELATION_MIN_PARTNERSHIPS,
        onTimeDays: env.REPORTING_ON_TIME_DAYS,
      },
      figuresAsOf: state && state.computedChange >= 0 ? state.computedAt : null,
    };
  }),

  cases: scopeProcedure
    .output(casesSectionOutput)
    .query(async ({ ctx }) => (await section(ctx.db, ctx.scope, "cases")) ?? { quarters: [] }),

  reporting: scopeProcedure
    .output(reportingSectionOutput)
    .query(async ({ ctx }) => (await section(ctx.db, ctx.scope, "reporting")) ?? { quarters: [] }),

  goals: scopeProcedure
    .output(goalsSectionOutput)
    .query(async ({ ctx }) => (await section(ctx.db, ctx.scope, "goals")) ?? { quarters: [] }),

  collaboration: scopeProcedure.output(collaborationSectionOutput).query(
    async ({ ctx }) =>
      (await section(ctx.db, ctx.scope, "collaboration")) ?? {
        quarters: [],
        sectors: { quarter: null, partnerships: 0, withheld: null, factors: [] },
      },
  ),

  outcomes: scopeProcedure.output(outcomesSectionOutput).query(
    async ({ ctx }) =>
      (await section(ctx.db, ctx.scope, "outcomes")) ?? {
        from: "",
        to: "",
        partnerships: 0,
        minimum: env.CORRELATION_MIN_PARTNERSHIPS,
        withheld: null,
        points: [],
        gas: null,
        dropout: null,
      },
  ),
});
