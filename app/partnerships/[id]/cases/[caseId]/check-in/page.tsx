import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadOr404 } from "@/app/_components/guard";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { CheckInForm } from "./check-in-form";

type Props = {
  params: Promise<{ id: string; caseId: string }>;
  searchParams: Promise<{ edit?: string | string[] }>;
};

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("cases");
  return { title: (await searchParams).edit ? t("editCheckInTitle") : t("newCheckIn") };
}

export default async function CheckInPage({ params, searchParams }: Props) {
  const { id, caseId } = await params;
  const { edit } = await searchParams;
  await loadOr404(() =>
    getQueryClient().fetchQuery(trpc.cases.get.queryOptions({ partnershipId: id, caseId })),
  );
  return (
    <HydrateClient>
      <CheckInForm
        partnershipId={id}
        caseId={caseId}
        editId={typeof edit === "string" ? edit : undefined}
      />
    </HydrateClient>
  );
}
