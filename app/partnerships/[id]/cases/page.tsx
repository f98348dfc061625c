import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { loadPartnership } from "@/app/partnerships/[id]/partnership";
import { PAGE_SIZE } from "@/domain/paging";
import { CaseList } from "./case-list";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("title") };
}

export default async function CasesPage({ params }: Props) {
  const { id } = await params;
  const partnership = await loadPartnership(id);
  // Leaders and admins see case aggregates on the dashboard, never the cases themselves.
  if (!partnership.can.openCases) notFound();
  const t = await getTranslations("cases");
  await prefetch(
    trpc.cases.list.queryOptions({
      partnershipId: id,
      status: "open",
      mine: false,
      page: 1,
      pageSize: PAGE_SIZE,
    }),
  );
  return (
    <>
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">
        {partnership.can.readAllCases ? t("introCoordinator") : t("introProfessional")}
      </p>
      <HydrateClient>
        <CaseList partnershipId={id} isCoordinator={partnership.can.readAllCases} />
      </HydrateClient>
    </>
  );
}
