import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { loadPartnership } from "@/app/partnerships/[id]/partnership";
import { GoalsOverview, RemovedGoals } from "./goal-tree";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("goals"))("title") };
}

export default async function GoalsPage({ params }: Props) {
  const { id } = await params;
  const partnership = await loadPartnership(id);
  const t = await getTranslations("goals");
  const canKeep = partnership.can.keepGoals;
  const input = { partnershipId: id };
  await prefetch(
    trpc.goals.list.queryOptions(input),
    ...(canKeep ? [trpc.goals.removed.queryOptions(input)] : []),
  );
  const partners = partnership.organisations.map((o) => ({
    organisationId: o.organisationId,
    name: o.name,
  }));
  return (
    <>
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <HydrateClient>
        <GoalsOverview partnershipId={id} canKeep={canKeep} partners={partners} />
        {canKeep && <RemovedGoals partnershipId={id} />}
      </HydrateClient>
    </>
  );
}
