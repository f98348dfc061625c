/**
 * The list of partnerships, declared once for the screen (partnership-table.tsx) and the CSV
 * download (app/partnerships/export/[table]/route.ts).
 */
import type { ReactNode } from "react";
import type { TableContext, TableModel } from "@/app/_components/table-model";
import type { RouterOutputs } from "@/app/_trpc/types";

type ListedPartnership = RouterOutputs["partnerships"]["list"]["items"][number];

/** The caller's role in each partnership (from their memberships), or "admin" for the rest. */
export type Roles = { byPartnership: Record<string, string>; isAdmin: boolean };

export function partnershipListTable(
  partnerships: ListedPartnership[],
  roles: Roles,
  { t, locale }: TableContext,
  nameCell?: (p: ListedPartnership) => ReactNode,
): TableModel<ListedPartnership> {
  return {
    locale,
    rows: partnerships,
    columns: [
      {
        kind: "text",
        header: t("partnerships.columns.name"),
        value: (p) => p.name,
        cell: nameCell,
      },
      {
        kind: "text",
        header: t("partnerships.columns.municipality"),
        value: (p) => p.municipalityName,
      },
      {
        kind: "text",
        header: t("partnerships.columns.form"),
        value: (p) => t(`enums.formShort.${p.form}`),
      },
      {
        kind: "text",
        header: t("partnerships.columns.role"),
        value: (p) => {
          const role = roles.byPartnership[p.id];
          return role ? t(`enums.role.${role}`) : roles.isAdmin ? t("enums.role.admin") : null;
        },
        empty: "",
      },
    ],
  };
}
