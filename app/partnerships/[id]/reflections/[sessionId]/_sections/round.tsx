"use client";

/**
 * The individual scoring round before the meeting: the coordinator opens it; each participant
 * scores privately — a member here, signed in; someone without an account through a personal
 * link handed over as a copy or a printed card with a QR code — and who has responded shows
 * here, never what. Starting the meeting closes the round: its scores become the session's.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useDates } from "@/app/_components/dates";
import { useNotice } from "@/app/_components/notice";
import { ScaleRow } from "@/app/_components/scale-row";
import { ShownLink } from "@/app/_components/shown-link";
import { Loading } from "@/app/_components/states";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/app/_trpc/types";
import { today } from "@/domain/dates";
import { type SectionProps, useInvalidateSession } from "./session";

type Round = RouterOutputs["rounds"]["get"];
type Handed = { name: string; url: string; heldOn: string };

export function ScoringRound({ session: s, ids, editable }: SectionProps) {
  const t = useTranslations("rounds");
  const trpc = useTRPC();
  const invalidateSession = useInvalidateSession();
  const query = useQuery(trpc.rounds.get.queryOptions(ids));
  const invalidate = () => {
    void invalidateSession();
    void query.refetch();
  };
  const open = useMutation(trpc.rounds.open.mutationOptions({ onSuccess: invalidate }));
  const close = useMutation(trpc.rounds.close.mutationOptions({ onSuccess: invalidate }));
  const createLink = useMutation(trpc.rounds.createLink.mutationOptions({ onSuccess: invalidate }));
  const revoke = useMutation(trpc.rounds.revokeLink.mutationOptions({ onSuccess: invalidate }));
  const notice = useNotice();
  const { day, moment } = useDates();
  const [handed, setHanded] = useState<Handed | null>(null);

  if (query.isPending) return <Loading label={t("loading")} />;
  if (query.isError) return null;
  const { round, participants, mine } = query.data;
  const coming = s.heldOn >= today() && s.status !== "signed_off";
  if (!round && !(coming && s.can.planSessions)) return null;
  const responded = participants.filter((p) => p.respondedAt).length;

  return (
    <section aria-labelledby="round-heading">
      <h2 id="round-heading" className="utrecht-heading-2">
        {t("title")}
      </h2>
      {notice.view}
      {!round && (
        <>
          <p className="utrecht-paragraph">{t("intro")}</p>
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            disabled={open.isPending}
            onClick={() => void notice.run(() => open.mutateAsync(ids), t("opened"))}
          >
            {t("open")}
          </button>
        </>
      )}
      {round?.open && (
        <>
          <p className="utrecht-paragraph">
            {round.takesScores ? t("running", { day: day(s.heldOn) }) : t("dayPassed")}
          </p>
          <p className="utrecht-paragraph" aria-live="polite">
            <strong>{t("responded", { n: responded, total: participants.length })}</strong>
          </p>
        </>
      )}
      {round && !round.open && round.closedAt && (
        <p className="utrecht-paragraph">
          {t("closed", { at: moment(round.closedAt), n: responded, total: participants.length })}
        </p>
      )}
      {round && participants.length === 0 && (
        <p className="utrecht-paragraph">{t("noParticipants")}</p>
      )}
      {round && participants.length > 0 && (
        <table className="utrecht-table smo-table-stacked">
          <caption className="utrecht-table__caption">{t("whoTitle")}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                {t("who")}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t("how")}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t("status")}
              </th>
              {round.open && editable && (
                <th className="utrecht-table__header-cell" scope="col">
                  {t("link")}
                </th>
              )}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {participants.map((p) => (
              <tr key={p.id} className="utrecht-table__row">
                <td className="utrecht-table__cell" data-label={t("who")}>
                  {p.name}
                </td>
                <td className="utrecht-table__cell" data-label={t("how")}>
                  {p.hasAccount
                    ? t("viaAccount")
                    : p.link
                      ? t(`linkState.${p.link.state}`)
                      : t("noLinkYet")}
                </td>
                <td className="utrecht-table__cell" data-label={t("status")}>
                  {p.respondedAt ? t("respondedAt", { at: moment(p.respondedAt) }) : t("notYet")}
                </td>
                {round.open && editable && (
                  <td className="utrecht-table__cell" data-label={t("link")}>
                    {!p.hasAccount && !p.respondedAt && round.takesScores && (
                      <span className="utrecht-button-group">
                        <button
                          type="button"
                          className="utrecht-button utrecht-button--secondary-action"
                          onClick={() =>
                            void notice.run(
                              async () => {
                                const made = await createLink.mutateAsync({
                                  ...ids,
                                  participantId: p.id,
                                });
                                setHanded({
                                  name: p.name,
                                  url: `${window.location.origin}${made.path}`,
                                  heldOn: s.heldOn,
                                });
                              },
                              t("linkMade", { name: p.name }),
                            )
                          }
                        >
                          {p.link?.state === "open"
                            ? t("newLink", { name: p.name })
                            : t("makeLink", { name: p.name })}
                        </button>
                        {p.link?.state === "open" && (
                          <button
                            type="button"
                            className="utrecht-button utrecht-button--subtle"
                            onClick={() =>
                              void notice.run(
                                () => revoke.mutateAsync({ ...ids, linkId: p.link?.id ?? "" }),
                                t("linkRevoked"),
                              )
                            }
                          >
                            {t("revokeLink", { name: p.name })}
                          </button>
                        )}
                      </span>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {handed && <HandOver handed={handed} onDone={() => setHanded(null)} />}
      {round?.takesScores &&
        mine.map((m) => (
          <OwnScores
            key={m.participantId}
            session={s}
            ids={ids}
            participantId={m.participantId}
            saved={m.scores}
            onSaved={() => void query.refetch()}
          />
        ))}
      {round?.open && editable && (
        <div className="smo-round-start">
          <h3 className="utrecht-heading-3">{t("startTitle")}</h3>
          <p className="utrecht-paragraph">{t("startText")}</p>
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            disabled={close.isPending}
            onClick={() => {
              if (window.confirm(t("startQuestion", { n: responded, total: participants.length })))
                void notice.run(() => close.mutateAsync(ids), t("started"));
            }}
          >
            {t("start")}
          </button>
        </div>
      )}
    </section>
  );
}

/** The link shown once: to copy, or to print on a card with a QR code to hand over. */
function HandOver({ handed, onDone }: { handed: Handed; onDone: () => void }) {
  const t = useTranslations("rounds");
  const { day } = useDates();
  const [svg, setSvg] = useState("");
  useEffect(() => {
    void QRCode.toString(handed.url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }).then(
      setSvg,
    );
  }, [handed.url]);
  return (
    <div className="utrecht-alert utrecht-alert--ok smo-hand-over" role="status">
      <div className="utrecht-alert__content">
        <p className="utrecht-paragraph smo-no-print">{t("handOver", { name: handed.name })}</p>
        <ShownLink id="round-link" url={handed.url} label={t("linkLabel")} copyLabel={t("copy")}>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => window.print()}
          >
            {t("printCard")}
          </button>
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onDone}>
            {t("doneHandOver")}
          </button>
        </ShownLink>
        <section className="smo-link-card" aria-label={t("cardLabel")}>
          <p className="utrecht-paragraph">
            <strong>{t("cardTitle")}</strong>
          </p>
          <p className="utrecht-paragraph">{t("cardText", { day: day(handed.heldOn) })}</p>
          {svg && (
            // The QR code is made here from the link (qrcode's own SVG, no outside content).
            // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG generated by qrcode from our own URL
            <div className="smo-qr smo-link-card-qr" dangerouslySetInnerHTML={{ __html: svg }} />
          )}
          <p className="utrecht-paragraph smo-link-card-url">{handed.url}</p>
        </section>
      </div>
    </div>
  );
}

/** A member's own scores in the round: saved privately, changeable until the round closes. */
function OwnScores({
  session: s,
  ids,
  participantId,
  saved,
  onSaved,
}: {
  session: SectionProps["session"];
  ids: SectionProps["ids"];
  participantId: string;
  saved: Round["mine"][number]["scores"];
  onSaved: () => void;
}) {
  const t = useTranslations("rounds");
  const locale = useLocale() as "nl" | "en";
  const trpc = useTRPC();
  const save = useMutation(trpc.rounds.saveMine.mutationOptions({ onSuccess: onSaved }));
  const notice = useNotice();
  const [values, setValues] = useState(
    () => new Map<string, number | null>(saved.map((x) => [x.factorId, x.score])),
  );
  const factors = s.instrument.levels.flatMap((l) => l.factors);
  const answered = factors.filter((f) => values.has(f.id)).length;
  return (
    <form
      className="smo-own-scores"
      aria-labelledby={`own-${participantId}`}
      onSubmit={(e) => {
        e.preventDefault();
        void notice.run(
          () =>
            save.mutateAsync({
              ...ids,
              participantId,
              scores: [...values].map(([factorId, score]) => ({ factorId, score })),
            }),
          t("savedMine"),
        );
      }}
    >
      <h3 id={`own-${participantId}`} className="utrecht-heading-3">
        {t("mineTitle")}
      </h3>
      <p className="utrecht-paragraph">{t("mineIntro")}</p>
      {s.instrument.levels.map((level) => (
        <div key={level.id} className="smo-level">
          <h4 className="utrecht-heading-4">{level.label[locale]}</h4>
          {level.factors.map((f) => (
            <div key={f.id} className="smo-factor">
              <p className="utrecht-paragraph smo-factor-question" id={`own-q-${f.id}`}>
                <span className="smo-factor-id">{f.id}</span> <strong>{f.label[locale]}</strong>
                <br />
                {f.question[locale]}
              </p>
              <ScaleRow
                name={`own-${participantId}-${f.id}`}
                who={<span className="smo-visually-hidden">{f.label[locale]}</span>}
                value={values.get(f.id)}
                onChange={(score) => setValues((v) => new Map(v).set(f.id, score))}
              />
            </div>
          ))}
        </div>
      ))}
      <div className="smo-score-bar">
        <p className="smo-score-progress">
          {t("mineProgress", { n: answered, total: factors.length })}
        </p>
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          disabled={save.isPending || answered === 0}
        >
          {t("saveMine")}
        </button>
      </div>
      {notice.view}
    </form>
  );
}
