"use client";

import { useTranslations } from "next-intl";
import { useDates } from "@/app/_components/dates";
import { ageBandBounds } from "@/domain/vocabulary";
import type { Case } from "./case";

/** Who the case is about, pseudonymously: age band, school, domains, plan, who works on it. */
export function Summary({ c }: { c: Case }) {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const date = useDates().day;
  const yesNo = (yes: boolean) => (yes ? t("yes") : t("no"));
  const rows: [string, React.ReactNode][] = [
    [tf("ageBand"), t("ageBandValue", ageBandBounds(c.ageBand))],
    [tf("schoolType"), t(`schoolType.${c.schoolType}`)],
    [tf("problemDomains"), c.problemDomains.map((d) => t(`domain.${d}`)).join(", ") || "–"],
    [t("opened"), `${date(c.openedOn)}${c.closedOn ? ` – ${date(c.closedOn)}` : ""}`],
    [
      tf("jointPlan"),
      c.jointPlan
        ? c.jointPlanSince
          ? t("jointPlanSince", { date: date(c.jointPlanSince) })
          : yesNo(true)
        : yesNo(false),
    ],
    [
      tf("checkInEveryWeeks"),
      c.checkInEveryWeeks === null
        ? t("noRhythm")
        : `${t("everyWeeks", { weeks: c.checkInEveryWeeks })}${
            c.nextCheckIn
              ? ` — ${t(c.nextCheckIn.overdue ? "checkInOverdue" : "checkInDue", { date: date(c.nextCheckIn.dueOn) })}`
              : ""
          }`,
    ],
    [t("assigned"), c.assignments.map((a) => a.name).join(", ") || "–"],
    [tf("internalReference"), c.internalReference || "–"],
  ];
  if (c.closedOn && c.ending) {
    // The whole outcome set asked on closing, "not known" where it was not given.
    const known = (v: React.ReactNode | null | undefined) => v ?? t("notKnown");
    rows.push(
      [tf("ending"), t(`ending.${c.ending}`)],
      [
        tf("continuesWithoutHelp"),
        known(c.continuesWithoutHelp === null ? null : yesNo(c.continuesWithoutHelp)),
      ],
      [tf("goalsRealised"), known(c.goalsRealised && t(`realised.${c.goalsRealised}`))],
      [
        tf("satisfactionParent"),
        known(c.satisfactionParent && t(`satisfaction.${c.satisfactionParent}`)),
      ],
      [
        tf("satisfactionYoungPerson"),
        known(c.satisfactionYoungPerson && t(`satisfaction.${c.satisfactionYoungPerson}`)),
      ],
    );
  }
  return (
    <dl className="utrecht-data-list">
      {rows.map(([k, v]) => (
        <div key={k} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{k}</dt>
          <dd className="utrecht-data-list__item-value">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What needs attention: no progress, disagreement, answers still to come through a link. */
export function Signals({ c }: { c: Case }) {
  const t = useTranslations("cases");
  if (!c.signals.noProgress && !c.signals.disagreement && c.pendingVoices.length === 0) return null;
  return (
    <div className="utrecht-alert utrecht-alert--warning">
      <div className="utrecht-alert__content">
        <ul className="utrecht-unordered-list">
          {c.signals.noProgress && (
            <li className="utrecht-unordered-list__item">{t("signalNoProgress")}</li>
          )}
          {c.signals.disagreement && (
            <li className="utrecht-unordered-list__item">{t("signalDisagreement")}</li>
          )}
          {c.pendingVoices.map((v, i) => (
            <li key={i} className="utrecht-unordered-list__item">
              {t("pendingVoice", { who: t(`perspective.${v.perspective}`) })}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A closed case says so first: when, how it ended, and that nothing more is added. */
export function ClosedNote({ c }: { c: Case }) {
  const t = useTranslations("cases");
  const date = useDates().day;
  return (
    <div className="utrecht-alert utrecht-alert--info" role="status">
      <div className="utrecht-alert__content">
        <p className="utrecht-paragraph">
          {t("closedNote", {
            date: date(c.closedOn ?? ""),
            ending: c.ending ? t(`ending.${c.ending}`) : "–",
          })}
        </p>
      </div>
    </div>
  );
}
