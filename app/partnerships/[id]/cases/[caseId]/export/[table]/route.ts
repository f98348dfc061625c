/**
 * A case's tables as CSV: `/partnerships/<id>/cases/<caseId>/export/<table>.csv`, from
 * cases.get (its coordinators and assigned professionals only; the read is audited as on
 * screen, once per download; app/_components/csv-route.ts), named after the partnership and
 * the case's code.
 */
import { type CsvRequest, csvRoute, csvTable } from "@/app/_components/csv-route";
import { gasTable, perspectivesTable, voiceLinksTable } from "@/app/partnerships/[id]/cases/tables";
import { partnershipOf } from "@/app/partnerships/[id]/export/partnership-name";

type Params = { id: string; caseId: string; table: string };
const theCase = ({ caller, params, once }: CsvRequest<Params>) =>
  once("case", () => caller.cases.get({ partnershipId: params.id, caseId: params.caseId }));

export const GET = csvRoute<Params>({
  subject: async (request) => [(await partnershipOf(request)).name, (await theCase(request)).code],
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
