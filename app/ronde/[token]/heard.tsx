"use client";

/** "Wij hoorden, wij doen" on the link page: what the partnership heard and will do; printable. */
import { useTranslations } from "next-intl";
import { useDates } from "@/app/_components/dates";

export function Heard({ heard }: { heard: { text: string; publishedAt: Date } | null }) {
  const t = useTranslations("roundLink");
  const { moment } = useDates();
  if (!heard) return <p className="utrecht-paragraph smo-no-print">{t("heardLater")}</p>;
  return (
    <section aria-labelledby="heard-heading" className="smo-heard">
      <h2 id="heard-heading" className="utrecht-heading-2">
        {t("heardTitle")}
      </h2>
      <p className="utrecht-paragraph smo-muted">
        {t("heardAt", { at: moment(heard.publishedAt, "day") })}
      </p>
      <div className="smo-heard-text">{heard.text}</div>
      <div className="utrecht-button-group smo-no-print">
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => window.print()}
        >
          {t("print")}
        </button>
      </div>
    </section>
  );
}
