import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminCrumb } from "@/app/admin/admin-crumb";
import { TransferImport } from "./transfer-import";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transfer"))("title") };
}

/** Moving a partnership: the import here, the export on each partnership's settings page. */
export default async function TransferPage() {
  const t = await getTranslations("transfer");
  return (
    <>
      <AdminCrumb />
      <h1 className="utrecht-heading-1">{t("title")}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <h2 className="utrecht-heading-2">{t("exportTitle")}</h2>
      <p className="utrecht-paragraph">{t("exportWhere")}</p>
      <TransferImport />
    </>
  );
}
