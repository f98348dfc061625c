import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { loadPartnership } from "@/app/partnerships/[id]/partnership";
import { PracticesList } from "./practices-list";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("practices"))("title") };
}

/** "Wat werkt bij ons": the partnership's own entries per factor, and sharing them. */
export default async function PracticesPage({ params }: Props) {
  const { id } = await params;
  const partnership = await loadPartnership(id);
  if (!partnership.can.readSessions) notFound();
  const t = await getTranslations("practices");
  await prefetch(trpc.practices.list.queryOptions({ partnershipId: id }));
  return (
    <>
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <HydrateClient>
        <PracticesList partnershipId={id} canKeep={partnership.can.planSessions} />
      </HydrateClient>
    </>
  );
}
