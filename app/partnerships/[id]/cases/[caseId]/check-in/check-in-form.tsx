"use client";

/**
 * A check-in: for each perspective that gave input, two ratings (1–5) and a comment; changes of
 * professional since last time; referrals and how partners judged them; a GAS score per goal.
 * The form carries one request id, so a retried submission never stores a second check-in.
 * With `editId` it corrects an earlier check-in (naming the version it read); what a parent or
 * young person gave through their link is shown but stays theirs.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { z } from "zod";
import { useDates } from "@/app/_components/dates";
import { type FieldSpec, ModelForm } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { ErrorAlert, Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import type { checkInInput, perspectiveRatingInput } from "@/domain/schemas";
import {
  type CasePerspective,
  casePerspectives,
  type ReferralJudgement,
  type ReferralKind,
  referralJudgements,
  referralKinds,
} from "@/domain/vocabulary";

const REFERRAL_ROWS = 2;

type Rating = z.input<typeof perspectiveRatingInput>["collaboration"];
type GasScore = NonNullable<z.input<typeof checkInInput>["gasScores"]>[number]["score"];

/**
 * A check-in as its form holds it: the check-in's own fields, and per perspective, per referral
 * row and per GAS goal a field each, gathered into the lists the server takes (checkInInput).
 */
type CheckInValues = Pick<z.input<typeof checkInInput>, "heldOn" | "professionalChanges"> & {
  [K in `${CasePerspective}_collaboration` | `${CasePerspective}_wellbeing`]?: Rating | null;
} & { [K in `${CasePerspective}_comment`]?: string } & {
  [K: `referral${number}_kind`]: ReferralKind | null | undefined;
  [K: `referral${number}_judgement`]: ReferralJudgement | null | undefined;
  [K: `gas_${string}`]: GasScore | null | undefined;
};

export function CheckInForm({
  partnershipId,
  caseId,
  editId,
}: {
  partnershipId: string;
  caseId: string;
  editId?: string;
}) {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const ta = useTranslations("app");
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidate((trpc) => trpc.cases.pathFilter());
  const [clientRequestId] = useState(() => crypto.randomUUID());
  // Which perspective each rating of the last submission was, to put errors beside its fields.
  const sent = useRef<string[]>([]);
  const query = useQuery(trpc.cases.get.queryOptions({ partnershipId, caseId }));
  const done = {
    onSuccess: async () => {
      await invalidate();
      router.push(`/partnerships/${partnershipId}/cases/${caseId}`);
    },
  };
  const add = useMutation(trpc.cases.addCheckIn.mutationOptions(done));
  const update = useMutation(trpc.cases.updateCheckIn.mutationOptions(done));
  const formatDay = useDates().day;
  if (query.isPending) return <Loading label={ta("loading")} />;
  if (query.isError) return <ErrorAlert message={query.error.message} />;
  const c = query.data;
  const editing = editId ? c.timeline.find((x) => x.id === editId) : undefined;
  if (editId && !editing) return <ErrorAlert message={t("checkInGone")} />;
  const given = (p: string) => editing?.ratings.find((r) => r.perspective === p);
  // What a parent or young person gave through their link is theirs: shown, not editable.
  const ownAnswers = editing?.ratings.filter((r) => r.viaLink) ?? [];
  const referralRows = Math.max(REFERRAL_ROWS, editing?.referrals.length ?? 0);
  const scale = ([1, 2, 3, 4, 5] as const).map((n) => ({ value: n, label: t(`rating.${n}`) }));
  const pending = new Set(c.pendingVoices.map((v) => v.perspective));
  const perspectives = casePerspectives.filter((p) => !ownAnswers.some((r) => r.perspective === p));
  const gasOf = (goalId: string) => {
    const score = editing?.gasScores.find((s) => s.caseGoalId === goalId)?.score;
    return score ?? null;
  };

  const fields: FieldSpec<CheckInValues>[] = [
    {
      name: "heldOn",
      kind: "date",
      label: t("checkInDate"),
      defaultValue: editing?.heldOn ?? new Date().toISOString().slice(0, 10),
      required: true,
    },
    ...perspectives.flatMap((p): FieldSpec<CheckInValues>[] => [
      {
        name: `${p}_collaboration`,
        kind: "select",
        label: t("ratingCollaboration", { who: t(`perspective.${p}`) }),
        nullable: true,
        options: scale,
        defaultValue: given(p)?.collaboration ?? null,
      },
      {
        name: `${p}_wellbeing`,
        kind: "select",
        label: t("ratingWellbeing", { who: t(`perspective.${p}`) }),
        nullable: true,
        options: scale,
        defaultValue: given(p)?.wellbeing ?? null,
      },
      {
        name: `${p}_comment`,
        kind: "textarea",
        label: t("ratingComment", { who: t(`perspective.${p}`) }),
        hint: !editing && pending.has(p as "parent") ? t("pendingHint") : t("noIdentifiersHint"),
        defaultValue: given(p)?.comment ?? "",
      },
    ]),
    {
      name: "professionalChanges",
      kind: "number",
      label: tf("professionalChanges"),
      defaultValue: editing?.professionalChanges ?? 0,
    },
    ...Array.from({ length: referralRows }, (_, i): FieldSpec<CheckInValues>[] => [
      {
        name: `referral${i}_kind`,
        kind: "select",
        label: t("referralKind", { n: i + 1 }),
        nullable: true,
        options: referralKinds.map((k) => ({ value: k, label: t(`referral.${k}`) })),
        defaultValue: editing?.referrals[i]?.kind ?? null,
      },
      {
        name: `referral${i}_judgement`,
        kind: "select",
        label: t("referralJudgement", { n: i + 1 }),
        nullable: true,
        options: referralJudgements.map((j) => ({ value: j, label: t(`judgement.${j}`) })),
        defaultValue: editing?.referrals[i]?.judgement ?? null,
      },
    ]).flat(),
    ...c.goals.map(
      (g): FieldSpec<CheckInValues> => ({
        name: `gas_${g.id}`,
        kind: "select",
        label: t("gasFor", { goal: g.description }),
        nullable: true,
        options: [
          { value: -2, label: `−2: ${g.levelMinus2}` },
          { value: -1, label: `−1: ${g.levelMinus1}` },
          { value: 0, label: `0: ${g.level0}` },
          { value: 1, label: `+1: ${g.levelPlus1}` },
          { value: 2, label: `+2: ${g.levelPlus2}` },
        ],
        defaultValue: gasOf(g.id),
      }),
    ),
  ];

  function toInput(v: CheckInValues) {
    const ratings = perspectives.flatMap((p) => {
      const collaboration = v[`${p}_collaboration`] ?? null;
      const wellbeing = v[`${p}_wellbeing`] ?? null;
      const comment = v[`${p}_comment`] ?? "";
      if (collaboration === null && wellbeing === null && !comment) return [];
      // One rating without the other reaches the server as 0: it answers naming the field.
      return [
        { perspective: p, collaboration: collaboration ?? 0, wellbeing: wellbeing ?? 0, comment },
      ];
    });
    sent.current = ratings.map((r) => r.perspective);
    const referrals = Array.from({ length: referralRows }, (_, i) => {
      const kind = v[`referral${i}_kind`];
      return kind ? [{ kind, judgement: v[`referral${i}_judgement`] ?? "unclear" }] : [];
    }).flat();
    const gasScores = c.goals.flatMap((g) => {
      const score = v[`gas_${g.id}`];
      return score === null || score === undefined ? [] : [{ caseGoalId: g.id, score }];
    });
    return {
      partnershipId,
      caseId,
      heldOn: v.heldOn,
      professionalChanges: v.professionalChanges ?? 0,
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
      <h1 className="utrecht-heading-1">
        {editing ? t("editCheckIn", { date: formatDay(editing.heldOn) }) : t("newCheckIn")}
      </h1>
      <p className="utrecht-paragraph">{t("checkInIntro")}</p>
      {ownAnswers.length > 0 && (
        <div className="utrecht-alert utrecht-alert--info">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph">{t("ownAnswersKept")}</p>
            <ul className="utrecht-unordered-list">
              {ownAnswers.map((r) => (
                <li key={r.perspective} className="utrecht-unordered-list__item">
                  {t(`perspective.${r.perspective}`)}:{" "}
                  {t("ratingLine", { collaboration: r.collaboration, wellbeing: r.wellbeing })}
                  {r.comment ? ` — “${r.comment}”` : ""}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {!editing && pending.size > 0 && (
        <div className="utrecht-alert utrecht-alert--info">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph">{t("pendingIncluded")}</p>
          </div>
        </div>
      )}
      <ModelForm<CheckInValues>
        fields={fields}
        submitLabel={editing ? t("saveCorrection") : t("saveCheckIn")}
        errorField={(key) => {
          const rating = /^ratings\.(\d+)\.(collaboration|wellbeing|comment)$/.exec(key);
          if (rating) {
            const perspective = sent.current[Number(rating[1])];
            return perspective && `${perspective}_${rating[2]}`;
          }
          if (key === "ratings") return `${perspectives[0]}_collaboration`;
          const gas = c.goals[0];
          if (key.startsWith("gasScores") && gas) return `gas_${gas.id}`;
          return undefined;
        }}
        onSubmit={(v) =>
          editing
            ? update.mutateAsync({ ...toInput(v), checkInId: editing.id, version: editing.version })
            : add.mutateAsync({ ...toInput(v), clientRequestId })
        }
      />
    </>
  );
}
