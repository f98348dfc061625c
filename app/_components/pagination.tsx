"use client";

import { useTranslations } from "next-intl";
import { pageCount } from "@/domain/paging";

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const t = useTranslations("pagination");
  const pages = pageCount(total, pageSize);
  if (total <= pageSize && page === 1) return null;
  return (
    <nav className="smo-pagination" aria-label={t("label")}>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t("previous")}
      </button>
      <span aria-live="polite">{t("status", { page, pages, total })}</span>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t("next")}
      </button>
    </nav>
  );
}
