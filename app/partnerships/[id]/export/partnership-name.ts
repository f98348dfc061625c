import type { CsvRequest } from "@/app/_components/csv-route";

/**
 * The partnership of a download, read once per request (app/_components/csv-route.ts): its
 * name begins every file name under /partnerships/<id>/, and its read checks that the user may
 * see the partnership at all.
 */
export const partnershipOf = ({ caller, params, once }: CsvRequest<{ id: string }>) =>
  once("partnership", () => caller.partnerships.get({ partnershipId: params.id }));
