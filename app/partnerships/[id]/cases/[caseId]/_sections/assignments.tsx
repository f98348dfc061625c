"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { EditableList } from "@/app/_components/editable-list";
import { ModelForm } from "@/app/_components/form";
import { useNotice } from "@/app/_components/notice";
import { ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterInputs } from "@/app/_trpc/types";
import { type Case, type Ids, useInvalidateCases } from "./case";

type AssignValues = Pick<RouterInputs["cases"]["assign"], "userId">;

/** Who works on the case (a coordinator assigns them from the partnership's members). */
export function Assignments({ c, ids }: { c: Case; ids: Ids }) {
  const t = useTranslations("cases");
  const ta = useTranslations("app");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  const members = useQuery(
    trpc.partnerships.members.queryOptions({ partnershipId: ids.partnershipId }),
  );
  const assign = useMutation(trpc.cases.assign.mutationOptions({ onSuccess: invalidate }));
  const unassign = useMutation(trpc.cases.unassign.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  const assigned = new Set(c.assignments.map((a) => a.userId));
  const candidates = (members.data ?? []).filter(
    (m) => m.role !== "leader" && !assigned.has(m.userId),
  );
  return (
    <section aria-labelledby="case-assignments">
      <h2 id="case-assignments" className="utrecht-heading-2">
        {t("assigned")}
      </h2>
      {notice.view}
      <EditableList
        items={c.assignments}
        itemKey={(a) => a.id}
        empty={t("noAssignments")}
        run={notice.run}
        render={(a) => a.name}
        action={{
          kind: "button",
          label: t("unassign"),
          name: (a) => a.name,
          run: (a) => unassign.mutateAsync({ ...ids, userId: a.userId }),
          done: t("unassigned"),
        }}
      />
      {members.isPending && <Loading label={ta("loading")} />}
      {members.isError && <ErrorAlert message={members.error.message} />}
      {candidates.length > 0 && (
        <ModelForm<AssignValues>
          layout="inline"
          submitLabel={t("assign")}
          successMessage={t("assignedOk")}
          fields={[
            {
              name: "userId",
              kind: "select",
              label: tf("userId"),
              options: candidates.map((m) => ({ value: m.userId, label: m.name })),
            },
          ]}
          onSubmit={(v) => assign.mutateAsync({ ...ids, ...v })}
        />
      )}
    </section>
  );
}
