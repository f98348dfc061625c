"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDates } from "@/app/_components/dates";
import { Pagination } from "@/app/_components/pagination";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";

const PAGE_SIZE = 25;

/** The outbox, newest first, a page at a time; each mail's text folds open. */
export function Outbox() {
  const t = useTranslations("outbox");
  const tk = useTranslations("account.mail.kind");
  const ta = useTranslations("app");
  const trpc = useTRPC();
  const { moment } = useDates();
  const [page, setPage] = useState(1);
  const query = useQuery({
    ...trpc.admin.outbox.queryOptions({ page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  if (query.isPending) return <Loading label={ta("loading")} />;
  if (query.isError) return <ErrorAlert message={query.error.message} />;
  const { rows, total, smtp } = query.data;
  return (
    <>
      <p className="utrecht-paragraph">{smtp ? t("smtp") : t("noSmtp")}</p>
      {rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="smo-outbox">
          {rows.map((m) => (
            <li key={m.id}>
              <details className="smo-details">
                <summary>
                  {m.subject} — {m.toEmail}
                </summary>
                <dl className="utrecht-data-list">
                  <div className="utrecht-data-list__item">
                    <dt className="utrecht-data-list__item-key">{t("kind")}</dt>
                    <dd className="utrecht-data-list__item-value">
                      {tk.has(m.kind) ? tk(m.kind as "weekly_digest") : m.kind}
                    </dd>
                  </div>
                  <div className="utrecht-data-list__item">
                    <dt className="utrecht-data-list__item-key">{t("created")}</dt>
                    <dd className="utrecht-data-list__item-value">{moment(m.createdAt)}</dd>
                  </div>
                  <div className="utrecht-data-list__item">
                    <dt className="utrecht-data-list__item-key">{t("sent")}</dt>
                    <dd className="utrecht-data-list__item-value">
                      {m.sentAt ? moment(m.sentAt) : t("notSent")}
                      {m.lastError ? ` (${m.lastError})` : ""}
                    </dd>
                  </div>
                </dl>
                <div className="smo-heard-text">{m.body}</div>
              </details>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} onPage={setPage} />
    </>
  );
}
