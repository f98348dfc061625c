/**
 * The admin's lists, declared once for the screen and the CSV download
 * (app/admin/export/[table]/route.ts): users, organisations, municipalities.
 */
import type { ReactNode } from "react";
import type { TableColumn, TableContext, TableModel } from "@/app/_components/table-model";
import type { RouterOutputs } from "@/app/_trpc/types";

type Admin = RouterOutputs["admin"];
type User = Admin["users"]["list"]["items"][number];
export type OrganisationRow = Admin["organisations"]["list"]["items"][number];
export type MunicipalityRow = Admin["municipalities"]["list"]["items"][number];

/** The admin lists' filters, as their screen and their CSV link carry them. */
export type ListFilters = { search?: string; deleted?: boolean };

export function listFiltersFrom(query: URLSearchParams): ListFilters {
  const search = query.get("search")?.trim();
  return { ...(search ? { search } : {}), deleted: query.get("deleted") === "true" };
}

export function listFiltersQuery({ search, deleted }: ListFilters): string {
  const query = new URLSearchParams();
  if (search) query.set("search", search);
  if (deleted) query.set("deleted", "true");
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** Every account; on screen the name links to it and its access is a badge or two. */
export function usersTable(
  users: User[],
  { t, locale }: TableContext,
  cells: { name?: (u: User) => ReactNode; access?: (u: User) => ReactNode } = {},
): TableModel<User> {
  return {
    locale,
    rows: users,
    columns: [
      { kind: "text", header: t("fields.name"), value: (u) => u.name, cell: cells.name },
      { kind: "text", header: t("fields.email"), value: (u) => u.email },
      {
        kind: "text",
        header: t("admin.access"),
        value: (u) => (u.deactivatedAt ? t("admin.deactivated") : t("admin.active")),
        cell: cells.access,
      },
      {
        kind: "text",
        header: t("admin.administrator"),
        value: (u) => (u.isAdmin ? t("app.yes") : t("app.no")),
        only: "csv",
      },
    ],
  };
}

export function organisationColumns({ t }: TableContext): TableColumn<OrganisationRow>[] {
  return [
    { kind: "text", header: t("fields.name"), value: (r) => r.name },
    { kind: "text", header: t("fields.type"), value: (r) => t(`enums.organisationType.${r.type}`) },
    {
      kind: "text",
      header: t("fields.municipalityId"),
      value: (r) => r.municipalityName,
      empty: "—",
    },
  ];
}

export function municipalityColumns({ t }: TableContext): TableColumn<MunicipalityRow>[] {
  return [
    { kind: "text", header: t("fields.name"), value: (r) => r.name },
    { kind: "text", header: t("fields.cbsCode"), value: (r) => r.cbsCode },
    { kind: "text", header: t("fields.youthRegion"), value: (r) => r.youthRegion },
  ];
}
