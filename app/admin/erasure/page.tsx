import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminCrumb } from "@/app/admin/admin-crumb";
import { EraseCase } from "@/app/admin/erasure";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("erasure"))("title") };
}

/** Erasing a case (an account is erased from its own page). */
export default async function ErasurePage() {
  const t = await getTranslations("erasure");
  return (
    <>
      <AdminCrumb />
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <EraseCase />
    </>
  );
}
