import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <>
      <h1 className="utrecht-heading-1">{t("pageNotFound")}</h1>
      <p className="utrecht-paragraph">{t("pageNotFoundText")}</p>
      <p className="utrecht-paragraph">
        <Link href="/" className="utrecht-link utrecht-link--html-a">
          {t("toHome")}
        </Link>
      </p>
    </>
  );
}
