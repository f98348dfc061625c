import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SubNav } from "@/app/_components/sub-nav";
import { loadPartnership } from "./partnership";

/** Every page of a partnership: its name and the partnership's own navigation. */
export default async function PartnershipLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const partnership = await loadPartnership(id);
  const [t, tn] = await Promise.all([getTranslations("partnerships"), getTranslations("nav")]);
  const { can } = partnership;
  const base = `/partnerships/${id}`;
  return (
    <>
      <p className="smo-breadcrumb smo-no-print">
        {/* A municipality's analyst came from the municipality's dashboard, not a member's list. */}
        {partnership.myRole === "analyst" ? (
          <Link
            href={`/municipalities/${partnership.municipality.id}`}
            className="utrecht-link utrecht-link--html-a"
          >
            {`${tn("municipality")} ${partnership.municipality.name}`}
          </Link>
        ) : (
          <Link href="/partnerships" className="utrecht-link utrecht-link--html-a">
            {t("title")}
          </Link>
        )}
        {" › "}
        <Link href={base} className="utrecht-link utrecht-link--html-a">
          {partnership.name}
        </Link>
      </p>
      <SubNav
        label={t("subnav", { name: partnership.name })}
        links={[
          { href: base, label: t("overview"), exact: true },
          { href: `${base}/goals`, label: t("goals") },
          // Only the pages this person can open (domain/permissions.ts).
          ...(can.readSessions ? [{ href: `${base}/reflections`, label: t("reflections") }] : []),
          ...(can.readSessions ? [{ href: `${base}/practices`, label: t("practices") }] : []),
          ...(can.openCases ? [{ href: `${base}/cases`, label: t("cases") }] : []),
          ...(can.managePartnership ? [{ href: `${base}/settings`, label: t("settings") }] : []),
          ...(can.restoreRemoved ? [{ href: `${base}/removed`, label: t("removed") }] : []),
          ...(can.readAudit ? [{ href: `${base}/audit`, label: t("audit") }] : []),
        ]}
      />
      {children}
    </>
  );
}
