import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadOr404 } from "../../../../../_components/guard";
import { getQueryClient, HydrateClient, trpc } from "../../../../../_trpc/server";
import { CheckInForm } from "./check-in-form";

type Props = { params: Promise<{ id: string; caseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("newCheckIn") };
}

export default async function CheckInPage({ params }: Props) {
  const { id, caseId } = await params;
  await loadOr404(() =>
    getQueryClient().fetchQuery(trpc.cases.get.queryOptions({ partnershipId: id, caseId })),
  );
  return (
    <HydrateClient>
      <CheckInForm partnershipId={id} caseId={caseId} />
    </HydrateClient>
  );
}
