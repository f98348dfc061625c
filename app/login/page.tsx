import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/app/_components/session";
import { env } from "@/env";
import { LoginForm } from "./login-form";
import { returnPath } from "./return-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  if (await currentUser()) redirect(returnPath(params.callbackUrl));
  const t = await getTranslations("login");
  return (
    <div className="smo-narrow">
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <LoginForm
        callbackUrl={returnPath(params.callbackUrl)}
        // Organisation sign-in, when configured (server/oidc.ts); its refusals come back as ?error.
        organisation={env.OIDC_ISSUER ? (env.OIDC_NAME ?? t("oidcDefaultName")) : null}
        failed={typeof params.error === "string" && params.error !== "" ? params.error : null}
      />
    </div>
  );
}
