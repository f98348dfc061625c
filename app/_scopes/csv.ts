/**
 * The scope dashboards' tables as CSV: `/national/export/<table>.csv`,
 * `/regions/<id>/export/<table>.csv` and `/municipalities/<id>/export/<table>.csv`. Each from the
 * scopes.* procedure its section calls, through the server caller as the signed-in user
 * (app/_components/csv-route.ts), so the file holds exactly what the screen holds: what the
 * server withheld is withheld here too, and the cell says why with the screen's marker ("< 10").
 * Where the screen shows one quarter or one measure at a time, `?quarter=<first day>` and
 * `?measure=<id>` choose it, as the link under that table says.
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { type CsvRequest, csvRoute, csvTable } from "@/app/_components/csv-route";
import { NATION_ID } from "@/domain/permissions";
import { withheldMarker } from "./figures";
import { scopeName } from "./load";
import { grantsOf, placeRows, type ScopeKind, scopeInput } from "./scope";
import type { TableColumn, TableContext, TableModel } from "./table-model";
import { breakdownRows, casesTable, quarterRows } from "./tables/cases";
import {
  latestCollaborationQuarter,
  measures,
  quarterSpreadTable,
  sectorsTable,
  spreadTable,
} from "./tables/collaboration";
import { goalsTable } from "./tables/goals";
import { pointsTable } from "./tables/outcomes";
import { countTable, formRows, sharedReportingTable, sharingRows } from "./tables/partnerships";
import { placesTable } from "./tables/places";
import { reportingTable } from "./tables/reporting";

type Params = { id?: string; table: string };
type Request = CsvRequest<Params>;

/** A table whose withheld cells say why in the file, as the marker does on screen. */
function marked<R>(table: TableModel<R>, context: TableContext): TableModel<R> {
  const columns: TableColumn<R>[] = table.columns;
  return {
    ...table,
    columns: columns.map((c): TableColumn<R> => {
      const withheld = c.withheld;
      if (!withheld) return c;
      return {
        ...c,
        csvText: (row) => {
          const why = withheld(row);
          return why ? withheldMarker(why, context) : null;
        },
      };
    }),
  };
}

/** A choice in the link that names nothing there is a page that does not exist. */
function unknownChoice(): never {
  throw new TRPCError({ code: "NOT_FOUND", message: "errors.not_found" });
}

/** The GET handler of one kind of scope's `export/[table]` route. */
export function scopeCsvRoute(kind: ScopeKind) {
  const input = (params: Params) => scopeInput(kind, params.id ?? NATION_ID);
  const overview = (r: Request) =>
    r.once("overview", () => r.caller.scopes.overview(input(r.params)));
  /** The user's language with the thresholds the markers name. */
  const contextOf = async (r: Request): Promise<TableContext> => ({
    ...r.context,
    thresholds: (await overview(r)).thresholds,
  });
  /** A table built from a section: the section, then the table with its markers. */
  const table = <S, R>(
    file: string,
    load: (r: Request) => Promise<S>,
    build: (section: S, context: TableContext, r: Request) => TableModel<R>,
  ) =>
    csvTable<Params, R>(file, async (r) => {
      const [section, context] = await Promise.all([load(r), contextOf(r)]);
      return marked(build(section, context, r), context);
    });
  const reporting = (r: Request) => r.caller.scopes.reporting(input(r.params));
  const collaboration = (r: Request) => r.caller.scopes.collaboration(input(r.params));
  const goals = (r: Request) => r.caller.scopes.goals(input(r.params));
  const cases = (r: Request) => r.caller.scopes.cases(input(r.params));
  const outcomes = (r: Request) => r.caller.scopes.outcomes(input(r.params));
  /** The quarter `?quarter=` names, or the one the screen opens on. */
  const chosenQuarter = <Q extends { start: string }>(r: Request, quarters: Q[], fallback?: Q) => {
    const start = r.query.get("quarter");
    if (!start) return fallback;
    return quarters.find((q) => q.start === start) ?? unknownChoice();
  };
  const t = (r: Request, key: string) => r.context.t(`scopes.${key}`);

  return csvRoute<Params>({
    subject: async (r) => [
      scopeName(kind, (await overview(r)).name, (key, params) =>
        r.context.t(`scopes.${key}`, params),
      ),
    ],
    tables: {
      "partnerships-by-form": table("scopePartnershipsByForm", overview, (data, context) =>
        countTable(formRows(data, context), context.t("scopes.partnerships.form"), context),
      ),
      "partnerships-by-sharing": table("scopePartnershipsBySharing", overview, (data, context) =>
        countTable(
          sharingRows(data, context),
          context.t("scopes.partnerships.sharingChoice"),
          context,
        ),
      ),
      "shared-reporting": table("scopeSharedReporting", overview, (data, context) =>
        sharedReportingTable(data.shared, context),
      ),
      reporting: table("scopeReporting", reporting, (data, context) =>
        reportingTable(data.quarters, context),
      ),
      collaboration: table("scopeCollaboration", collaboration, (data, context, r) => {
        const id = r.query.get("measure") ?? "index";
        const measure = measures.find((m) => m.id === id) ?? unknownChoice();
        return spreadTable(data, measure, context);
      }),
      "collaboration-factors": table("scopeFactors", collaboration, (data, context, r) => {
        const quarter =
          chosenQuarter(r, data.quarters, latestCollaborationQuarter(data)) ?? unknownChoice();
        return quarterSpreadTable(quarter, "factors", context);
      }),
      "sector-gaps": table("scopeSectorGaps", collaboration, (data, context) =>
        // Withheld as a whole where too few partnerships are behind it: no rows then.
        sectorsTable(
          data.sectors.withheld ? { ...data, sectors: { ...data.sectors, factors: [] } } : data,
          context,
        ),
      ),
      goals: table("scopeGoals", goals, (data, context) => goalsTable(data.quarters, context)),
      cases: table("scopeCases", cases, (data, context, r) =>
        casesTable(quarterRows(data.quarters, context), t(r, "cases.quarter"), context),
      ),
      "cases-by-school-type": table("scopeCasesBySchoolType", cases, (data, context, r) =>
        casesTable(
          breakdownRows(
            chosenQuarter(r, data.quarters, data.quarters.at(-1)),
            "school_type",
            context,
          ),
          t(r, "cases.schoolTypeHeader"),
          context,
        ),
      ),
      "cases-by-age-band": table("scopeCasesByAgeBand", cases, (data, context, r) =>
        casesTable(
          breakdownRows(chosenQuarter(r, data.quarters, data.quarters.at(-1)), "age_band", context),
          t(r, "cases.ageBandHeader"),
          context,
        ),
      ),
      outcomes: table("scopeOutcomes", outcomes, (data, context) => pointsTable(data, context)),
      places: table(
        "scopePlaces",
        async (r) => ({ overview: await overview(r), user: await r.caller.me.get() }),
        ({ overview: data, user }, context) =>
          placesTable(
            placeRows(data, grantsOf(user)),
            context.t(kind === "nation" ? "scopes.places.region" : "scopes.places.municipality"),
            context,
          ),
      ),
    },
  });
}
