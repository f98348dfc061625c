"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { DataTable } from "@/app/_components/data-table";
import { formatDay } from "@/app/_components/dates";
import { ModelForm } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTableContext } from "@/app/_components/table-context";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterInputs } from "@/app/_trpc/types";
import { sessionsTable } from "./tables";

type PlanValues = Pick<RouterInputs["reflections"]["plan"], "heldOn">;

export function ReflectionList({
  partnershipId,
  canPlan,
}: {
  partnershipId: string;
  canPlan: boolean;
}) {
  const t = useTranslations("reflections");
  const ta = useTranslations("app");
  const tf = useTranslations("fields");
  const te = useTranslations("enums");
  const locale = useLocale();
  const trpc = useTRPC();
  const tables = useTableContext();
  const router = useRouter();
  const invalidate = useInvalidate((trpc) => trpc.reflections.pathFilter());
  const query = useQuery(trpc.reflections.list.queryOptions({ partnershipId }));
  const plan = useMutation(
    trpc.reflections.plan.mutationOptions({
      onSuccess: async (session) => {
        await invalidate();
        router.push(`/partnerships/${partnershipId}/reflections/${session.id}`);
      },
    }),
  );
  if (query.isPending) return <Loading label={ta("loading")} />;
  if (query.isError) return <ErrorAlert message={query.error.message} />;
  const { due, sessions, cadence } = query.data;
  const date = (iso: string) => formatDay(locale, iso);

  return (
    <>
      <div
        className={`utrecht-alert ${due.overdue ? "utrecht-alert--warning" : "utrecht-alert--info"}`}
      >
        <div className="utrecht-alert__content">
          <p className="utrecht-paragraph utrecht-alert__message">
            {due.plannedOn
              ? t("duePlanned", { date: date(due.plannedOn) })
              : due.overdue
                ? t("dueOverdue", { date: date(due.dueOn) })
                : t("dueOn", { date: date(due.dueOn) })}{" "}
            {t("cadence", { cadence: te(`cadence.${cadence}`).toLowerCase() })}
          </p>
        </div>
      </div>

      {canPlan && (
        <>
          <h2 className="utrecht-heading-2">{t("plan")}</h2>
          <ModelForm<PlanValues>
            layout="inline"
            submitLabel={t("planSubmit")}
            fields={[
              {
                name: "heldOn",
                kind: "date",
                label: tf("heldOn"),
                defaultValue: due.dueOn,
                required: true,
              },
            ]}
            onSubmit={(v) => plan.mutateAsync({ partnershipId, ...v })}
          />
        </>
      )}

      <h2 className="utrecht-heading-2">{t("sessions")}</h2>
      {sessions.length === 0 ? (
        <EmptyState>{canPlan ? t("emptyPlan") : t("empty")}</EmptyState>
      ) : (
        <DataTable
          caption={t("sessions")}
          table={sessionsTable(query.data, tables, {
            heldOn: (s) => (
              <Link
                href={`/partnerships/${partnershipId}/reflections/${s.id}`}
                className="utrecht-link utrecht-link--html-a"
              >
                {date(s.heldOn)}
              </Link>
            ),
            status: (s) => (
              <span className={`utrecht-status-badge smo-session-${s.status}`}>
                {t(`status.${s.status}`)}
              </span>
            ),
          })}
          rowKey={(s) => s.id}
          csv={`/partnerships/${partnershipId}/export/reflections.csv`}
        />
      )}
    </>
  );
}
