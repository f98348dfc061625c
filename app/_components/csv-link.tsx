/**
 * "Download als CSV": an ordinary link to a route handler that answers the file (csv-route.ts),
 * under the table it downloads, never inside it; the table's name is in the link's accessible
 * name, so several on one page stay apart. Not on paper. Works in server and client components.
 */
import { useTranslations } from "next-intl";

export function CsvLink({ href, table }: { href: string; table: string }) {
  const t = useTranslations("csv");
  return (
    <p className="utrecht-paragraph smo-csv-link smo-no-print">
      <a href={href} className="utrecht-link utrecht-link--html-a">
        {t("download")} <span className="smo-visually-hidden">({table})</span>
      </a>
    </p>
  );
}
