"use client";

/**
 * One reflection session, in the order of the meeting: look back at last time's actions, who
 * is here, score the factors (with a shared note each), review the goals, what works and what
 * does not, agree actions. A leader signs off (locking it) or reopens it with a reason. Each
 * part is a file in _sections/.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import { Actions } from "./_sections/actions";
import { GoalReviews } from "./_sections/goal-reviews";
import { SessionHeader } from "./_sections/header";
import { HeardSummary } from "./_sections/heard";
import { Participants } from "./_sections/participants";
import { PreviousActions } from "./_sections/previous-actions";
import { Reflection } from "./_sections/reflection";
import { ScoringRound } from "./_sections/round";
import { ScoreConflict, Scores } from "./_sections/scores";
import { SignOff } from "./_sections/sign-off";

export function SessionEditor({
  partnershipId,
  sessionId,
}: {
  partnershipId: string;
  sessionId: string;
}) {
  const ta = useTranslations("app");
  const trpc = useTRPC();
  const query = useQuery(trpc.reflections.get.queryOptions({ partnershipId, sessionId }));
  // Bumped to start the score grid afresh from the server after a conflict.
  const [generation, setGeneration] = useState(0);
  const [conflict, setConflict] = useState(false);
  if (query.isPending) return <Loading label={ta("loading")} />;
  if (query.isError) return <ErrorAlert message={query.error.message} />;
  const s = query.data;
  const editable = s.can.fillSessions && s.status !== "signed_off";
  const section = { session: s, ids: { partnershipId, sessionId }, editable };

  return (
    <>
      <SessionHeader {...section} />
      {conflict && (
        <ScoreConflict
          onReload={async () => {
            await query.refetch();
            setGeneration((g) => g + 1);
            setConflict(false);
          }}
        />
      )}
      <ScoringRound {...section} />
      <PreviousActions {...section} />
      <Participants {...section} />
      <Scores {...section} generation={generation} onConflict={() => setConflict(true)} />
      <GoalReviews {...section} />
      <Reflection {...section} />
      <Actions {...section} />
      <SignOff {...section} />
      <HeardSummary {...section} />
    </>
  );
}
