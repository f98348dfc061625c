import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { AdminCrumb } from "@/app/admin/admin-crumb";
import { PAGE_SIZE } from "@/domain/paging";
import { MunicipalitiesAdmin } from "./municipalities-admin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("municipalities") };
}

export default async function MunicipalitiesPage() {
  const t = await getTranslations("admin");
  await prefetch(
    trpc.admin.municipalities.list.queryOptions({ page: 1, pageSize: PAGE_SIZE, deleted: false }),
  );
  return (
    <>
      <AdminCrumb />
      <h1 className="utrecht-heading-1">{t("municipalities")}</h1>
      <HydrateClient>
        <MunicipalitiesAdmin />
      </HydrateClient>
    </>
  );
}
