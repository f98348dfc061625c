/**
 * A goal's tables as CSV: `/partnerships/<id>/goals/<goalId>/export/<table>.csv`, from the
 * procedures of the goal page (app/_components/csv-route.ts), named after the partnership and
 * the goal. Names of people are in them only for those who may see people, as on screen.
 */
import { type CsvRequest, csvRoute, csvTable } from "@/app/_components/csv-route";
import { partnershipOf } from "@/app/partnerships/[id]/export/partnership-name";
import {
  historyTable,
  measurementsTable,
  reviewsTable,
} from "@/app/partnerships/[id]/goals/tables";

type Params = { id: string; goalId: string; table: string };
const ref = (params: Params) => ({ partnershipId: params.id, goalId: params.goalId });
const goal = ({ caller, params, once }: CsvRequest<Params>) =>
  once("goal", () => caller.goals.get(ref(params)));

export const GET = csvRoute<Params>({
  subject: async (request) => [(await partnershipOf(request)).name, (await goal(request)).title],
  tables: {
    measurements: csvTable("measurements", async (request) =>
      measurementsTable(await goal(request), request.context),
    ),
    reviews: csvTable("reviews", async (request) =>
      reviewsTable(await goal(request), request.context),
    ),
    history: csvTable("history", async (request) => {
      const [g, entries] = await Promise.all([
        goal(request),
        request.caller.goals.history(ref(request.params)),
      ]);
      return historyTable(g, entries, request.context);
    }),
  },
});
