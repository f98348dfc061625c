import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { loadPartnership } from "@/app/partnerships/[id]/partnership";
import { RemovedList } from "./removed-list";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("removed"))("title") };
}

/** What was removed in the partnership, for its coordinators to bring back. */
export default async function RemovedPage({ params }: Props) {
  const { id } = await params;
  const partnership = await loadPartnership(id);
  if (!partnership.can.restoreRemoved) notFound();
  const t = await getTranslations("removed");
  await prefetch(trpc.trash.list.queryOptions({ partnershipId: id, page: 1 }));
  return (
    <>
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <HydrateClient>
        <RemovedList partnershipId={id} />
      </HydrateClient>
    </>
  );
}
