import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * A page of the partnership that its municipality does not get to see (sessions hold each
 * participant's own scores): said plainly, with the way back to what is shared.
 */
export async function NotShared({
  partnershipId,
  title,
}: {
  partnershipId: string;
  title: string;
}) {
  const t = await getTranslations("partnerships");
  return (
    <>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">{t("sessionsNotShared")}</p>
      <p className="utrecht-paragraph">
        <Link href={`/partnerships/${partnershipId}`} className="utrecht-link utrecht-link--html-a">
          {t("toShared")}
        </Link>
      </p>
    </>
  );
}
