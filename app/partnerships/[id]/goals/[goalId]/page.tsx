import type { Metadata } from "next";
import { cache } from "react";
import { loadOr404 } from "@/app/_components/guard";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { loadPartnership } from "@/app/partnerships/[id]/partnership";
import { GoalDetail } from "./goal-detail";

type Props = { params: Promise<{ id: string; goalId: string }> };

/** The goal of the URL (404 if it does not exist or the user may not see it); once per request. */
const loadGoal = cache(async (partnershipId: string, goalId: string) =>
  loadOr404(async () => (await serverCaller()).goals.get({ partnershipId, goalId })),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, goalId } = await params;
  return { title: (await loadGoal(id, goalId)).title };
}

export default async function GoalPage({ params }: Props) {
  const { id, goalId } = await params;
  const partnership = await loadPartnership(id);
  await loadGoal(id, goalId);
  const canKeep = partnership.can.keepGoals;
  const canReview = partnership.can.reviewGoals;
  const input = { partnershipId: id, goalId };
  await prefetch(
    trpc.goals.get.queryOptions(input),
    trpc.goals.history.queryOptions(input),
    ...(canKeep ? [trpc.goals.list.queryOptions({ partnershipId: id })] : []),
  );
  const partners = partnership.organisations.map((o) => ({
    organisationId: o.organisationId,
    name: o.name,
  }));
  return (
    <HydrateClient>
      <GoalDetail
        partnershipId={id}
        goalId={goalId}
        canKeep={canKeep}
        canReview={canReview}
        partners={partners}
      />
    </HydrateClient>
  );
}
