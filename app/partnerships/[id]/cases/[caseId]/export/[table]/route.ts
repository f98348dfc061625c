/**
 * A case's tables as CSV: `/partnerships/<id>/cases/<caseId>/export/<table>.csv`, from
 * cases.get (its coordinators and assigned professionals only; the read is audited as on
 * screen, once per download; app/_components/csv-route.ts), named after the partnership and
 * the case's code.
 */
import { type CsvRequest, csvRoute, csvTable } from "@/app/_components/csv-route";
import { gasTable, perspectivesTable, voiceLinksTable } from "@/app/partnerships/[id]/cases/tables";

type Params = { id: string; caseId: string; table: string };
const theCase = ({ caller, params, once }: CsvRequest<Params>) =>
  once("case", () => caller.cases.get({ partnershipId: params.id, caseId: params.caseId }));

export const GET = csvRoute<Params>({
  subject: async (request) => {
    const [partnership, { code }] = await Promise.all([
      request.caller.partnerships.get({ partnershipId: request.params.id }),
      theCase(request),
    ]);
    return [partnership.name, code];
  },
  tables: {
    perspectives: csvTable("perspectives", async (request) =>
      perspectivesTable(await theCase(request), request.context),
    ),
    gas: csvTable("gas", async (request) => gasTable(await theCase(request), request.context)),
    links: csvTable("links", async (request) =>
      voiceLinksTable(await theCase(request), request.context),
    ),
  },
});
