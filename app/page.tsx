import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { widestScope } from "@/domain/permissions";
import { scopeHref } from "./_components/scope-href";
import { currentUser } from "./_components/session";
import { serverCaller } from "./_trpc/server";

/** Home sends each person where they work. */
export default async function HomePage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.secondFactor.pending) redirect("/account");
  if (user.isAdmin) redirect("/admin");
  // Invitations wait on the partnership list, where they can be answered.
  const invitations = await (await serverCaller()).me.invitations();
  if (invitations.length > 0) redirect("/partnerships");
  const [only] = user.memberships;
  if (only && user.memberships.length === 1 && user.municipalities.length === 0) {
    redirect(`/partnerships/${only.partnershipId}`);
  }
  if (user.memberships.length > 0) redirect("/partnerships");
  // An analyst lands on the widest scope they hold.
  const widest = widestScope({
    admin: false,
    national: user.isNationalAnalyst,
    regionIds: user.regions.map((r) => r.regionId),
    municipalityIds: user.municipalities.map((m) => m.municipalityId),
  });
  if (widest) redirect(scopeHref(widest));
  const t = await getTranslations("home");
  return (
    <>
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("noAccess")}</p>
    </>
  );
}
