import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { AdminCrumb } from "@/app/admin/admin-crumb";
import { PAGE_SIZE } from "@/domain/paging";
import { OrganisationsAdmin } from "./organisations-admin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("organisations") };
}

export default async function OrganisationsPage() {
  const t = await getTranslations("admin");
  await prefetch(
    trpc.admin.organisations.list.queryOptions({ page: 1, pageSize: PAGE_SIZE, deleted: false }),
    trpc.admin.municipalities.options.queryOptions(),
  );
  return (
    <>
      <AdminCrumb />
      <h1 className="utrecht-heading-1">{t("organisations")}</h1>
      <HydrateClient>
        <OrganisationsAdmin />
      </HydrateClient>
    </>
  );
}
