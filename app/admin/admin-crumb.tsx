import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function AdminCrumb() {
  const t = await getTranslations("admin");
  return (
    <p className="smo-breadcrumb">
      <Link href="/admin" className="utrecht-link utrecht-link--html-a">
        {t("title")}
      </Link>
    </p>
  );
}
