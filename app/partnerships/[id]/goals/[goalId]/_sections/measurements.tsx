"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { z } from "zod";
import { type FieldSpec, ModelForm, useEditedVersion } from "@/app/_components/form";
import { RemoveButton, type RunAction, useNotice } from "@/app/_components/notice";
import { describeError, useTRPC } from "@/app/_trpc/client";
import { useGoalFormat, useInvalidateGoals } from "@/app/partnerships/[id]/goals/goal-form";
import type { measurementInput } from "@/domain/schemas";
import type { Goal, Measurement } from "./goal";

type MeasurementValues = z.input<typeof measurementInput>;

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
  const fields: FieldSpec<MeasurementValues>[] = [
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
          } satisfies FieldSpec<MeasurementValues>,
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
    <ModelForm<MeasurementValues>
      submitLabel={submitLabel}
      successMessage={successMessage}
      resetOnSuccess={resetOnSuccess}
      fields={fields}
      onSubmit={async (v, requestId) => {
        const value = v.value;
        try {
          // Without the checkbox (not asked), the value is not confirmed.
          await onSave({ ...v, confirmOutOfRange: v.confirmOutOfRange === true }, requestId);
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

/** The measurements a coordinator keeps: a new one, and each earlier one to correct or remove. */
export function KeepMeasurements({ partnershipId, goal }: { partnershipId: string; goal: Goal }) {
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
