import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditTrail } from "@/app/_components/audit-trail";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { loadPartnership } from "@/app/partnerships/[id]/partnership";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

/** The partnership's audit trail, for its coordinators (and admins). */
export default async function AuditPage({ params }: Props) {
  const { id } = await params;
  const partnership = await loadPartnership(id);
  if (!partnership.can.readAudit) notFound();
  const t = await getTranslations("audit");
  await prefetch(trpc.audit.partnership.queryOptions({ partnershipId: id, page: 1 }));
  return (
    <>
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("introPartnership")}</p>
      <HydrateClient>
        <AuditTrail partnershipId={id} />
      </HydrateClient>
    </>
  );
}
