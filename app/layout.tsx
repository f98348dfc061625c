import "./_components/nlds.css";
import "./_components/theme.css";
import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch, MainNav, SignOutButton } from "./_components/header-tools";
import { scopeLinks } from "./_components/scope-href";
import { currentUser } from "./_components/session";
import { TRPCReactProvider } from "./_trpc/client";
import { SecondFactor } from "./account/second-factor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: `${t("name")} — ${t("tagline")}`, template: `%s — ${t("name")}` } };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t, user] = await Promise.all([getLocale(), getTranslations(), currentUser()]);
  // An admin or analyst without the required second step sees only how to set it up.
  const pending = user?.secondFactor.pending ?? false;
  const links =
    user && !pending
      ? [
          ...(user.memberships.length > 0 || user.isAdmin
            ? [{ href: "/partnerships", label: t("nav.partnerships") }]
            : []),
          ...scopeLinks(user, (key) => t(`nav.${key}`)),
          ...(user.isAdmin ? [{ href: "/admin", label: t("nav.admin") }] : []),
        ]
      : [];
  return (
    <html lang={locale}>
      <body className="utrecht-document smo-theme">
        <NextIntlClientProvider>
          <TRPCReactProvider>
            <a className="smo-skip utrecht-skip-link" href="#main">
              {t("app.skipToContent")}
            </a>
            <header className="utrecht-page-header">
              <div className="utrecht-page-header__content smo-container smo-header">
                <Link href="/" className="smo-brand">
                  {t("app.name")}
                  <small>{t("app.tagline")}</small>
                </Link>
                <div className="smo-tools">
                  {user && (
                    <Link href="/account" className="smo-user utrecht-link utrecht-link--html-a">
                      {t("nav.signedInAs", { name: user.name })}
                    </Link>
                  )}
                  <LanguageSwitch />
                  {user && <SignOutButton />}
                </div>
              </div>
            </header>
            {links.length > 0 && <MainNav links={links} label={t("nav.label")} />}
            <main id="main" className="smo-main" tabIndex={-1}>
              <div className="smo-container utrecht-page-content">
                {pending ? (
                  <div className="smo-narrow">
                    <SecondFactor pending />
                  </div>
                ) : (
                  children
                )}
              </div>
            </main>
            <footer className="utrecht-page-footer">
              <div className="utrecht-page-footer__content smo-container">
                <p className="utrecht-paragraph">{t("app.footer")}</p>
              </div>
            </footer>
          </TRPCReactProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
