"use client";

/**
 * One case: who it is about (pseudonymously), how the four perspectives and the GAS goals moved
 * over the check-ins, the signals, and the tools to work on it — goals, check-ins, a personal
 * link for the parent or young person, assignment and closing. Each part is a file in
 * _sections/.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import { Assignments } from "./_sections/assignments";
import type { Ids } from "./_sections/case";
import { CloseCase } from "./_sections/close-case";
import { EditCase } from "./_sections/edit-case";
import { Goals } from "./_sections/goals";
import { Progress } from "./_sections/progress";
import { ClosedNote, Signals, Summary } from "./_sections/summary";
import { VoiceLinks } from "./_sections/voice-links";

export function CaseDetail({ partnershipId, caseId }: Ids) {
  const t = useTranslations("cases");
  const ta = useTranslations("app");
  const trpc = useTRPC();
  const query = useQuery(trpc.cases.get.queryOptions({ partnershipId, caseId }));
  if (query.isPending) return <Loading label={ta("loading")} />;
  if (query.isError) return <ErrorAlert message={query.error.message} />;
  const c = query.data;
  const ids = { partnershipId, caseId };
  const open = !c.closedOn;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("caseTitle", { code: c.code })}</h1>
      {c.closedOn && <ClosedNote c={c} />}
      <Summary c={c} />
      {open && <EditCase c={c} ids={ids} />}
      <Signals c={c} />
      {open && (
        <p className="utrecht-paragraph">
          <Link
            href={`/partnerships/${partnershipId}/cases/${caseId}/check-in`}
            className="utrecht-button utrecht-button--primary-action"
            style={{ textDecoration: "none" }}
          >
            {t("newCheckIn")}
          </Link>
        </p>
      )}
      <Progress c={c} ids={ids} editable={open} />
      <Goals c={c} ids={ids} editable={open} />
      {open && <VoiceLinks c={c} ids={ids} />}
      {c.can.assignCases && <Assignments c={c} ids={ids} />}
      {open && <CloseCase c={c} ids={ids} />}
    </>
  );
}
