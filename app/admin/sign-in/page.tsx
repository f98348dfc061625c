import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { AdminCrumb } from "@/app/admin/admin-crumb";
import { SignInDomains } from "./sign-in-domains";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

/** Organisation sign-in (OIDC): which domains may, and where accounts are made. */
export default async function SignInPage() {
  const t = await getTranslations("signIn");
  await prefetch(trpc.admin.signInDomains.list.queryOptions());
  return (
    <>
      <AdminCrumb />
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <HydrateClient>
        <SignInDomains />
      </HydrateClient>
    </>
  );
}
