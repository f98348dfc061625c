"use client";

/**
 * What works for a factor that scores low or fell (domain/knowledge.ts, docs/KNOWLEDGE.md),
 * folded under its name so it is there when wanted and does not crowd the page; inside a
 * partnership also what other partnerships share about it ("Wat werkt elders"), loaded when
 * the fold is opened.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorAlert, Loading } from "@/app/_components/states";
import { describeError, useTRPC } from "@/app/_trpc/client";
import { currentInstrument } from "@/domain/instrument";
import { factorKnowledge } from "@/domain/knowledge";

export function FactorKnowledge({
  factorId,
  reason,
  partnershipId,
}: {
  factorId: string;
  /** Why it is shown: the factor scores low, or fell since the session before. */
  reason: "low" | "falling";
  /** Inside a partnership: what others share about the factor is shown too. */
  partnershipId?: string;
}) {
  const t = useTranslations("knowledge");
  const locale = useLocale() as "nl" | "en";
  const [open, setOpen] = useState(false);
  const entry = factorKnowledge[factorId];
  const factor = currentInstrument.levels.flatMap((l) => l.factors).find((f) => f.id === factorId);
  if (!entry || !factor) return null;
  return (
    <details
      className="smo-details smo-knowledge"
      data-factor={factorId}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        {t("summary", { id: factorId, label: factor.label[locale] })}{" "}
        <span className="utrecht-status-badge smo-badge-at_risk">{t(reason)}</span>
      </summary>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <ul className="utrecht-unordered-list">
        {entry.works.map((w) => (
          <li key={w.nl} className="utrecht-unordered-list__item">
            {w[locale]}
          </li>
        ))}
      </ul>
      <p className="utrecht-paragraph">
        <strong>{t("ask")}</strong> {entry.ask[locale]}
      </p>
      {partnershipId && open && (
        <PracticesElsewhere partnershipId={partnershipId} factorId={factorId} />
      )}
    </details>
  );
}

/** What other partnerships share about a factor, nearest first (server/routers/practices.ts). */
function PracticesElsewhere({
  partnershipId,
  factorId,
}: {
  partnershipId: string;
  factorId: string;
}) {
  const t = useTranslations("practices");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const shared = useQuery(
    trpc.practices.elsewhere.queryOptions({ partnershipId, factorId, where: "national" }),
  );
  return (
    <section aria-labelledby={`elsewhere-${factorId}`} className="smo-elsewhere">
      <p className="utrecht-paragraph" id={`elsewhere-${factorId}`}>
        <strong>{t("elsewhereTitle")}</strong>
        <span className="smo-visually-hidden"> ({factorId})</span>
      </p>
      {shared.isPending ? (
        <Loading label={tAll("app.loading")} />
      ) : shared.isError ? (
        <ErrorAlert message={describeError(shared.error, tAll("errors.network")).message} />
      ) : shared.data.length === 0 ? (
        <p className="utrecht-paragraph">{t("elsewhereEmpty")}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t("elsewhereIntro")}</p>
          <ul className="utrecht-unordered-list">
            {shared.data.map((p) => (
              <li key={p.id} className="utrecht-unordered-list__item">
                {p.text}{" "}
                <span className="smo-muted">
                  — {p.partnershipName ?? t("unnamed")}
                  {p.form ? ` (${tAll(`enums.formShort.${p.form}`)}` : ""}
                  {p.form && p.sameMunicipality ? `, ${t("inMunicipality")}` : ""}
                  {p.form ? ")" : ""}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="utrecht-paragraph">
        <Link
          href={`/partnerships/${partnershipId}/practices`}
          className="utrecht-link utrecht-link--html-a"
        >
          {t("title")}
        </Link>
      </p>
    </section>
  );
}
