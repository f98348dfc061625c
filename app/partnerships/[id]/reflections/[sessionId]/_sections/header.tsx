"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useDates } from "@/app/_components/dates";
import { InstrumentLine } from "@/app/_components/instrument-line";
import { HeldOn } from "./held-on";
import type { SectionProps } from "./session";

/**
 * The session's date (held today or changed here) and state, who signed it off, the report,
 * and its reopenings.
 */
export function SessionHeader(section: SectionProps) {
  const { session: s, ids } = section;
  const t = useTranslations("reflections");
  const dates = useDates();
  const date = dates.day;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("sessionTitle", { date: date(s.heldOn) })}</h1>
      <p className="utrecht-paragraph">
        <span className={`utrecht-status-badge smo-session-${s.status}`}>
          {t(`status.${s.status}`)}
        </span>{" "}
        {s.status === "signed_off" &&
          s.signedOffByName &&
          s.signedOffAt &&
          t("signedOffBy", {
            name: s.signedOffByName,
            date: dates.moment(new Date(s.signedOffAt), "day"),
          })}{" "}
        <Link
          href={`/partnerships/${ids.partnershipId}/reflections/${ids.sessionId}/report`}
          className="utrecht-link utrecht-link--html-a"
        >
          {t("report")}
        </Link>
      </p>
      <InstrumentLine version={s.instrumentVersion} />
      <HeldOn {...section} />
      {s.status === "signed_off" && (
        <p className="utrecht-paragraph smo-muted">{t("lockedNote")}</p>
      )}
      {s.history.some((h) => h.action === "reopen") && (
        <details className="smo-details">
          <summary>{t("historyTitle")}</summary>
          <ul className="utrecht-unordered-list">
            {s.history.map((h) => (
              <li key={`${h.action}-${String(h.at)}`} className="utrecht-unordered-list__item">
                {t(h.action === "reopen" ? "historyReopen" : "historySignOff", {
                  name: h.actorName ?? "–",
                  date: dates.moment(new Date(h.at)),
                  reason: h.reason ?? "",
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
