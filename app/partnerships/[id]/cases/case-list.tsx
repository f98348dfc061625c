"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DataTable } from "@/app/_components/data-table";
import { useDates } from "@/app/_components/dates";
import { ModelForm } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { Pagination } from "@/app/_components/pagination";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { useTableContext } from "@/app/_components/table-context";
import { useTRPC } from "@/app/_trpc/client";
import { PAGE_SIZE } from "@/domain/paging";
import {
  type CaseFieldValues,
  checkedDomains,
  useProfileFields,
  useRhythmField,
} from "./case-fields";
import { caseFiltersQuery, caseListTable } from "./tables";

type Status = "open" | "closed" | "all";
type Signal = "any" | "no_progress" | "disagreement" | undefined;

export function CaseList({
  partnershipId,
  isCoordinator,
}: {
  partnershipId: string;
  isCoordinator: boolean;
}) {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const ta = useTranslations("app");
  const trpc = useTRPC();
  const tables = useTableContext();
  const day = useDates().day;
  const router = useRouter();
  const invalidate = useInvalidate((trpc) => trpc.cases.pathFilter());
  const [status, setStatus] = useState<Status>("open");
  const [mine, setMine] = useState(false);
  const [signal, setSignal] = useState<Signal>(undefined);
  const [page, setPage] = useState(1);
  const query = useQuery({
    ...trpc.cases.list.queryOptions({
      partnershipId,
      status,
      mine,
      page,
      pageSize: PAGE_SIZE,
      ...(signal ? { signal } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const create = useMutation(
    trpc.cases.create.mutationOptions({
      onSuccess: async (row) => {
        await invalidate();
        router.push(`/partnerships/${partnershipId}/cases/${row.id}`);
      },
    }),
  );
  const profileFields = useProfileFields();
  const rhythmField = useRhythmField();

  return (
    <>
      <form className="smo-toolbar" aria-label={t("filters")} onSubmit={(e) => e.preventDefault()}>
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="case-status">
              {tf("status")}
            </label>
          </div>
          <select
            id="case-status"
            className="utrecht-select utrecht-select--html-select"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as Status);
              setPage(1);
            }}
          >
            {(["open", "closed", "all"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`statusFilter.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="case-signal">
              {tf("signal")}
            </label>
          </div>
          <select
            id="case-signal"
            className="utrecht-select utrecht-select--html-select"
            value={signal ?? ""}
            onChange={(e) => {
              setSignal((e.target.value || undefined) as Signal);
              setPage(1);
            }}
          >
            <option value="">{t("signalFilter.none")}</option>
            {(["any", "no_progress", "disagreement"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`signalFilter.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {isCoordinator && (
          <div className="utrecht-form-field utrecht-form-field--checkbox">
            <input
              id="case-mine"
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              checked={mine}
              onChange={(e) => {
                setMine(e.target.checked);
                setPage(1);
              }}
            />
            <label htmlFor="case-mine" className="utrecht-form-label utrecht-form-label--checkbox">
              {tf("mine")}
            </label>
          </div>
        )}
      </form>

      {query.isPending ? (
        <Loading label={ta("loading")} />
      ) : query.isError ? (
        <ErrorAlert message={query.error.message} />
      ) : query.data.total === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <DataTable
            caption={t("title")}
            busy={query.isFetching}
            stacked
            table={caseListTable(query.data.items, tables, {
              code: (c) => (
                <Link
                  href={`/partnerships/${partnershipId}/cases/${c.id}`}
                  className="utrecht-link utrecht-link--html-a"
                >
                  {c.code}
                </Link>
              ),
              nextCheckIn: (c) =>
                c.nextCheckIn ? (
                  <>
                    {day(c.nextCheckIn.dueOn, "medium")}
                    {c.nextCheckIn.overdue && (
                      <>
                        {" "}
                        <span className="utrecht-status-badge smo-badge-at_risk">
                          {t("overdue")}
                        </span>
                      </>
                    )}
                  </>
                ) : (
                  "–"
                ),
              signals: (c) => (
                <>
                  {c.signals.noProgress && (
                    <span className="utrecht-status-badge smo-badge-at_risk">
                      ! {t("signalFilter.no_progress")}
                    </span>
                  )}{" "}
                  {c.signals.disagreement && (
                    <span className="utrecht-status-badge smo-badge-off_track">
                      ≠ {t("signalFilter.disagreement")}
                    </span>
                  )}
                </>
              ),
            })}
            rowKey={(c) => c.id}
            csv={`/partnerships/${partnershipId}/export/cases.csv?${caseFiltersQuery({ status, mine, signal })}`}
          />
          <Pagination page={page} pageSize={PAGE_SIZE} total={query.data.total} onPage={setPage} />
        </>
      )}

      <h2 className="utrecht-heading-2">{t("new")}</h2>
      <p className="utrecht-paragraph">{t("newIntro")}</p>
      <ModelForm<CaseFieldValues>
        submitLabel={t("create")}
        fields={[
          ...profileFields,
          {
            name: "internalReference",
            kind: "text",
            label: tf("internalReference"),
            hint: t("referenceHint"),
          },
          { name: "jointPlan", kind: "checkbox", label: tf("jointPlan") },
          rhythmField,
        ]}
        onSubmit={(v, clientRequestId) =>
          create.mutateAsync({
            partnershipId,
            clientRequestId,
            ageBand: v.ageBand,
            schoolType: v.schoolType,
            problemDomains: checkedDomains(v),
            internalReference: v.internalReference,
            jointPlan: v.jointPlan,
            // A joint plan made together with the case starts today.
            jointPlanSince: v.jointPlan ? new Date().toISOString().slice(0, 10) : null,
            checkInEveryWeeks: v.checkInEveryWeeks,
          })
        }
      />
    </>
  );
}
