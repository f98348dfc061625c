"use client";

/**
 * One goal: what it is, its curve against the expected path (with the table beside it), its
 * measurements (kept by coordinators), the leaders' verdicts, and its history.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { GoalChart } from "@/app/_components/charts";
import { DataTable } from "@/app/_components/data-table";
import { type FieldSpec, ModelForm, useEditedVersion } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { RemoveButton, type RunAction, useNotice } from "@/app/_components/notice";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { GoalStatusBadge } from "@/app/_components/status";
import { describeError, useTRPC } from "@/app/_trpc/client";
import {
  goalInputFrom,
  type Partner,
  saveGoal,
  useGoalFields,
  useGoalFormat,
} from "@/app/partnerships/[id]/goals/goal-form";
import { goalVerdicts } from "@/domain/vocabulary";
import type { AppRouter } from "@/server/root";

type Outputs = inferRouterOutputs<AppRouter>["goals"];
type Goal = Outputs["get"];
type Measurement = Goal["measurements"][number];
type HistoryEntry = Outputs["history"][number];

/** After any change, the goals' queries are fetched again. */
function useInvalidateGoals() {
  return useInvalidate((trpc) => trpc.goals.pathFilter());
}

export function GoalDetail({
  partnershipId,
  goalId,
  canKeep,
  canReview,
  partners,
}: {
  partnershipId: string;
  goalId: string;
  canKeep: boolean;
  canReview: boolean;
  partners: Partner[];
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const query = useQuery(trpc.goals.get.queryOptions({ partnershipId, goalId }));
  if (query.isPending) return <Loading label={t("app.loading")} />;
  if (query.isError) return <ErrorAlert message={query.error.message} />;
  const goal = query.data;
  return (
    <>
      <h1 className="utrecht-heading-1">{goal.title}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {goal.parent ? (
          <>
            {t("goals.intermediateGoal")} · {t("goals.partOf")}:{" "}
            <Link
              href={`/partnerships/${partnershipId}/goals/${goal.parent.id}`}
              className="utrecht-link utrecht-link--html-a"
            >
              {goal.parent.title}
            </Link>
          </>
        ) : (
          t("goals.impactGoal")
        )}{" "}
        · <GoalStatusBadge status={goal.status} />
      </p>
      <AboutGoal partnershipId={partnershipId} goal={goal} />
      <GoalProgress goal={goal} />
      {canKeep && <KeepMeasurements partnershipId={partnershipId} goal={goal} />}
      <Reviews partnershipId={partnershipId} goal={goal} canReview={canReview} />
      {canKeep && <ManageGoal partnershipId={partnershipId} goal={goal} partners={partners} />}
      <History partnershipId={partnershipId} goal={goal} />
    </>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value">{children}</dd>
    </div>
  );
}

function AboutGoal({ partnershipId, goal }: { partnershipId: string; goal: Goal }) {
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

function GoalProgress({ goal }: { goal: Goal }) {
  const t = useTranslations();
  const f = useGoalFormat();
  const number = (value: number, digits?: number) => f.value(value, goal.unit, digits);
  const forecast =
    goal.forecastAtTarget === null ? null : { date: goal.targetDate, value: goal.forecastAtTarget };
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading" className="utrecht-heading-2">
        {t("goals.progress")}
      </h2>
      <dl className="utrecht-data-list">
        <Item label={t("goals.status")}>
          <GoalStatusBadge status={goal.status} />
        </Item>
        <Item label={t("goals.progress")}>{f.percent(goal.progress)}</Item>
        <Item label={t("goals.latestValue")}>
          {goal.latestValue === null || goal.latestOn === null
            ? t("goals.noMeasurementYet")
            : t("goals.valueOn", { value: number(goal.latestValue), date: f.day(goal.latestOn) })}
        </Item>
      </dl>
      <p className="utrecht-paragraph">
        {t("goals.chartText", {
          baseline: number(goal.baselineValue),
          baselineDate: f.day(goal.baselineDate),
          target: number(goal.targetValue),
          targetDate: f.day(goal.targetDate),
        })}
        {forecast &&
          ` ${t("goals.forecastText", { date: f.day(forecast.date), value: number(forecast.value, 1) })}`}
      </p>
      <GoalChart
        measurements={goal.measurements.map((m) => ({ date: m.measuredOn, value: m.value }))}
        baseline={{ date: goal.baselineDate, value: goal.baselineValue }}
        target={{ date: goal.targetDate, value: goal.targetValue }}
        forecast={forecast}
        tolerance={0.1 * Math.abs(goal.targetValue - goal.baselineValue)}
        labels={{
          measured: t("goals.chart.measured"),
          expected: t("goals.chart.expected"),
          band: t("goals.chart.band"),
          forecast: t("goals.chart.forecast"),
        }}
      />
      <details className="smo-details">
        <summary>{t("goals.tableSummary")}</summary>
        {goal.measurements.length === 0 ? (
          <EmptyState>{t("goals.noMeasurements")}</EmptyState>
        ) : (
          <DataTable
            caption={t("goals.tableCaption", { title: goal.title })}
            rows={goal.measurements}
            rowKey={(m) => m.id}
            columns={[
              { header: t("goals.date"), cell: (m) => f.day(m.measuredOn) },
              { header: t("fields.value"), cell: (m) => number(m.value), numeric: true },
              {
                header: t("fields.note"),
                cell: (m) => <span style={{ whiteSpace: "pre-line" }}>{m.note}</span>,
              },
              {
                header: t("goals.recordedBy"),
                cell: (m) => m.recordedByName ?? t("goals.unknownPerson"),
              },
            ]}
          />
        )}
      </details>
    </section>
  );
}

/* ------------------------------------------------------------------ measurements */

type MeasurementValues = {
  value: number;
  measuredOn: string;
  note: string;
  confirmOutOfRange: boolean;
};

/**
 * A measurement's fields. When the server refuses a value outside the plausible range, a
 * checkbox appears to confirm it, so that saving again keeps the value.
 */
function MeasurementForm({
  goal,
  measurement,
  submitLabel,
  successMessage,
  resetOnSuccess,
  onSave,
  children,
}: {
  goal: Goal;
  measurement?: Measurement;
  submitLabel: string;
  successMessage: string;
  resetOnSuccess?: boolean;
  /** `requestId`: the form's client request id (a retried add makes one measurement). */
  onSave: (values: MeasurementValues, requestId: string) => Promise<unknown>;
  children?: React.ReactNode;
}) {
  const t = useTranslations();
  const [askConfirm, setAskConfirm] = useState(false);
  const outOfRange = (value: number) =>
    (goal.plausibleMin !== null && value < goal.plausibleMin) ||
    (goal.plausibleMax !== null && value > goal.plausibleMax);
  const fields: FieldSpec[] = [
    {
      name: "value",
      kind: "number",
      label: goal.unit ? `${t("fields.value")} (${goal.unit})` : t("fields.value"),
      hint: t("goals.hints.number"),
      defaultValue: measurement?.value,
      required: true,
    },
    ...(askConfirm
      ? [
          {
            name: "confirmOutOfRange",
            kind: "checkbox",
            label: t("fields.confirmOutOfRange"),
          } satisfies FieldSpec,
        ]
      : []),
    {
      name: "measuredOn",
      kind: "date",
      label: t("fields.measuredOn"),
      defaultValue: measurement?.measuredOn,
      required: true,
    },
    { name: "note", kind: "textarea", label: t("fields.note"), defaultValue: measurement?.note },
  ];
  return (
    <ModelForm
      submitLabel={submitLabel}
      successMessage={successMessage}
      resetOnSuccess={resetOnSuccess}
      fields={fields}
      onSubmit={async (v, requestId) => {
        const value = v.value as number;
        try {
          await onSave(
            {
              value,
              measuredOn: String(v.measuredOn ?? ""),
              note: String(v.note ?? ""),
              confirmOutOfRange: v.confirmOutOfRange === true,
            },
            requestId,
          );
          setAskConfirm(false);
        } catch (error) {
          if (
            describeError(error).fieldErrors.value &&
            typeof value === "number" &&
            outOfRange(value)
          )
            setAskConfirm(true);
          throw error;
        }
      }}
    >
      {children}
    </ModelForm>
  );
}

function KeepMeasurements({ partnershipId, goal }: { partnershipId: string; goal: Goal }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const invalidate = useInvalidateGoals();
  const add = useMutation(trpc.goals.addMeasurement.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  const newestFirst = [...goal.measurements].reverse();
  return (
    <section aria-labelledby="measurements-heading">
      <h2 id="measurements-heading" className="utrecht-heading-2">
        {t("goals.measurements")}
      </h2>
      <h3 className="utrecht-heading-3">{t("goals.addMeasurement")}</h3>
      <MeasurementForm
        goal={goal}
        submitLabel={t("goals.addMeasurement")}
        successMessage={t("goals.measurementAdded")}
        resetOnSuccess
        onSave={(values, clientRequestId) =>
          add.mutateAsync({ partnershipId, goalId: goal.id, clientRequestId, ...values })
        }
      />
      {newestFirst.length > 0 && (
        <>
          <h3 className="utrecht-heading-3">{t("goals.recorded")}</h3>
          {notice.view}
          <ul className="utrecht-unordered-list">
            {newestFirst.map((m) => (
              <MeasurementRow
                key={m.id}
                partnershipId={partnershipId}
                goal={goal}
                m={m}
                run={notice.run}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function MeasurementRow({
  partnershipId,
  goal,
  m,
  run,
}: {
  partnershipId: string;
  goal: Goal;
  m: Measurement;
  run: RunAction;
}) {
  const t = useTranslations();
  const f = useGoalFormat();
  const trpc = useTRPC();
  const invalidate = useInvalidateGoals();
  const update = useMutation(
    trpc.goals.updateMeasurement.mutationOptions({ onSuccess: invalidate }),
  );
  const remove = useMutation(
    trpc.goals.deleteMeasurement.mutationOptions({ onSuccess: invalidate }),
  );
  const [version, setVersion] = useEditedVersion(m.version);
  const date = f.day(m.measuredOn);
  return (
    <li className="utrecht-unordered-list__item">
      {date}: {f.value(m.value, goal.unit)}
      <details className="smo-details">
        <summary>{t("goals.editMeasurement", { date })}</summary>
        <MeasurementForm
          goal={goal}
          measurement={m}
          submitLabel={t("app.save")}
          successMessage={t("goals.measurementSaved")}
          onSave={async (values) => {
            const saved = await update.mutateAsync({ partnershipId, id: m.id, version, ...values });
            setVersion(saved.version);
          }}
        >
          <RemoveButton
            name={t("goals.measurementName", { date })}
            onConfirm={() =>
              void run(
                () => remove.mutateAsync({ partnershipId, id: m.id, version }),
                t("goals.measurementRemoved"),
              )
            }
          />
        </MeasurementForm>
      </details>
    </li>
  );
}

/* ------------------------------------------------------------------ reviews */

function Reviews({
  partnershipId,
  goal,
  canReview,
}: {
  partnershipId: string;
  goal: Goal;
  canReview: boolean;
}) {
  const t = useTranslations();
  const f = useGoalFormat();
  const trpc = useTRPC();
  const invalidate = useInvalidateGoals();
  const review = useMutation(trpc.goals.review.mutationOptions({ onSuccess: invalidate }));
  return (
    <section aria-labelledby="reviews-heading">
      <h2 id="reviews-heading" className="utrecht-heading-2">
        {t("goals.reviews")}
      </h2>
      {goal.reviews.length === 0 ? (
        <EmptyState>{t("goals.noReviews")}</EmptyState>
      ) : (
        <DataTable
          caption={t("goals.reviewsCaption", { title: goal.title })}
          rows={goal.reviews}
          rowKey={(r) => r.id}
          columns={[
            { header: t("goals.date"), cell: (r) => f.moment(r.reviewedAt) },
            { header: t("fields.verdict"), cell: (r) => t(`goals.verdict.${r.verdict}`) },
            {
              header: t("fields.comment"),
              cell: (r) => <span style={{ whiteSpace: "pre-line" }}>{r.comment}</span>,
            },
            {
              header: t("goals.reviewer"),
              cell: (r) => r.reviewerName ?? t("goals.unknownPerson"),
            },
          ]}
        />
      )}
      {canReview && (
        <>
          <h3 className="utrecht-heading-3">{t("goals.review")}</h3>
          <p className="utrecht-paragraph">{t("goals.reviewIntro")}</p>
          <ModelForm
            submitLabel={t("goals.reviewSubmit")}
            successMessage={t("goals.reviewSaved")}
            resetOnSuccess
            fields={[
              {
                name: "verdict",
                kind: "select",
                label: t("fields.verdict"),
                required: true,
                options: goalVerdicts.map((v) => ({ value: v, label: t(`goals.verdict.${v}`) })),
              },
              { name: "comment", kind: "textarea", label: t("fields.comment") },
            ]}
            onSubmit={(v) =>
              review.mutateAsync({
                partnershipId,
                goalId: goal.id,
                verdict: v.verdict as (typeof goalVerdicts)[number],
                comment: String(v.comment ?? ""),
              })
            }
          />
        </>
      )}
    </section>
  );
}

/* ------------------------------------------------------------------ changing the goal */

function ManageGoal({
  partnershipId,
  goal,
  partners,
}: {
  partnershipId: string;
  goal: Goal;
  partners: Partner[];
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidateGoals();
  // The goal is gone: mark the goals stale without fetching this one again.
  const forget = useInvalidate((trpc) => ({ ...trpc.goals.pathFilter(), refetchType: "none" }));
  const goals = useQuery(trpc.goals.list.queryOptions({ partnershipId }));
  const update = useMutation(trpc.goals.update.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(
    trpc.goals.delete.mutationOptions({
      onSuccess: async () => {
        await forget();
        router.push(`/partnerships/${partnershipId}/goals`);
      },
    }),
  );
  const notice = useNotice();
  // The version the edit form was opened with, also the one a removal refers to.
  const [version, setVersion] = useEditedVersion(goal.version);
  const fields = useGoalFields({ goals: goals.data ?? [], partners, goal });
  const partnerIds = new Set(partners.map((p) => p.organisationId));
  const lostRoles = goal.roles.some((r) => !partnerIds.has(r.organisationId));
  return (
    <section aria-labelledby="manage-heading">
      <h2 id="manage-heading" className="utrecht-heading-2">
        {t("goals.manage")}
      </h2>
      <details className="smo-details">
        <summary>{t("goals.editGoal")}</summary>
        {goals.isPending ? (
          <Loading label={t("app.loading")} />
        ) : goals.isError ? (
          // Without the goals the parent cannot be offered, and saving would drop it.
          <ErrorAlert message={goals.error.message} />
        ) : (
          <>
            {lostRoles && <p className="utrecht-paragraph">{t("goals.rolesOfRemoved")}</p>}
            <ModelForm
              submitLabel={t("app.save")}
              successMessage={t("goals.goalSaved")}
              fields={fields}
              onSubmit={async (v) => {
                const input = goalInputFrom(v, partners);
                const saved = await saveGoal(input.roles, () =>
                  update.mutateAsync({ partnershipId, goalId: goal.id, version, ...input }),
                );
                setVersion(saved.version);
              }}
            />
          </>
        )}
      </details>
      <h3 className="utrecht-heading-3">{t("goals.deleteGoal")}</h3>
      <p className="utrecht-paragraph">{t("goals.deleteHint")}</p>
      {notice.view}
      <div className="utrecht-button-group">
        <RemoveButton
          name={goal.title}
          onConfirm={() =>
            void notice.run(
              () => remove.mutateAsync({ partnershipId, goalId: goal.id, version }),
              t("goals.goalDeleted"),
            )
          }
        />
      </div>
    </section>
  );
}

/* ------------------------------------------------------------------ history */

/** The goal's fields as the history names them, in the order of the form. */
const trackedFields = [
  "parentId",
  "title",
  "description",
  "indicator",
  "unit",
  "direction",
  "baselineValue",
  "baselineDate",
  "targetValue",
  "targetDate",
  "plausibleMin",
  "plausibleMax",
  "effectKind",
  "roles",
] as const;

type Json = Record<string, unknown> | null;

/** A comparable form of one field of an audit snapshot (roles by organisation and text). */
function snapshotValue(row: Json, field: (typeof trackedFields)[number]): string {
  const value = row?.[field] ?? null;
  if (field === "roles" && Array.isArray(value)) {
    return value
      .map((r: { organisationId?: unknown; role?: unknown }) => `${r.organisationId}=${r.role}`)
      .sort()
      .join("\n");
  }
  return JSON.stringify(value);
}

function History({ partnershipId, goal }: { partnershipId: string; goal: Goal }) {
  const t = useTranslations();
  const f = useGoalFormat();
  const trpc = useTRPC();
  const history = useQuery(trpc.goals.history.queryOptions({ partnershipId, goalId: goal.id }));

  function whatHappened(e: HistoryEntry): string {
    const key = `goals.action.${e.entity}.${e.action}`;
    const what = t.has(key) ? t(key) : t("goals.action.other");
    const before = e.before as Json;
    const after = e.after as Json;
    if (e.entity === "goal" && e.action === "update") {
      const changed = trackedFields.filter(
        (field) => snapshotValue(before, field) !== snapshotValue(after, field),
      );
      if (changed.length === 0) return what;
      return t("goals.changed", {
        what,
        fields: changed.map((field) => t(`fields.${field}`)).join(", "),
      });
    }
    if (e.entity === "goal_measurement") {
      const row = e.action === "delete" ? before : after;
      const value = row?.value;
      const date = row?.measuredOn;
      if (typeof value === "number" && typeof date === "string") {
        return t("goals.measurementChange", {
          what,
          detail: t("goals.valueOn", { value: f.value(value, goal.unit), date: f.day(date) }),
        });
      }
    }
    return what;
  }

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" className="utrecht-heading-2">
        {t("goals.history")}
      </h2>
      {history.isPending ? (
        <Loading label={t("app.loading")} />
      ) : history.isError ? (
        <ErrorAlert message={history.error.message} />
      ) : history.data.length === 0 ? (
        <EmptyState>{t("goals.noHistory")}</EmptyState>
      ) : (
        <DataTable
          caption={t("goals.historyCaption", { title: goal.title })}
          rows={history.data}
          rowKey={(e) => String(e.id)}
          columns={[
            { header: t("goals.when"), cell: (e) => f.moment(e.at) },
            { header: t("goals.who"), cell: (e) => e.actorName ?? t("goals.unknownPerson") },
            { header: t("goals.what"), cell: (e) => whatHappened(e) },
          ]}
        />
      )}
    </section>
  );
}
