"use client";

/**
 * One reflection session, in the order of the meeting: look back at last time's actions, who
 * is here, score the factors (with a shared note each), review the goals, what works and what
 * does not, agree actions. A leader signs off (locking it) or reopens it with a reason.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useDates } from "@/app/_components/dates";
import { type FieldSpec, ModelForm, useEditedVersion } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { RemoveButton, useNotice } from "@/app/_components/notice";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { formatScore, GoalStatusBadge } from "@/app/_components/status";
import { useTRPC } from "@/app/_trpc/client";
import { sectors } from "@/domain/vocabulary";
import { intlLocale } from "@/i18n/locales";
import type { AppRouter } from "@/server/root";
import { ScoreGrid } from "./score-grid";

export function SessionEditor({
  partnershipId,
  sessionId,
}: {
  partnershipId: string;
  sessionId: string;
}) {
  const t = useTranslations("reflections");
  const ta = useTranslations("app");
  const trpc = useTRPC();
  const query = useQuery(trpc.reflections.get.queryOptions({ partnershipId, sessionId }));
  // Bumped to start the score grid afresh from the server after a conflict.
  const [generation, setGeneration] = useState(0);
  const [conflict, setConflict] = useState(false);
  if (query.isPending) return <Loading label={ta("loading")} />;
  if (query.isError) return <ErrorAlert message={query.error.message} />;
  const s = query.data;
  const fills = s.can.fillSessions;
  const editable = fills && s.status !== "signed_off";
  const ids = { partnershipId, sessionId };

  return (
    <>
      <SessionHeader session={s} ids={ids} />
      {conflict && (
        <div className="utrecht-alert utrecht-alert--warning" role="alert">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph utrecht-alert__message">{t("scoreConflict")}</p>
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={async () => {
                await query.refetch();
                setGeneration((g) => g + 1);
                setConflict(false);
              }}
            >
              {t("reloadScores")}
            </button>
          </div>
        </div>
      )}

      <PreviousActions session={s} ids={ids} editable={editable} />
      <Participants session={s} ids={ids} editable={editable} />

      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading" className="utrecht-heading-2">
          {t("scoresTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("scoresIntro")}</p>
        <ScoreGrid
          key={generation}
          partnershipId={partnershipId}
          sessionId={sessionId}
          instrument={s.instrument}
          participants={s.participants}
          scores={s.scores}
          editable={editable}
          onConflict={() => setConflict(true)}
          noteEditor={(factorId) => (
            <FactorNote
              key={factorId}
              ids={ids}
              factorId={factorId}
              note={s.notes.find((n) => n.factorId === factorId)}
              editable={editable}
            />
          )}
        />
      </section>

      <GoalReviews session={s} ids={ids} editable={editable} />
      <Reflection session={s} ids={ids} editable={editable} />
      <Actions session={s} ids={ids} editable={editable} />
      <SignOff session={s} ids={ids} />
    </>
  );
}

type Session = inferRouterOutputs<AppRouter>["reflections"]["get"];
type Ids = { partnershipId: string; sessionId: string };

/** A change to a session shows on the session and on the dashboard. */
function useInvalidateSession() {
  return useInvalidate((trpc) => [trpc.reflections.pathFilter(), trpc.dashboards.pathFilter()]);
}

function SessionHeader({ session: s, ids }: { session: Session; ids: Ids }) {
  const t = useTranslations("reflections");
  const dates = useDates();
  const date = dates.day;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("sessionTitle", { date: date(s.heldOn) })}</h1>
      <p className="utrecht-paragraph">
        <span className={`utrecht-status-badge smo-session-${s.status}`}>
          {t(`status.${s.status}`)}
        </span>{" "}
        {s.status === "signed_off" &&
          s.signedOffByName &&
          s.signedOffAt &&
          t("signedOffBy", {
            name: s.signedOffByName,
            date: dates.moment(new Date(s.signedOffAt), "day"),
          })}{" "}
        <Link
          href={`/partnerships/${ids.partnershipId}/reflections/${ids.sessionId}/report`}
          className="utrecht-link utrecht-link--html-a"
        >
          {t("report")}
        </Link>
      </p>
      {s.status === "signed_off" && (
        <p className="utrecht-paragraph smo-muted">{t("lockedNote")}</p>
      )}
      {s.history.some((h) => h.action === "reopen") && (
        <details className="smo-details">
          <summary>{t("historyTitle")}</summary>
          <ul className="utrecht-unordered-list">
            {s.history.map((h) => (
              <li key={`${h.action}-${String(h.at)}`} className="utrecht-unordered-list__item">
                {t(h.action === "reopen" ? "historyReopen" : "historySignOff", {
                  name: h.actorName ?? "–",
                  date: dates.moment(new Date(h.at)),
                  reason: h.reason ?? "",
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function PreviousActions({
  session: s,
  ids,
  editable,
}: {
  session: Session;
  ids: Ids;
  editable: boolean;
}) {
  const t = useTranslations("reflections");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateSession();
  const review = useMutation(
    trpc.reflections.reviewAction.mutationOptions({ onSuccess: invalidate }),
  );
  const date = useDates().day;
  if (!s.previous) return null;
  return (
    <section aria-labelledby="previous-heading">
      <h2 id="previous-heading" className="utrecht-heading-2">
        {t("previousTitle", { date: date(s.previous.heldOn) })}
      </h2>
      {s.previousActions.length === 0 ? (
        <EmptyState>{t("noPreviousActions")}</EmptyState>
      ) : (
        s.previousActions.map((a) => (
          <div key={a.id} className="smo-section">
            <p className="utrecht-paragraph">
              <strong>{a.description}</strong> — {a.ownerName ?? "–"},{" "}
              {t("dueBy", { date: date(a.dueOn) })}.{" "}
              <span className="utrecht-status-badge">{t(`actionStatus.${a.status}`)}</span>
              {a.status === "dropped" && a.dropReason && (
                <span className="smo-muted"> ({a.dropReason})</span>
              )}
            </p>
            {editable && (
              <ActionReviewForm
                action={a}
                onSubmit={(values, version) =>
                  review.mutateAsync({
                    ...ids,
                    actionId: a.id,
                    version,
                    status: values.status as "done" | "continued" | "dropped",
                    dropReason: String(values.dropReason ?? ""),
                  })
                }
                labels={{
                  status: tf("status"),
                  dropReason: tf("dropReason"),
                  submit: t("saveReview"),
                }}
              />
            )}
          </div>
        ))
      )}
    </section>
  );
}

/** A goal's review in this session; saves name the version this form read (0: none yet). */
function GoalReviewForm({
  review,
  onSubmit,
}: {
  review: { assessment: string; story: string; version: number } | null;
  onSubmit: (values: Record<string, unknown>, version: number) => Promise<{ version: number }>;
}) {
  const t = useTranslations("reflections");
  const tf = useTranslations("fields");
  const [version, setVersion] = useEditedVersion(review?.version ?? 0);
  return (
    <ModelForm
      submitLabel={t("saveGoalReview")}
      successMessage={t("saved")}
      fields={[
        {
          name: "assessment",
          kind: "select",
          label: tf("assessment"),
          defaultValue: review?.assessment ?? "unclear",
          options: (["on_track", "at_risk", "off_track", "unclear"] as const).map((a) => ({
            value: a,
            label: t(`assessment.${a}`),
          })),
        },
        { name: "story", kind: "textarea", label: tf("story"), defaultValue: review?.story ?? "" },
      ]}
      onSubmit={async (values) => {
        const saved = await onSubmit(values, version);
        setVersion(saved.version);
      }}
    />
  );
}

function ActionReviewForm({
  action,
  onSubmit,
  labels,
}: {
  action: { version: number; status: string; dropReason: string };
  onSubmit: (values: Record<string, unknown>, version: number) => Promise<{ version: number }>;
  labels: { status: string; dropReason: string; submit: string };
}) {
  const t = useTranslations("reflections");
  const [version, setVersion] = useEditedVersion(action.version);
  return (
    <ModelForm
      layout="inline"
      submitLabel={labels.submit}
      successMessage={t("saved")}
      fields={[
        {
          name: "status",
          kind: "select",
          label: labels.status,
          // An open action has no verdict yet: the meeting chooses one ("Kies…"), never a default.
          defaultValue: action.status === "open" ? undefined : action.status,
          options: (["done", "continued", "dropped"] as const).map((v) => ({
            value: v,
            label: t(`actionStatus.${v}`),
          })),
        },
        {
          name: "dropReason",
          kind: "text",
          label: labels.dropReason,
          defaultValue: action.dropReason,
        },
      ]}
      onSubmit={async (values) => {
        const saved = await onSubmit(values, version);
        setVersion(saved.version);
      }}
    />
  );
}

function Participants({
  session: s,
  ids,
  editable,
}: {
  session: Session;
  ids: Ids;
  editable: boolean;
}) {
  const t = useTranslations("reflections");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateSession();
  const add = useMutation(
    trpc.reflections.addParticipant.mutationOptions({ onSuccess: invalidate }),
  );
  const remove = useMutation(
    trpc.reflections.removeParticipant.mutationOptions({ onSuccess: invalidate }),
  );
  const notice = useNotice();
  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading" className="utrecht-heading-2">
        {t("participantsTitle")}
      </h2>
      {notice.view}
      {s.participants.length === 0 ? (
        <EmptyState>{t("noParticipants")}</EmptyState>
      ) : (
        <ul className="utrecht-unordered-list">
          {s.participants.map((p) => (
            <li key={p.id} className="utrecht-unordered-list__item">
              {p.name} — {t(`sector.${p.sector}`)}
              {p.organisationName ? `, ${p.organisationName}` : ""}{" "}
              {editable && (
                <RemoveButton
                  name={p.name}
                  onConfirm={() =>
                    void notice.run(
                      () => remove.mutateAsync({ ...ids, participantId: p.id, version: p.version }),
                      t("participantRemoved"),
                    )
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <>
          <h3 className="utrecht-heading-3">{t("addParticipant")}</h3>
          <ModelForm
            layout="inline"
            resetOnSuccess
            submitLabel={t("addParticipantSubmit")}
            successMessage={t("participantAdded")}
            fields={[
              {
                name: "name",
                kind: "text",
                label: t("participantName"),
                hint: t("participantNameHint"),
                required: true,
              },
              {
                name: "sector",
                kind: "select",
                label: tf("sector"),
                required: true,
                options: sectors.map((x) => ({ value: x, label: t(`sector.${x}`) })),
              },
              {
                name: "organisationId",
                kind: "select",
                label: tf("organisationId"),
                nullable: true,
                options: s.partners.map((o) => ({ value: o.id, label: o.name })),
              },
            ]}
            onSubmit={(v, clientRequestId) =>
              add.mutateAsync({
                ...ids,
                clientRequestId,
                name: String(v.name),
                sector: v.sector as (typeof sectors)[number],
                organisationId: (v.organisationId as string | null) ?? null,
              })
            }
          />
        </>
      )}
    </section>
  );
}

function FactorNote({
  ids,
  factorId,
  note,
  editable,
}: {
  ids: Ids;
  factorId: string;
  note: { note: string; version: number } | undefined;
  editable: boolean;
}) {
  const t = useTranslations("reflections");
  const trpc = useTRPC();
  const save = useMutation(trpc.reflections.saveNote.mutationOptions());
  const [version, setVersion] = useEditedVersion(note?.version ?? 0);
  if (!editable) {
    return note?.note ? (
      <p className="utrecht-paragraph">
        <strong>{t("sharedNote")}:</strong> {note.note}
      </p>
    ) : null;
  }
  return (
    <details className="smo-details" open={Boolean(note?.note)}>
      <summary>{t("noteFor", { factor: factorId })}</summary>
      <ModelForm
        submitLabel={t("saveNote")}
        successMessage={t("saved")}
        fields={[
          {
            name: "note",
            kind: "textarea",
            label: t("sharedNote"),
            defaultValue: note?.note ?? "",
          },
        ]}
        onSubmit={async (v) => {
          const saved = await save.mutateAsync({ ...ids, factorId, note: String(v.note), version });
          setVersion(saved.version);
        }}
      />
    </details>
  );
}

function GoalReviews({
  session: s,
  ids,
  editable,
}: {
  session: Session;
  ids: Ids;
  editable: boolean;
}) {
  const t = useTranslations("reflections");
  const locale = useLocale();
  const trpc = useTRPC();
  const invalidate = useInvalidateSession();
  const save = useMutation(
    trpc.reflections.saveGoalReview.mutationOptions({ onSuccess: invalidate }),
  );
  return (
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading" className="utrecht-heading-2">
        {t("goalsTitle")}
      </h2>
      {s.goals.length === 0 ? (
        <EmptyState>{t("noGoals")}</EmptyState>
      ) : (
        s.goals.map((g) => (
          <div key={g.id} className="smo-section">
            <h3 className="utrecht-heading-3">
              <Link
                href={`/partnerships/${ids.partnershipId}/goals/${g.id}`}
                className="utrecht-link utrecht-link--html-a"
              >
                {g.title}
              </Link>
            </h3>
            <p className="utrecht-paragraph">
              <GoalStatusBadge status={g.status} />{" "}
              {g.progress !== null &&
                t("progress", {
                  value: new Intl.NumberFormat(intlLocale(locale), {
                    style: "percent",
                  }).format(g.progress),
                })}
            </p>
            {editable ? (
              <GoalReviewForm
                review={g.review}
                onSubmit={(v, version) =>
                  save.mutateAsync({
                    ...ids,
                    goalId: g.id,
                    assessment: v.assessment as "on_track" | "at_risk" | "off_track" | "unclear",
                    story: String(v.story),
                    version,
                  })
                }
              />
            ) : g.review ? (
              <p className="utrecht-paragraph">
                <strong>{t(`assessment.${g.review.assessment}`)}</strong>
                {g.review.story ? ` — ${g.review.story}` : ""}
              </p>
            ) : null}
          </div>
        ))
      )}
    </section>
  );
}

function Reflection({
  session: s,
  ids,
  editable,
}: {
  session: Session;
  ids: Ids;
  editable: boolean;
}) {
  const t = useTranslations("reflections");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateSession();
  const update = useMutation(trpc.reflections.update.mutationOptions({ onSuccess: invalidate }));
  const [version, setVersion] = useEditedVersion(s.version);
  return (
    <section aria-labelledby="reflection-heading">
      <h2 id="reflection-heading" className="utrecht-heading-2">
        {t("reflectionTitle")}
      </h2>
      {editable ? (
        <ModelForm
          submitLabel={t("saveReflection")}
          successMessage={t("saved")}
          fields={[
            {
              name: "whatWorks",
              kind: "textarea",
              label: tf("whatWorks"),
              defaultValue: s.whatWorks,
            },
            {
              name: "whatDoesNot",
              kind: "textarea",
              label: tf("whatDoesNot"),
              defaultValue: s.whatDoesNot,
            },
            {
              name: "heldOn",
              kind: "date",
              label: tf("heldOn"),
              defaultValue: s.heldOn,
              required: true,
            },
          ]}
          onSubmit={async (v) => {
            const saved = await update.mutateAsync({
              ...ids,
              version,
              heldOn: String(v.heldOn),
              whatWorks: String(v.whatWorks),
              whatDoesNot: String(v.whatDoesNot),
            });
            setVersion(saved.version);
          }}
        />
      ) : (
        <dl className="utrecht-data-list">
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{tf("whatWorks")}</dt>
            <dd className="utrecht-data-list__item-value">{s.whatWorks || "–"}</dd>
          </div>
          <div className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{tf("whatDoesNot")}</dt>
            <dd className="utrecht-data-list__item-value">{s.whatDoesNot || "–"}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}

function Actions({ session: s, ids, editable }: { session: Session; ids: Ids; editable: boolean }) {
  const t = useTranslations("reflections");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateSession();
  const add = useMutation(trpc.reflections.addAction.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(
    trpc.reflections.removeAction.mutationOptions({ onSuccess: invalidate }),
  );
  const notice = useNotice();
  const date = useDates().day;
  const fields: FieldSpec[] = [
    { name: "description", kind: "text", label: t("actionDescription"), required: true },
    {
      name: "ownerOrganisationId",
      kind: "select",
      label: tf("ownerOrganisationId"),
      nullable: true,
      options: s.partners.map((o) => ({ value: o.id, label: o.name })),
    },
    { name: "dueOn", kind: "date", label: tf("dueOn"), required: true },
  ];
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading" className="utrecht-heading-2">
        {t("actionsTitle")}
      </h2>
      {notice.view}
      {s.actions.length === 0 ? (
        <EmptyState>{t("noActions")}</EmptyState>
      ) : (
        <ul className="utrecht-unordered-list">
          {s.actions.map((a) => (
            <li key={a.id} className="utrecht-unordered-list__item">
              <strong>{a.description}</strong> — {a.ownerName ?? "–"},{" "}
              {t("dueBy", { date: date(a.dueOn) })}{" "}
              {editable && (
                <RemoveButton
                  name={a.description}
                  onConfirm={() =>
                    void notice.run(
                      () => remove.mutateAsync({ ...ids, actionId: a.id, version: a.version }),
                      t("actionRemoved"),
                    )
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <>
          <h3 className="utrecht-heading-3">{t("addAction")}</h3>
          <ModelForm
            resetOnSuccess
            submitLabel={t("addActionSubmit")}
            successMessage={t("actionAdded")}
            fields={fields}
            onSubmit={(v, clientRequestId) =>
              add.mutateAsync({
                ...ids,
                clientRequestId,
                description: String(v.description),
                ownerOrganisationId: (v.ownerOrganisationId as string | null) ?? null,
                dueOn: String(v.dueOn),
              })
            }
          />
        </>
      )}
    </section>
  );
}

function SignOff({ session: s, ids }: { session: Session; ids: Ids }) {
  const t = useTranslations("reflections");
  const trpc = useTRPC();
  const invalidate = useInvalidateSession();
  // A refused sign-off (the session changed meanwhile) brings the latest state on screen too.
  const signOff = useMutation(
    trpc.reflections.signOff.mutationOptions({ onSuccess: invalidate, onError: invalidate }),
  );
  const reopen = useMutation(trpc.reflections.reopen.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  const locale = useLocale();
  if (!s.can.signOff) return null;
  return (
    <section aria-labelledby="signoff-heading">
      <h2 id="signoff-heading" className="utrecht-heading-2">
        {t("signOffTitle")}
      </h2>
      {notice.view}
      {s.status === "signed_off" ? (
        <ModelForm
          submitLabel={t("reopen")}
          fields={[{ name: "reason", kind: "text", label: t("reopenReason"), required: true }]}
          onSubmit={(v) =>
            reopen.mutateAsync({ ...ids, version: s.version, reason: String(v.reason) })
          }
        />
      ) : (
        <>
          <p className="utrecht-paragraph">
            {t("signOffIntro", {
              index: formatScore(s.summary.index, locale),
              participants: s.summary.participantsScored,
            })}
          </p>
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            onClick={() => {
              if (window.confirm(t("signOffConfirm")))
                void notice.run(
                  () => signOff.mutateAsync({ ...ids, version: s.version, revision: s.revision }),
                  t("signedOff"),
                );
            }}
          >
            {t("signOff")}
          </button>
        </>
      )}
    </section>
  );
}
