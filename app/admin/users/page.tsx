import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { AdminCrumb } from "@/app/admin/admin-crumb";
import { PAGE_SIZE } from "@/domain/paging";
import { UsersAdmin } from "./users-admin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("users") };
}

export default async function UsersPage() {
  const t = await getTranslations("admin");
  await prefetch(trpc.admin.users.list.queryOptions({ page: 1, pageSize: PAGE_SIZE }));
  return (
    <>
      <AdminCrumb />
      <h1 className="utrecht-heading-1">{t("users")}</h1>
      <HydrateClient>
        <UsersAdmin />
      </HydrateClient>
    </>
  );
}
