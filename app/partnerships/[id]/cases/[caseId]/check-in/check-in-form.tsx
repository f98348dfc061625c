"use client";

/**
 * A check-in: for each perspective that gave input, two ratings (1–5) and a comment; changes of
 * professional since last time; referrals and how partners judged them; a GAS score per goal.
 * The form carries one request id, so a retried submission never stores a second check-in.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { casePerspectives, referralJudgements, referralKinds } from "@/server/domain/vocabulary";
import { type FieldSpec, type FormValues, ModelForm } from "../../../../../_components/form";
import { ErrorAlert, Loading } from "../../../../../_components/states";
import { useTRPC } from "../../../../../_trpc/client";

const REFERRAL_ROWS = 2;

export function CheckInForm({ partnershipId, caseId }: { partnershipId: string; caseId: string }) {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const ta = useTranslations("app");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [clientRequestId] = useState(() => crypto.randomUUID());
  const query = useQuery(trpc.cases.get.queryOptions({ partnershipId, caseId }));
  const add = useMutation(
    trpc.cases.addCheckIn.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.cases.pathFilter());
        router.push(`/partnerships/${partnershipId}/cases/${caseId}`);
      },
    }),
  );
  if (query.isPending) return <Loading label={ta("loading")} />;
  if (query.isError) return <ErrorAlert message={query.error.message} />;
  const c = query.data;
  const scale = [1, 2, 3, 4, 5].map((n) => ({
    value: String(n),
    label: t(`rating.${n}` as "rating.1"),
  }));
  const pending = new Set(c.pendingVoices.map((v) => v.perspective));

  const fields: FieldSpec[] = [
    {
      name: "heldOn",
      kind: "date",
      label: t("checkInDate"),
      defaultValue: new Date().toISOString().slice(0, 10),
      required: true,
    },
    ...casePerspectives.flatMap((p): FieldSpec[] => [
      {
        name: `${p}_collaboration`,
        kind: "select",
        label: t("ratingCollaboration", { who: t(`perspective.${p}`) }),
        nullable: true,
        options: scale,
      },
      {
        name: `${p}_wellbeing`,
        kind: "select",
        label: t("ratingWellbeing", { who: t(`perspective.${p}`) }),
        nullable: true,
        options: scale,
      },
      {
        name: `${p}_comment`,
        kind: "textarea",
        label: t("ratingComment", { who: t(`perspective.${p}`) }),
        hint: pending.has(p as "parent") ? t("pendingHint") : t("noIdentifiersHint"),
      },
    ]),
    {
      name: "professionalChanges",
      kind: "number",
      label: tf("professionalChanges"),
      defaultValue: 0,
    },
    ...Array.from({ length: REFERRAL_ROWS }, (_, i): FieldSpec[] => [
      {
        name: `referral${i}_kind`,
        kind: "select",
        label: t("referralKind", { n: i + 1 }),
        nullable: true,
        options: referralKinds.map((k) => ({ value: k, label: t(`referral.${k}`) })),
      },
      {
        name: `referral${i}_judgement`,
        kind: "select",
        label: t("referralJudgement", { n: i + 1 }),
        nullable: true,
        options: referralJudgements.map((j) => ({ value: j, label: t(`judgement.${j}`) })),
      },
    ]).flat(),
    ...c.goals.map(
      (g): FieldSpec => ({
        name: `gas_${g.id}`,
        kind: "select",
        label: t("gasFor", { goal: g.description }),
        nullable: true,
        options: [
          { value: "-2", label: `−2: ${g.levelMinus2}` },
          { value: "-1", label: `−1: ${g.levelMinus1}` },
          { value: "0", label: `0: ${g.level0}` },
          { value: "1", label: `+1: ${g.levelPlus1}` },
          { value: "2", label: `+2: ${g.levelPlus2}` },
        ],
      }),
    ),
  ];

  function toInput(v: FormValues) {
    const ratings = casePerspectives.flatMap((p) => {
      const collaboration = v[`${p}_collaboration`];
      const wellbeing = v[`${p}_wellbeing`];
      const comment = String(v[`${p}_comment`] ?? "");
      if (collaboration === null && wellbeing === null && !comment) return [];
      // One rating without the other reaches the server as 0: it answers naming the field.
      return [
        {
          perspective: p,
          collaboration: Number(collaboration ?? 0),
          wellbeing: Number(wellbeing ?? 0),
          comment,
        },
      ];
    });
    const referrals = Array.from({ length: REFERRAL_ROWS }, (_, i) => ({
      kind: v[`referral${i}_kind`],
      judgement: v[`referral${i}_judgement`] ?? "unclear",
    }))
      .filter((r) => r.kind !== null)
      .map((r) => ({
        kind: r.kind as (typeof referralKinds)[number],
        judgement: r.judgement as (typeof referralJudgements)[number],
      }));
    const gasScores = c.goals
      .filter((g) => v[`gas_${g.id}`] !== null)
      .map((g) => ({ caseGoalId: g.id, score: Number(v[`gas_${g.id}`]) }));
    return {
      partnershipId,
      caseId,
      clientRequestId,
      heldOn: String(v.heldOn),
      professionalChanges: (v.professionalChanges as number | null) ?? 0,
      ratings,
      referrals,
      gasScores,
    };
  }

  return (
    <>
      <p className="smo-breadcrumb">
        <Link
          href={`/partnerships/${partnershipId}/cases/${caseId}`}
          className="utrecht-link utrecht-link--html-a"
        >
          {t("caseTitle", { code: c.code })}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("newCheckIn")}</h1>
      <p className="utrecht-paragraph">{t("checkInIntro")}</p>
      {pending.size > 0 && (
        <div className="utrecht-alert utrecht-alert--info">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph">{t("pendingIncluded")}</p>
          </div>
        </div>
      )}
      <ModelForm
        fields={fields}
        submitLabel={t("saveCheckIn")}
        onSubmit={(v) => add.mutateAsync(toInput(v))}
      />
    </>
  );
}
