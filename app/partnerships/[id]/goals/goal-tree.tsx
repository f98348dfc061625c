"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CsvLink } from "@/app/_components/csv-link";
import { EditableList } from "@/app/_components/editable-list";
import { ModelForm } from "@/app/_components/form";
import { useNotice } from "@/app/_components/notice";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { GoalStatusBadge } from "@/app/_components/status";
import { useTRPC } from "@/app/_trpc/client";
import { goalStatuses } from "@/domain/vocabulary";
import type { AppRouter } from "@/server/root";
import {
  type GoalFormValues,
  goalInputFrom,
  type Partner,
  saveGoal,
  treeOrder,
  useGoalFields,
  useGoalFormat,
  useInvalidateGoals,
} from "./goal-form";

type ListedGoal = inferRouterOutputs<AppRouter>["goals"]["list"][number];

/** The partnership's goals: a count per status, the tree, and (for coordinators) a new goal. */
export function GoalsOverview({
  partnershipId,
  canKeep,
  partners,
}: {
  partnershipId: string;
  canKeep: boolean;
  partners: Partner[];
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const goals = useQuery(trpc.goals.list.queryOptions({ partnershipId }));
  if (goals.isPending) return <Loading label={t("app.loading")} />;
  if (goals.isError) return <ErrorAlert message={goals.error.message} />;
  const list = goals.data;
  return (
    <>
      {list.length === 0 ? (
        <EmptyState>{canKeep ? t("goals.empty") : t("goals.emptyReadOnly")}</EmptyState>
      ) : (
        <>
          <section aria-labelledby="goals-summary-heading">
            <h2 id="goals-summary-heading" className="utrecht-heading-2">
              {t("goals.summary")}
            </h2>
            <StatusSummary goals={list} />
          </section>
          <section aria-labelledby="goals-tree-heading">
            <h2 id="goals-tree-heading" className="utrecht-heading-2">
              {t("goals.tree")}
            </h2>
            <GoalList partnershipId={partnershipId} goals={list} parentId={null} />
            <CsvLink
              href={`/partnerships/${partnershipId}/export/goals.csv`}
              table={t("goals.tree")}
            />
          </section>
        </>
      )}
      {canKeep && <NewGoal partnershipId={partnershipId} goals={list} partners={partners} />}
    </>
  );
}

function StatusSummary({ goals }: { goals: ListedGoal[] }) {
  const t = useTranslations("goals");
  const counts = goalStatuses
    .map((status) => ({ status, count: goals.filter((g) => g.status === status).length }))
    .filter((c) => c.count > 0);
  return (
    <>
      <p className="utrecht-paragraph">{t("summaryTotal", { count: goals.length })}</p>
      <ul
        className="utrecht-unordered-list"
        style={{
          listStyle: "none",
          paddingInlineStart: 0,
          display: "flex",
          flexWrap: "wrap",
          gap: "0.5rem 1.5rem",
        }}
      >
        {counts.map(({ status, count }) => (
          <li key={status} className="utrecht-unordered-list__item">
            <GoalStatusBadge status={status} /> <strong>{count}</strong>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The goals under `parentId` as a list, each with its own intermediate goals nested below. */
function GoalList({
  partnershipId,
  goals,
  parentId,
}: {
  partnershipId: string;
  goals: ListedGoal[];
  parentId: string | null;
}) {
  // Goals whose parent is not listed (should not happen) are shown at the top level.
  const ids = new Set(goals.map((g) => g.id));
  const here = goals.filter((g) =>
    parentId === null ? !g.parentId || !ids.has(g.parentId) : g.parentId === parentId,
  );
  if (here.length === 0) return null;
  return (
    <ul
      className="utrecht-unordered-list"
      style={
        parentId === null
          ? { listStyle: "none", paddingInlineStart: 0 }
          : {
              listStyle: "none",
              paddingInlineStart: "1.25rem",
              borderInlineStart: "3px solid var(--smo-color-border-light)",
            }
      }
    >
      {here.map((g) => (
        <li key={g.id} className="utrecht-unordered-list__item">
          <GoalItem partnershipId={partnershipId} goal={g} />
          <GoalList partnershipId={partnershipId} goals={goals} parentId={g.id} />
        </li>
      ))}
    </ul>
  );
}

function GoalItem({ partnershipId, goal: g }: { partnershipId: string; goal: ListedGoal }) {
  const t = useTranslations();
  const f = useGoalFormat();
  return (
    <div style={{ paddingBlock: "0.5rem" }}>
      <p className="utrecht-paragraph" style={{ marginBlock: 0 }}>
        <Link
          href={`/partnerships/${partnershipId}/goals/${g.id}`}
          className="utrecht-link utrecht-link--html-a"
          style={{ fontWeight: 700 }}
        >
          {g.title}
        </Link>{" "}
        <span className="smo-muted">
          ({g.parentId ? t("goals.intermediateGoal") : t("goals.impactGoal")})
        </span>{" "}
        <GoalStatusBadge status={g.status} />
      </p>
      <p className="utrecht-paragraph" style={{ marginBlock: "0.25rem 0" }}>
        {t("fields.indicator")}: {g.indicator}
        {" · "}
        {t("goals.latestValue")}:{" "}
        {g.latestValue === null || g.latestOn === null
          ? t("goals.noMeasurementYet")
          : t("goals.valueOn", { value: f.value(g.latestValue, g.unit), date: f.day(g.latestOn) })}
        {" · "}
        {t("goals.progress")}: {f.percent(g.progress)}
        {g.latestVerdict && (
          <>
            {" · "}
            {t("goals.latestVerdict")}: {t(`goals.verdict.${g.latestVerdict}`)}
          </>
        )}
      </p>
    </div>
  );
}

function NewGoal({
  partnershipId,
  goals,
  partners,
}: {
  partnershipId: string;
  goals: ListedGoal[];
  partners: Partner[];
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const invalidate = useInvalidateGoals();
  const create = useMutation(trpc.goals.create.mutationOptions({ onSuccess: invalidate }));
  const fields = useGoalFields({ goals, partners });
  return (
    <section aria-labelledby="new-goal-heading">
      <h2 id="new-goal-heading" className="utrecht-heading-2">
        {t("goals.new")}
      </h2>
      <p className="utrecht-paragraph">{t("goals.newIntro")}</p>
      <ModelForm<GoalFormValues>
        submitLabel={t("app.save")}
        successMessage={t("goals.created")}
        resetOnSuccess
        fields={fields}
        onSubmit={(v, clientRequestId) => {
          const input = goalInputFrom(v, partners);
          return saveGoal(input.roles, () =>
            create.mutateAsync({ partnershipId, clientRequestId, ...input }),
          );
        }}
      />
    </section>
  );
}

/** Removed goals, to restore (coordinators only). */
export function RemovedGoals({ partnershipId }: { partnershipId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const invalidate = useInvalidateGoals();
  const removed = useQuery(trpc.goals.removed.queryOptions({ partnershipId }));
  const restore = useMutation(trpc.goals.restore.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  if (!removed.data || removed.data.length === 0) return <>{notice.view}</>;
  return (
    <section aria-labelledby="removed-goals-heading">
      <h2 id="removed-goals-heading" className="utrecht-heading-2">
        {t("goals.removed")}
      </h2>
      {notice.view}
      <EditableList
        items={treeOrder(removed.data).map(({ goal }) => goal)}
        itemKey={(g) => g.id}
        run={notice.run}
        render={(g) => g.title}
        action={{
          kind: "button",
          label: t("app.restore"),
          name: (g) => g.title,
          run: (g) => restore.mutateAsync({ partnershipId, goalId: g.id, version: g.version }),
          done: t("goals.restored"),
        }}
      />
    </section>
  );
}
