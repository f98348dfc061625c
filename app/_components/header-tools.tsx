"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { setLocale } from "./locale-action";

export function LanguageSwitch() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const other = locale === "nl" ? "en" : "nl";
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" className="smo-linklike" lang={other} aria-label={t("switchToLabel")}>
        {t("switchTo")}
      </button>
    </form>
  );
}

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button
      type="button"
      className="smo-linklike"
      onClick={() => signOut({ callbackUrl: "/login" })}
    >
      {t("signOut")}
    </button>
  );
}

export function MainNav({
  links,
  label,
}: {
  links: { href: string; label: string }[];
  label: string;
}) {
  const pathname = usePathname();
  // The parent's and young person's form is their own page: no menu of the signed-in.
  if (pathname.startsWith("/stem/") || pathname.startsWith("/ronde/")) return null;
  return (
    <nav className="smo-nav" aria-label={label}>
      <ul>
        {links.map((l) => {
          const current = pathname === l.href || pathname.startsWith(`${l.href}/`);
          return (
            <li key={l.href}>
              <Link href={l.href} aria-current={current ? "page" : undefined}>
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
