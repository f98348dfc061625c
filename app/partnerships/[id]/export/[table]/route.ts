/**
 * A partnership's tables as CSV: `/partnerships/<id>/export/<table>.csv`, each from the
 * procedure its screen calls (app/_components/csv-route.ts), named after the partnership.
 */
import { auditFiltersFrom, auditTable } from "@/app/_components/audit-table";
import { allPages, csvRoute, csvTable } from "@/app/_components/csv-route";
import { sectorGapTable } from "@/app/_components/sector-gaps";
import { caseFiltersFrom, caseListTable } from "@/app/partnerships/[id]/cases/tables";
import {
  benchmarkTable,
  caseQuartersTable,
  dashboardActionsTable,
  dashboardGoalsTable,
  factorsTable,
  partnersTable,
  trendTable,
} from "@/app/partnerships/[id]/dashboard-tables";
import { goalListTable } from "@/app/partnerships/[id]/goals/tables";
import { sessionsTable } from "@/app/partnerships/[id]/reflections/tables";
import { removedTable } from "@/app/partnerships/[id]/removed/tables";
import { currentInstrument } from "@/domain/instrument";
import { partnershipOf } from "../partnership-name";

type Params = { id: string; table: string };
const ref = (params: Params) => ({ partnershipId: params.id });

export const GET = csvRoute<Params>({
  subject: async (request) => [(await partnershipOf(request)).name],
  tables: {
    trend: csvTable("dashboardTrend", async ({ caller, params, context }) =>
      trendTable(await caller.dashboards.partnership(ref(params)), context),
    ),
    factors: csvTable("dashboardFactors", async ({ caller, params, context }) =>
      factorsTable(await caller.dashboards.partnership(ref(params)), context),
    ),
    gaps: csvTable("dashboardGaps", async ({ caller, params, context }) =>
      sectorGapTable(
        (await caller.dashboards.partnership(ref(params))).gaps,
        currentInstrument,
        context,
      ),
    ),
    "dashboard-goals": csvTable("dashboardGoals", async ({ caller, params, context }) =>
      dashboardGoalsTable(await caller.dashboards.partnership(ref(params)), context),
    ),
    actions: csvTable("dashboardActions", async ({ caller, params, context }) =>
      dashboardActionsTable(await caller.dashboards.partnership(ref(params)), context),
    ),
    benchmark: csvTable("benchmark", async ({ caller, params, context }) =>
      benchmarkTable(await caller.dashboards.benchmark(ref(params)), context),
    ),
    "case-quarters": csvTable("caseQuarters", async ({ caller, params, context }) =>
      caseQuartersTable(await caller.dashboards.cases(ref(params)), context),
    ),
    partners: csvTable("partners", async (request) =>
      partnersTable((await partnershipOf(request)).organisations, request.context, {}),
    ),
    goals: csvTable("goals", async ({ caller, params, context }) =>
      goalListTable(await caller.goals.list(ref(params)), context),
    ),
    reflections: csvTable("reflections", async ({ caller, params, context }) =>
      sessionsTable(await caller.reflections.list(ref(params)), context),
    ),
    cases: csvTable("cases", async ({ caller, params, query, context }) =>
      caseListTable(
        await allPages((page) =>
          caller.cases.list({ ...ref(params), ...caseFiltersFrom(query), ...page }),
        ),
        context,
      ),
    ),
    audit: csvTable("audit", async ({ caller, params, query, context }) =>
      auditTable(
        await allPages((page) =>
          caller.audit.partnership({ ...ref(params), ...auditFiltersFrom(query), ...page }),
        ),
        context,
      ),
    ),
    removed: csvTable("removed", async ({ caller, params, context }) =>
      removedTable(
        await allPages((page) => caller.trash.list({ ...ref(params), ...page })),
        context,
      ),
    ),
  },
});
