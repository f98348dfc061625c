/**
 * The list of partnerships as CSV: `/partnerships/export/partnerships.csv[?search=…]`, every
 * page of partnerships.list as the signed-in user (app/_components/csv-route.ts).
 */
import { allPages, csvRoute, csvTable } from "@/app/_components/csv-route";
import { listFiltersFrom } from "@/app/admin/tables";
import { partnershipListTable } from "@/app/partnerships/tables";

export const GET = csvRoute<{ table: string }>({
  subject: async () => [],
  tables: {
    partnerships: csvTable("partnerships", async ({ caller, query, context }) => {
      const { search } = listFiltersFrom(query);
      const [me, partnerships] = await Promise.all([
        caller.me.get(),
        allPages((page) => caller.partnerships.list({ ...page, ...(search ? { search } : {}) })),
      ]);
      const byPartnership = Object.fromEntries(
        me.memberships.map((m) => [m.partnershipId, m.role]),
      );
      return partnershipListTable(partnerships, { byPartnership, isAdmin: me.isAdmin }, context);
    }),
  },
});
