import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { loadOr404 } from "../../../_components/guard";
import { HydrateClient, prefetch, serverCaller, trpc } from "../../../_trpc/server";
import { GeneralSettings, MembersSettings, PartnerSettings } from "./settings-forms";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage({ params }: Props) {
  const { id } = await params;
  const partnership = await loadOr404(async () =>
    (await serverCaller()).partnerships.get({ partnershipId: id }),
  );
  const t = await getTranslations("settings");
  const tp = await getTranslations("partnerships");
  const canManage = partnership.myRole === "coordinator" || partnership.myRole === "admin";
  const breadcrumb = (
    <p className="smo-breadcrumb">
      <Link href="/partnerships" className="utrecht-link utrecht-link--html-a">
        {tp("title")}
      </Link>
      {" › "}
      <Link href={`/partnerships/${id}`} className="utrecht-link utrecht-link--html-a">
        {partnership.name}
      </Link>
    </p>
  );
  if (!canManage) {
    return (
      <>
        {breadcrumb}
        <h1 className="utrecht-heading-1">{t("title")}</h1>
        <p className="utrecht-paragraph">{t("readOnly")}</p>
      </>
    );
  }
  const input = { partnershipId: id };
  await prefetch(
    trpc.partnerships.get.queryOptions(input),
    trpc.partnerships.members.queryOptions(input),
    trpc.partnerships.removedOrganisations.queryOptions(input),
    trpc.partnerships.organisationOptions.queryOptions(input),
  );
  return (
    <>
      {breadcrumb}
      <h1 className="utrecht-heading-1">
        {t("title")}: {partnership.name}
      </h1>
      <HydrateClient>
        <GeneralSettings partnershipId={id} />
        <PartnerSettings partnershipId={id} />
        <MembersSettings partnershipId={id} />
      </HydrateClient>
    </>
  );
}
