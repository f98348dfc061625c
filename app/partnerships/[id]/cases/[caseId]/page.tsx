import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadOr404 } from "@/app/_components/guard";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { CaseDetail } from "./case-detail";

type Props = { params: Promise<{ id: string; caseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("caseTitleShort") };
}

export default async function CasePage({ params }: Props) {
  const { id, caseId } = await params;
  // Fetched (and its read audited) on the server; 404 when unknown or not the caller's case.
  await loadOr404(() =>
    getQueryClient().fetchQuery(trpc.cases.get.queryOptions({ partnershipId: id, caseId })),
  );
  await prefetch(trpc.partnerships.members.queryOptions({ partnershipId: id }));
  return (
    <HydrateClient>
      <CaseDetail partnershipId={id} caseId={caseId} />
    </HydrateClient>
  );
}
