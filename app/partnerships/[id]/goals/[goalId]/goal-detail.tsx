"use client";

/**
 * One goal: what it is, its curve against the expected path (with the table beside it), its
 * measurements (kept by coordinators), the leaders' verdicts, and its history. Each part is a
 * file in _sections/.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ErrorAlert, Loading } from "@/app/_components/states";
import { GoalStatusBadge } from "@/app/_components/status";
import { useTRPC } from "@/app/_trpc/client";
import type { Partner } from "@/app/partnerships/[id]/goals/goal-form";
import { AboutGoal } from "./_sections/about";
import { History } from "./_sections/history";
import { ManageGoal } from "./_sections/manage";
import { KeepMeasurements } from "./_sections/measurements";
import { GoalProgress } from "./_sections/progress";
import { Reviews } from "./_sections/reviews";

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
      <GoalProgress partnershipId={partnershipId} goal={goal} />
      {canKeep && <KeepMeasurements partnershipId={partnershipId} goal={goal} />}
      <Reviews partnershipId={partnershipId} goal={goal} canReview={canReview} />
      {canKeep && <ManageGoal partnershipId={partnershipId} goal={goal} partners={partners} />}
      <History partnershipId={partnershipId} goal={goal} />
    </>
  );
}
