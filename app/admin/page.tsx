import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { loadOr404 } from "@/app/_components/guard";
import { serverCaller } from "@/app/_trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  const counts = await loadOr404(async () => (await serverCaller()).admin.counts());
  const t = await getTranslations("admin");
  const cards = [
    { href: "/partnerships", label: t("partnerships"), n: counts.partnerships },
    { href: "/admin/municipalities", label: t("municipalities"), n: counts.municipalities },
    { href: "/admin/organisations", label: t("organisations"), n: counts.organisations },
    { href: "/admin/users", label: t("users"), n: counts.users },
  ];
  const [ta, te, ts, tt, to] = await Promise.all([
    getTranslations("audit"),
    getTranslations("erasure"),
    getTranslations("signIn"),
    getTranslations("transfer"),
    getTranslations("outbox"),
  ]);
  const tools = [
    { href: "/admin/audit", label: ta("title") },
    { href: "/admin/erasure", label: te("title") },
    { href: "/admin/sign-in", label: ts("title") },
    { href: "/admin/transfer", label: tt("title") },
    { href: "/admin/outbox", label: to("title") },
  ];
  return (
    <>
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <ul className="smo-cards">
        {cards.map((c) => (
          <li key={c.href} className="smo-card">
            <span className="smo-card__number">{c.n}</span>
            <Link href={c.href} className="utrecht-link utrecht-link--html-a">
              {c.label}
            </Link>
          </li>
        ))}
      </ul>
      <ul className="utrecht-unordered-list">
        {tools.map((tool) => (
          <li key={tool.href} className="utrecht-unordered-list__item">
            <Link href={tool.href} className="utrecht-link utrecht-link--html-a">
              {tool.label}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
