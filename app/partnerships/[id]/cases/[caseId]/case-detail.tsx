"use client";

/**
 * One case: who it is about (pseudonymously), how the four perspectives and the GAS goals moved
 * over the check-ins, the signals, and the tools to work on it — goals, check-ins, a personal
 * link for the parent or young person, assignment and closing.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { LineChart } from "@/app/_components/charts";
import { DataTable } from "@/app/_components/data-table";
import { useDates } from "@/app/_components/dates";
import { ModelForm, useEditedVersion } from "@/app/_components/form";
import { useInvalidate } from "@/app/_components/invalidate";
import { RemoveButton, useNotice } from "@/app/_components/notice";
import { EmptyState, ErrorAlert, Loading } from "@/app/_components/states";
import { formatScore } from "@/app/_components/status";
import { useTRPC } from "@/app/_trpc/client";
import {
  ageBandBounds,
  ageBands,
  caseEndings,
  casePerspectives,
  problemDomains,
  schoolTypes,
} from "@/domain/vocabulary";
import type { AppRouter } from "@/server/root";

type Case = inferRouterOutputs<AppRouter>["cases"]["get"];
type Ids = { partnershipId: string; caseId: string };

function useInvalidateCases() {
  return useInvalidate((trpc) => trpc.cases.pathFilter());
}

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

function Summary({ c }: { c: Case }) {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const date = useDates().day;
  const rows: [string, React.ReactNode][] = [
    [tf("ageBand"), t("ageBandValue", ageBandBounds(c.ageBand))],
    [tf("schoolType"), t(`schoolType.${c.schoolType}`)],
    [tf("problemDomains"), c.problemDomains.map((d) => t(`domain.${d}`)).join(", ") || "–"],
    [t("opened"), `${date(c.openedOn)}${c.closedOn ? ` – ${date(c.closedOn)}` : ""}`],
    [
      tf("jointPlan"),
      c.jointPlan
        ? c.jointPlanSince
          ? t("jointPlanSince", { date: date(c.jointPlanSince) })
          : ta(true)
        : ta(false),
    ],
    [t("assigned"), c.assignments.map((a) => a.name).join(", ") || "–"],
    [tf("internalReference"), c.internalReference || "–"],
  ];
  if (c.closedOn && c.ending) rows.push([tf("ending"), t(`ending.${c.ending}`)]);
  return (
    <dl className="utrecht-data-list">
      {rows.map(([k, v]) => (
        <div key={k} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{k}</dt>
          <dd className="utrecht-data-list__item-value">{v}</dd>
        </div>
      ))}
    </dl>
  );
  function ta(yes: boolean) {
    return yes ? t("yes") : t("no");
  }
}

function Signals({ c }: { c: Case }) {
  const t = useTranslations("cases");
  if (!c.signals.noProgress && !c.signals.disagreement && c.pendingVoices.length === 0) return null;
  return (
    <div className="utrecht-alert utrecht-alert--warning">
      <div className="utrecht-alert__content">
        <ul className="utrecht-unordered-list">
          {c.signals.noProgress && (
            <li className="utrecht-unordered-list__item">{t("signalNoProgress")}</li>
          )}
          {c.signals.disagreement && (
            <li className="utrecht-unordered-list__item">{t("signalDisagreement")}</li>
          )}
          {c.pendingVoices.map((v, i) => (
            <li key={i} className="utrecht-unordered-list__item">
              {t("pendingVoice", { who: t(`perspective.${v.perspective}`) })}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function Progress({ c, ids, editable }: { c: Case; ids: Ids; editable: boolean }) {
  const t = useTranslations("cases");
  const ta = useTranslations("app");
  const locale = useLocale();
  const date = useDates().day;
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  const remove = useMutation(trpc.cases.removeCheckIn.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  if (c.timeline.length === 0)
    return (
      <>
        {/* The message of a removal that emptied the timeline still shows. */}
        {notice.view}
        <EmptyState>{editable ? t("noCheckIns") : t("noCheckInsClosed")}</EmptyState>
      </>
    );
  const labels = c.timeline.map((x) => date(x.heldOn));
  const rating = (x: Case["timeline"][number], p: (typeof casePerspectives)[number]) =>
    x.ratings.find((r) => r.perspective === p);
  return (
    <>
      <h2 className="utrecht-heading-2">{t("perspectivesTitle")}</h2>
      <LineChart
        labels={labels}
        series={casePerspectives.map((p) => ({
          label: t(`perspective.${p}`),
          values: c.timeline.map((x) => rating(x, p)?.wellbeing ?? null),
        }))}
      />
      <details className="smo-details">
        <summary>{t("tableOfChart")}</summary>
        <DataTable
          caption={t("perspectivesTitle")}
          rows={c.timeline}
          rowKey={(x) => x.id}
          columns={[
            { header: t("checkInDate"), cell: (x) => date(x.heldOn) },
            ...casePerspectives.map((p) => ({
              header: t(`perspective.${p}`),
              cell: (x: Case["timeline"][number]) => {
                const r = rating(x, p);
                return r
                  ? `${r.collaboration} / ${r.wellbeing}${r.viaLink ? ` (${t("viaLink")})` : ""}`
                  : "–";
              },
            })),
            { header: t("changes"), cell: (x) => x.professionalChanges, numeric: true },
          ]}
        />
        <p className="utrecht-paragraph smo-muted">{t("ratingsLegend")}</p>
      </details>

      <h2 className="utrecht-heading-2">{t("gasTitle")}</h2>
      <LineChart
        labels={labels}
        min={20}
        max={80}
        series={[{ label: t("gasT"), values: c.timeline.map((x) => x.gasT) }]}
      />
      <details className="smo-details">
        <summary>{t("tableOfChart")}</summary>
        <DataTable
          caption={t("gasTitle")}
          rows={c.timeline}
          rowKey={(x) => x.id}
          columns={[
            { header: t("checkInDate"), cell: (x) => date(x.heldOn) },
            { header: t("gasT"), cell: (x) => formatScore(x.gasT, locale), numeric: true },
          ]}
        />
      </details>

      <h2 className="utrecht-heading-2">{t("timelineTitle")}</h2>
      {notice.view}
      <ol className="utrecht-unordered-list">
        {[...c.timeline].reverse().map((x) => (
          <li key={x.id} className="utrecht-unordered-list__item">
            <strong>{date(x.heldOn)}</strong>
            {x.createdByName ? ` — ${x.createdByName}` : ""}
            {editable && (
              <span className="smo-inline-actions">
                <Link
                  href={`/partnerships/${ids.partnershipId}/cases/${ids.caseId}/check-in?edit=${x.id}`}
                  className="utrecht-link utrecht-link--html-a"
                >
                  {ta("edit")}
                  <span className="smo-visually-hidden">
                    {" "}
                    {t("checkInOf", { date: date(x.heldOn) })}
                  </span>
                </Link>
                <RemoveButton
                  name={t("checkInOf", { date: date(x.heldOn) })}
                  question={t("confirmRemoveCheckIn", { date: date(x.heldOn) })}
                  onConfirm={() =>
                    void notice.run(
                      () => remove.mutateAsync({ ...ids, checkInId: x.id, version: x.version }),
                      t("checkInRemoved"),
                    )
                  }
                />
              </span>
            )}
            <ul className="utrecht-unordered-list">
              {x.ratings.map((r) => (
                <li key={r.perspective} className="utrecht-unordered-list__item">
                  {t(`perspective.${r.perspective}`)}
                  {r.viaLink ? ` (${t("viaLink")})` : ""}:{" "}
                  {t("ratingLine", { collaboration: r.collaboration, wellbeing: r.wellbeing })}
                  {r.comment ? ` — “${r.comment}”` : ""}
                </li>
              ))}
              {x.professionalChanges > 0 && (
                <li className="utrecht-unordered-list__item">
                  {t("changesLine", { count: x.professionalChanges })}
                </li>
              )}
              {x.referrals.map((r) => (
                <li key={r.id} className="utrecht-unordered-list__item">
                  {t("referralLine", {
                    kind: t(`referral.${r.kind}`),
                    judgement: t(`judgement.${r.judgement}`),
                  })}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}

function Goals({ c, ids, editable }: { c: Case; ids: Ids; editable: boolean }) {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  const add = useMutation(trpc.cases.addGoal.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(trpc.cases.removeGoal.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  return (
    <section aria-labelledby="case-goals">
      <h2 id="case-goals" className="utrecht-heading-2">
        {t("goalsTitle")}
      </h2>
      {notice.view}
      {c.goals.length === 0 ? (
        <EmptyState>{t("noGoals")}</EmptyState>
      ) : (
        <ul className="utrecht-unordered-list">
          {c.goals.map((g) => (
            <li key={g.id} className="utrecht-unordered-list__item">
              <strong>{g.description}</strong> ({t("weight", { weight: g.weight })}){" "}
              {editable && (
                <RemoveButton
                  name={g.description}
                  onConfirm={() =>
                    void notice.run(
                      () => remove.mutateAsync({ ...ids, goalId: g.id, version: g.version }),
                      t("goalRemoved"),
                    )
                  }
                />
              )}
              <ul className="utrecht-unordered-list">
                <li className="utrecht-unordered-list__item">−2: {g.levelMinus2}</li>
                <li className="utrecht-unordered-list__item">−1: {g.levelMinus1}</li>
                <li className="utrecht-unordered-list__item">0: {g.level0}</li>
                <li className="utrecht-unordered-list__item">+1: {g.levelPlus1}</li>
                <li className="utrecht-unordered-list__item">+2: {g.levelPlus2}</li>
              </ul>
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <details className="smo-details">
          <summary>{t("addGoal")}</summary>
          <ModelForm
            resetOnSuccess
            submitLabel={t("addGoal")}
            successMessage={t("goalAdded")}
            fields={[
              { name: "description", kind: "text", label: tf("description"), required: true },
              { name: "levelMinus2", kind: "text", label: tf("levelMinus2"), required: true },
              { name: "levelMinus1", kind: "text", label: tf("levelMinus1"), required: true },
              { name: "level0", kind: "text", label: tf("level0"), required: true },
              { name: "levelPlus1", kind: "text", label: tf("levelPlus1"), required: true },
              { name: "levelPlus2", kind: "text", label: tf("levelPlus2"), required: true },
              { name: "weight", kind: "number", label: tf("weight"), defaultValue: 1 },
            ]}
            onSubmit={(v, clientRequestId) =>
              add.mutateAsync({
                ...ids,
                clientRequestId,
                description: String(v.description),
                levelMinus2: String(v.levelMinus2),
                levelMinus1: String(v.levelMinus1),
                level0: String(v.level0),
                levelPlus1: String(v.levelPlus1),
                levelPlus2: String(v.levelPlus2),
                weight: (v.weight as number | null) ?? 1,
              })
            }
          />
        </details>
      )}
    </section>
  );
}

function VoiceLinks({ c, ids }: { c: Case; ids: Ids }) {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  const create = useMutation(trpc.cases.createLink.mutationOptions({ onSuccess: invalidate }));
  const revoke = useMutation(trpc.cases.revokeLink.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  const dates = useDates();
  const [created, setCreated] = useState<{ url: string; perspective: string } | null>(null);
  return (
    <section aria-labelledby="case-links">
      <h2 id="case-links" className="utrecht-heading-2">
        {t("linksTitle")}
      </h2>
      <p className="utrecht-paragraph">{t("linksIntro")}</p>
      {notice.view}
      <ModelForm
        layout="inline"
        submitLabel={t("createLink")}
        fields={[
          {
            name: "perspective",
            kind: "select",
            label: tf("perspective"),
            defaultValue: "parent",
            options: (["parent", "young_person"] as const).map((p) => ({
              value: p,
              label: t(`perspective.${p}`),
            })),
          },
        ]}
        onSubmit={async (v) => {
          const link = await create.mutateAsync({
            ...ids,
            perspective: v.perspective as "parent" | "young_person",
          });
          setCreated({
            url: `${window.location.origin}${link.path}`,
            perspective: String(v.perspective),
          });
        }}
      />
      {created && (
        <div className="utrecht-alert utrecht-alert--ok" role="status">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph">
              {t("linkCreated", { who: t(`perspective.${created.perspective as "parent"}`) })}
            </p>
            <p className="utrecht-paragraph">
              <label htmlFor="voice-link" className="utrecht-form-label">
                {t("linkLabel")}
              </label>
              <input
                id="voice-link"
                className="utrecht-textbox utrecht-textbox--html-input"
                readOnly
                value={created.url}
                onFocus={(e) => e.currentTarget.select()}
              />
            </p>
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => void navigator.clipboard?.writeText(created.url)}
            >
              {t("copyLink")}
            </button>
          </div>
        </div>
      )}
      {c.links.length > 0 && (
        <DataTable
          caption={t("linksTitle")}
          rows={c.links}
          rowKey={(l) => l.id}
          columns={[
            { header: tf("perspective"), cell: (l) => t(`perspective.${l.perspective}`) },
            {
              header: t("linkMade"),
              cell: (l) => dates.moment(l.createdAt, "day"),
            },
            {
              header: t("linkValidUntil"),
              cell: (l) => dates.moment(l.expiresAt, "day"),
            },
            { header: tf("status"), cell: (l) => t(`linkState.${l.state}`) },
            {
              header: t("actions"),
              cell: (l) =>
                l.state === "open" ? (
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--subtle"
                    onClick={() =>
                      void notice.run(
                        () => revoke.mutateAsync({ ...ids, linkId: l.id }),
                        t("linkRevoked"),
                      )
                    }
                  >
                    {t("revokeLink")}
                  </button>
                ) : (
                  "–"
                ),
            },
          ]}
        />
      )}
    </section>
  );
}

function Assignments({ c, ids }: { c: Case; ids: Ids }) {
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
      {c.assignments.length === 0 && <EmptyState>{t("noAssignments")}</EmptyState>}
      <ul className="utrecht-unordered-list">
        {c.assignments.map((a) => (
          <li key={a.id} className="utrecht-unordered-list__item">
            {a.name}{" "}
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() =>
                void notice.run(
                  () => unassign.mutateAsync({ ...ids, userId: a.userId }),
                  t("unassigned"),
                )
              }
            >
              {t("unassign")} <span className="smo-visually-hidden">{a.name}</span>
            </button>
          </li>
        ))}
      </ul>
      {members.isPending && <Loading label={ta("loading")} />}
      {members.isError && <ErrorAlert message={members.error.message} />}
      {candidates.length > 0 && (
        <ModelForm
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
          onSubmit={(v) => assign.mutateAsync({ ...ids, userId: String(v.userId) })}
        />
      )}
    </section>
  );
}

/** A closed case says so first: when, how it ended, and that nothing more is added. */
function ClosedNote({ c }: { c: Case }) {
  const t = useTranslations("cases");
  const date = useDates().day;
  return (
    <div className="utrecht-alert utrecht-alert--info" role="status">
      <div className="utrecht-alert__content">
        <p className="utrecht-paragraph">
          {t("closedNote", {
            date: date(c.closedOn ?? ""),
            ending: c.ending ? t(`ending.${c.ending}`) : "–",
          })}
        </p>
      </div>
    </div>
  );
}

function CloseCase({ c, ids }: { c: Case; ids: Ids }) {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  const close = useMutation(trpc.cases.close.mutationOptions({ onSuccess: invalidate }));
  const [version] = useEditedVersion(c.version);
  const satisfaction = [1, 2, 3, 4, 5].map((n) => ({
    value: String(n),
    label: t(`satisfaction.${n}` as "satisfaction.1"),
  }));
  return (
    <section aria-labelledby="case-close">
      <h2 id="case-close" className="utrecht-heading-2">
        {t("closeTitle")}
      </h2>
      <details className="smo-details">
        <summary>{t("closeOpen")}</summary>
        <ModelForm
          submitLabel={t("close")}
          fields={[
            {
              name: "closedOn",
              kind: "date",
              label: tf("closedOn"),
              defaultValue: new Date().toISOString().slice(0, 10),
              required: true,
            },
            {
              name: "ending",
              kind: "select",
              label: tf("ending"),
              required: true,
              options: caseEndings.map((e) => ({ value: e, label: t(`ending.${e}`) })),
            },
            {
              name: "continuesWithoutHelp",
              kind: "select",
              label: tf("continuesWithoutHelp"),
              nullable: true,
              emptyLabel: t("notKnown"),
              options: [
                { value: "yes", label: t("yes") },
                { value: "no", label: t("no") },
              ],
            },
            {
              name: "satisfactionParent",
              kind: "select",
              label: tf("satisfactionParent"),
              nullable: true,
              emptyLabel: t("notKnown"),
              options: satisfaction,
            },
            {
              name: "satisfactionYoungPerson",
              kind: "select",
              label: tf("satisfactionYoungPerson"),
              nullable: true,
              emptyLabel: t("notKnown"),
              options: satisfaction,
            },
          ]}
          onSubmit={async (v) => {
            // Closing ends check-ins and personal links: asked once, naming the outcome.
            const ending = t(`ending.${v.ending as (typeof caseEndings)[number]}`);
            if (v.ending && !window.confirm(t("confirmClose", { ending }))) return;
            await close.mutateAsync({
              ...ids,
              version,
              closedOn: String(v.closedOn),
              ending: v.ending as (typeof caseEndings)[number],
              continuesWithoutHelp:
                v.continuesWithoutHelp === null ? null : v.continuesWithoutHelp === "yes",
              satisfactionParent:
                v.satisfactionParent === null ? null : Number(v.satisfactionParent),
              satisfactionYoungPerson:
                v.satisfactionYoungPerson === null ? null : Number(v.satisfactionYoungPerson),
            });
          }}
        />
      </details>
    </section>
  );
}

function EditCase({ c, ids }: { c: Case; ids: Ids }) {
  const t = useTranslations("cases");
  const tf = useTranslations("fields");
  const trpc = useTRPC();
  const invalidate = useInvalidateCases();
  const update = useMutation(trpc.cases.update.mutationOptions({ onSuccess: invalidate }));
  const [version, setVersion] = useEditedVersion(c.version);
  return (
    <details className="smo-details">
      <summary>{t("editCase")}</summary>
      <ModelForm
        submitLabel={t("saveCase")}
        successMessage={t("caseSaved")}
        fields={[
          {
            name: "ageBand",
            kind: "select",
            label: tf("ageBand"),
            defaultValue: c.ageBand,
            options: ageBands.map((b) => ({
              value: b,
              label: t("ageBandValue", ageBandBounds(b)),
            })),
          },
          {
            name: "schoolType",
            kind: "select",
            label: tf("schoolType"),
            defaultValue: c.schoolType,
            options: schoolTypes.map((x) => ({ value: x, label: t(`schoolType.${x}`) })),
          },
          ...problemDomains.map((d) => ({
            name: `domain_${d}`,
            kind: "checkbox" as const,
            label: `${tf("problemDomains")}: ${t(`domain.${d}`)}`,
            defaultValue: c.problemDomains.includes(d),
          })),
          {
            name: "jointPlan",
            kind: "checkbox",
            label: tf("jointPlan"),
            defaultValue: c.jointPlan,
          },
          {
            name: "jointPlanSince",
            kind: "date",
            label: tf("jointPlanSince"),
            defaultValue: c.jointPlanSince ?? "",
          },
          {
            name: "internalReference",
            kind: "text",
            label: tf("internalReference"),
            defaultValue: c.internalReference,
            hint: t("referenceHint"),
          },
        ]}
        onSubmit={async (v) => {
          const saved = await update.mutateAsync({
            ...ids,
            version,
            ageBand: v.ageBand as (typeof ageBands)[number],
            schoolType: v.schoolType as (typeof schoolTypes)[number],
            problemDomains: problemDomains.filter((d) => v[`domain_${d}`] === true),
            jointPlan: Boolean(v.jointPlan),
            jointPlanSince: v.jointPlan && v.jointPlanSince ? String(v.jointPlanSince) : null,
            internalReference: String(v.internalReference ?? ""),
          });
          setVersion(saved.version);
        }}
      />
    </details>
  );
}
