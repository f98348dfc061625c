/**
 * The admin's lists as CSV: `/admin/export/<users|organisations|municipalities|audit>.csv`, every
 * page as filtered on screen (`?search=…&deleted=true`), from the admin procedures: anyone but
 * an admin gets a 404 (app/_components/csv-route.ts).
 */
import { auditFiltersFrom, auditTable } from "@/app/_components/audit-table";
import { allPages, csvRoute, csvTable } from "@/app/_components/csv-route";
import {
  listFiltersFrom,
  municipalityColumns,
  organisationColumns,
  usersTable,
} from "@/app/admin/tables";

export const GET = csvRoute<{ table: string }>({
  subject: async () => [],
  tables: {
    users: csvTable("users", async ({ caller, query, context }) => {
      const { search } = listFiltersFrom(query);
      return usersTable(
        await allPages((page) =>
          caller.admin.users.list({ ...page, ...(search ? { search } : {}) }),
        ),
        context,
      );
    }),
    audit: csvTable("audit", async ({ caller, query, context }) =>
      auditTable(
        await allPages((page) => caller.audit.platform({ ...auditFiltersFrom(query), ...page })),
        context,
        { withPartnership: true },
      ),
    ),
    organisations: csvTable("organisations", async ({ caller, query, context }) => ({
      locale: context.locale,
      columns: organisationColumns(context),
      rows: await allPages((page) =>
        caller.admin.organisations.list({ ...page, ...listFiltersFrom(query) }),
      ),
    })),
    municipalities: csvTable("municipalities", async ({ caller, query, context }) => ({
      locale: context.locale,
      columns: municipalityColumns(context),
      rows: await allPages((page) =>
        caller.admin.municipalities.list({ ...page, ...listFiltersFrom(query) }),
      ),
    })),
  },
});
