import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { scopeLinks } from "@/app/_components/scope-href";
import { currentUser } from "@/app/_components/session";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { PAGE_SIZE } from "@/domain/paging";
import { MyInvitations } from "./invitations";
import { PartnershipTable } from "./partnership-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("partnerships"))("title") };
}

export default async function PartnershipsPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const t = await getTranslations("partnerships");
  await prefetch(
    trpc.partnerships.list.queryOptions({ page: 1, pageSize: PAGE_SIZE }),
    trpc.me.invitations.queryOptions(),
  );
  const roles = Object.fromEntries(user.memberships.map((m) => [m.partnershipId, m.role]));
  // An analyst who is no member reads partnerships from their scope's dashboard: say where.
  const nav = await getTranslations("nav");
  const scopes = user.memberships.length > 0 || user.isAdmin ? [] : scopeLinks(user, nav);
  return (
    <>
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      {scopes.length > 0 ? (
        <>
          <p className="utrecht-paragraph">{t("introAnalyst")}</p>
          <ul className="utrecht-unordered-list">
            {scopes.map((s) => (
              <li key={s.href} className="utrecht-unordered-list__item">
                <Link href={s.href} className="utrecht-link utrecht-link--html-a">
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="utrecht-paragraph">{user.isAdmin ? t("introAdmin") : t("intro")}</p>
      )}
      {user.isAdmin && (
        <p className="utrecht-paragraph">
          <Link
            href="/partnerships/new"
            className="utrecht-button utrecht-button--primary-action"
            style={{ textDecoration: "none" }}
          >
            {t("new")}
          </Link>
        </p>
      )}
      <HydrateClient>
        <MyInvitations />
        <PartnershipTable roles={roles} isAdmin={user.isAdmin} />
      </HydrateClient>
    </>
  );
}
