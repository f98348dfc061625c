import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { loadPartnership } from "@/app/partnerships/[id]/partnership";
import { GeneralSettings } from "./_sections/general";
import { MembersSettings } from "./_sections/members";
import { PartnerSettings } from "./_sections/partners";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage({ params }: Props) {
  const { id } = await params;
  const partnership = await loadPartnership(id);
  const [t, tt] = await Promise.all([getTranslations("settings"), getTranslations("transfer")]);
  const canManage = partnership.can.managePartnership;
  // A municipality reads what the partnership shares; its settings are not part of that.
  if (!partnership.can.readPeople) notFound();
  if (!canManage) {
    return (
      <>
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
      <h1 className="utrecht-heading-1">
        {t("title")}: {partnership.name}
      </h1>
      <HydrateClient>
        <GeneralSettings partnershipId={id} />
        <PartnerSettings partnershipId={id} />
        <MembersSettings partnershipId={id} />
      </HydrateClient>
      {partnership.myRole === "admin" && (
        <section aria-labelledby="transfer-export">
          <h2 id="transfer-export" className="utrecht-heading-2">
            {tt("title")}
          </h2>
          <p className="utrecht-paragraph">{tt("exportHere")}</p>
          <p className="utrecht-paragraph">
            {/* A download, not a page: a plain link. */}
            <a
              href={`/admin/transfer/export/${id}`}
              className="utrecht-link utrecht-link--html-a"
              download
            >
              {tt("download")}
            </a>
          </p>
        </section>
      )}
    </>
  );
}
