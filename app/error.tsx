"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <>
      <h1 className="utrecht-heading-1">{t("pageError")}</h1>
      <p className="utrecht-paragraph">{t("pageErrorText")}</p>
      <button
        type="button"
        className="utrecht-button utrecht-button--primary-action"
        onClick={reset}
      >
        {t("retry")}
      </button>
    </>
  );
}
