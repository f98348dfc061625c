"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useGoalFormat } from "@/app/partnerships/[id]/goals/goal-form";
import type { Goal } from "./goal";

/** One row of a description list: what, and its value. */
export function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value">{children}</dd>
    </div>
  );
}

/** What the goal is: where it sits in the tree, its indicator and range, who does what. */
export function AboutGoal({ partnershipId, goal }: { partnershipId: string; goal: Goal }) {
  const t = useTranslations();
  const f = useGoalFormat();
  const link = (g: { id: string; title: string }) => (
    <Link
      href={`/partnerships/${partnershipId}/goals/${g.id}`}
      className="utrecht-link utrecht-link--html-a"
    >
      {g.title}
    </Link>
  );
  const number = (value: number) => f.value(value, goal.unit);
  const { plausibleMin: min, plausibleMax: max } = goal;
  const range =
    min !== null && max !== null
      ? t("goals.rangeBoth", { min: number(min), max: number(max) })
      : min !== null
        ? t("goals.rangeMin", { min: number(min) })
        : max !== null
          ? t("goals.rangeMax", { max: number(max) })
          : t("goals.noRange");
  return (
    <section aria-labelledby="about-heading">
      <h2 id="about-heading" className="utrecht-heading-2">
        {t("goals.about")}
      </h2>
      <dl className="utrecht-data-list">
        <Item label={t("goals.partOf")}>
          {goal.parent ? link(goal.parent) : t("goals.parentNone")}
        </Item>
        <Item label={t("goals.subGoals")}>
          {goal.children.length === 0 ? (
            t("goals.noSubGoals")
          ) : (
            <ul className="utrecht-unordered-list" style={{ marginBlock: 0 }}>
              {goal.children.map((c) => (
                <li key={c.id} className="utrecht-unordered-list__item">
                  {link(c)}
                </li>
              ))}
            </ul>
          )}
        </Item>
        <Item label={t("fields.description")}>
          {goal.description ? (
            <span style={{ whiteSpace: "pre-line" }}>{goal.description}</span>
          ) : (
            <span className="smo-muted">{t("goals.notFilled")}</span>
          )}
        </Item>
        <Item label={t("fields.indicator")}>{goal.indicator}</Item>
        <Item label={t("fields.unit")}>
          {goal.unit || <span className="smo-muted">{t("goals.noUnit")}</span>}
        </Item>
        <Item label={t("fields.direction")}>{t(`goals.direction.${goal.direction}`)}</Item>
        <Item label={t("fields.baselineValue")}>
          {t("goals.valueOn", {
            value: number(goal.baselineValue),
            date: f.day(goal.baselineDate),
          })}
        </Item>
        <Item label={t("fields.targetValue")}>
          {t("goals.valueOn", { value: number(goal.targetValue), date: f.day(goal.targetDate) })}
        </Item>
        <Item label={t("goals.plausibleRange")}>{range}</Item>
        <Item label={t("fields.effectKind")}>{t(`goals.effectKind.${goal.effectKind}`)}</Item>
        <Item label={t("fields.roles")}>
          {goal.roles.length === 0 ? (
            <span className="smo-muted">{t("goals.noRoles")}</span>
          ) : (
            <ul className="utrecht-unordered-list" style={{ marginBlock: 0 }}>
              {goal.roles.map((r) => (
                <li key={r.organisationId} className="utrecht-unordered-list__item">
                  <strong>{r.name}</strong>:{" "}
                  <span style={{ whiteSpace: "pre-line" }}>{r.role}</span>
                </li>
              ))}
            </ul>
          )}
        </Item>
      </dl>
    </section>
  );
}
