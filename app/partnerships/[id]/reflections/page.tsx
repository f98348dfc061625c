import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { NotShared } from "@/app/partnerships/[id]/not-shared";
import { loadPartnership } from "@/app/partnerships/[id]/partnership";
import { ReflectionList } from "./reflection-list";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reflections"))("title") };
}

export default async function ReflectionsPage({ params }: Props) {
  const { id } = await params;
  const [partnership, t] = await Promise.all([loadPartnership(id), getTranslations("reflections")]);
  if (!partnership.can.readSessions) return <NotShared partnershipId={id} title={t("title")} />;
  await prefetch(trpc.reflections.list.queryOptions({ partnershipId: id }));
  return (
    <>
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <HydrateClient>
        <ReflectionList partnershipId={id} canPlan={partnership.can.planSessions} />
      </HydrateClient>
    </>
  );
}
