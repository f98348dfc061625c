import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/app/_components/session";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { MailPreferences } from "./mail-preferences";
import { SecondFactor } from "./second-factor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

/** The signed-in user's own account: who they are, and their second sign-in step. */
export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect("/login?callbackUrl=/account");
  const t = await getTranslations("account");
  await prefetch(trpc.me.secondFactor.status.queryOptions());
  return (
    <div className="smo-narrow">
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <dl className="utrecht-data-list">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t("name")}</dt>
          <dd className="utrecht-data-list__item-value">{user.name}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t("email")}</dt>
          <dd className="utrecht-data-list__item-value">{user.email}</dd>
        </div>
      </dl>
      <HydrateClient>
        <SecondFactor />
        <MailPreferences />
      </HydrateClient>
    </div>
  );
}
