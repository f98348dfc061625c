import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/app/_components/session";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { CreatePartnershipForm } from "./create-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("partnerships"))("createTitle") };
}

export default async function NewPartnershipPage() {
  const user = await currentUser();
  if (!user?.isAdmin) notFound();
  const t = await getTranslations("partnerships");
  await prefetch(trpc.admin.municipalities.options.queryOptions());
  return (
    <>
      <p className="smo-breadcrumb">
        <Link href="/partnerships" className="utrecht-link utrecht-link--html-a">
          {t("title")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("createTitle")}</h1>
      <p className="utrecht-paragraph">{t("createIntro")}</p>
      <HydrateClient>
        <CreatePartnershipForm />
      </HydrateClient>
    </>
  );
}
