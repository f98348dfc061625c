/**
 * A session report's tables as CSV: `/partnerships/<id>/reflections/<sessionId>/export/<table>.csv`,
 * from reflections.get (members and admins only, app/_components/csv-route.ts), named after the
 * partnership and the session's day.
 */
import { type CsvRequest, csvRoute, csvTable } from "@/app/_components/csv-route";
import { sectorGapTable } from "@/app/_components/sector-gaps";
import { partnershipOf } from "@/app/partnerships/[id]/export/partnership-name";
import {
  disagreementsTable,
  reportActionsTable,
  reportGaps,
  reportScoresTable,
} from "@/app/partnerships/[id]/reflections/tables";

type Params = { id: string; sessionId: string; table: string };
const session = ({ caller, params, once }: CsvRequest<Params>) =>
  once("session", () =>
    caller.reflections.get({ partnershipId: params.id, sessionId: params.sessionId }),
  );

export const GET = csvRoute<Params>({
  subject: async (request) => [
    (await partnershipOf(request)).name,
    request.context.t("csv.session", { date: (await session(request)).heldOn }),
  ],
  tables: {
    scores: csvTable("scores", async (request) =>
      reportScoresTable(await session(request), request.context),
    ),
    gaps: csvTable("gaps", async (request) => {
      const s = await session(request);
      return sectorGapTable(reportGaps(s), s.instrument, request.context);
    }),
    disagreements: csvTable("disagreements", async (request) =>
      disagreementsTable(await session(request), request.context),
    ),
    actions: csvTable("actions", async (request) =>
      reportActionsTable(await session(request), request.context),
    ),
  },
});
