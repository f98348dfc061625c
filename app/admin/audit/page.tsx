import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditTrail } from "@/app/_components/audit-trail";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { AdminCrumb } from "@/app/admin/admin-crumb";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

/** The platform's audit trail, for admins (the layout lets only them in). */
export default async function PlatformAuditPage() {
  const t = await getTranslations("audit");
  await prefetch(trpc.audit.platform.queryOptions({ page: 1 }));
  return (
    <>
      <AdminCrumb />
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("introPlatform")}</p>
      <HydrateClient>
        <AuditTrail />
      </HydrateClient>
    </>
  );
}
