"use client";

/**
 * Scoring in a meeting: factors grouped per level, for each factor one row of big 1–5 buttons
 * (plus "weet niet / n.v.t.") per participant. Native radio groups: Tab moves between
 * participants, the arrow keys across the scale. Every change is saved on its own shortly after
 * it is made; the participant's version guards against someone else's concurrent save. Above the
 * grid the chair has an index of the five levels, how far the scoring is, and a button that moves
 * to the next factor someone has not answered yet.
 */
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { FactorKnowledge } from "@/app/_components/factor-knowledge";
import { ScaleRow } from "@/app/_components/scale-row";
import { EmptyState } from "@/app/_components/states";
import { describeError, useTRPCClient } from "@/app/_trpc/client";
import type { Instrument } from "@/domain/instrument";
import { weakness } from "@/domain/knowledge";
import { nextOpenFactor, type ScoringProgress, scoringProgress } from "@/domain/score-progress";

type Participant = { id: string; name: string; version: number; organisationName: string | null };
type ScoreRow = { participantId: string; factorId: string; score: number | null };
type SaveState = { state: "idle" | "saving" | "saved" | "error"; message?: string };

/** How long a save waits before it is tried again after the connection dropped. */
const RETRY_MS = 3000;

export function ScoreGrid({
  partnershipId,
  sessionId,
  instrument,
  participants,
  scores,
  editable,
  onConflict,
  noteEditor,
}: {
  partnershipId: string;
  sessionId: string;
  instrument: Instrument;
  participants: Participant[];
  scores: ScoreRow[];
  editable: boolean;
  onConflict: () => void;
  noteEditor: (factorId: string) => React.ReactNode;
}) {
  const t = useTranslations("reflections");
  const network = useTranslations("errors")("network");
  const locale = useLocale() as "nl" | "en";
  // The plain client, not a mutation hook: a save sent as the page is left must still go out.
  const client = useTRPCClient();
  // What the user entered is the truth on this screen: kept locally, saved in the background.
  const [values, setValues] = useState(() => {
    const map = new Map<string, number | null>();
    for (const s of scores) map.set(`${s.participantId}:${s.factorId}`, s.score);
    return map;
  });
  const versions = useRef(new Map(participants.map((p) => [p.id, p.version])));
  const pending = useRef(new Map<string, Map<string, number | null>>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const [status, setStatus] = useState<Record<string, SaveState>>({});
  /** Saves sent and not yet answered. */
  const inFlight = useRef(0);
  /** The factor the chair was last in, where "next open factor" starts looking. */
  const lastFactor = useRef<string | null>(null);
  const grid = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = grid.current;
    const onFocus = (event: FocusEvent) => {
      const factor = (event.target as Element).closest("fieldset[id^='factor-']");
      if (factor) lastFactor.current = factor.id.slice("factor-".length);
    };
    element?.addEventListener("focusin", onFocus);
    return () => element?.removeEventListener("focusin", onFocus);
  });

  // New participants (added after load) get their version.
  useEffect(() => {
    for (const p of participants)
      if (!versions.current.has(p.id)) versions.current.set(p.id, p.version);
  }, [participants]);

  const flush = useCallback(
    async (participantId: string) => {
      const changes = pending.current.get(participantId);
      const version = versions.current.get(participantId);
      if (!changes || changes.size === 0 || version === undefined) return;
      pending.current.delete(participantId);
      clearTimeout(timers.current.get(participantId));
      timers.current.delete(participantId);
      setStatus((s) => ({ ...s, [participantId]: { state: "saving" } }));
      inFlight.current += 1;
      try {
        const result = await client.reflections.saveScores.mutate({
          partnershipId,
          sessionId,
          participantId,
          version,
          scores: [...changes].map(([factorId, score]) => ({ factorId, score })),
        });
        versions.current.set(participantId, result.version);
        setStatus((s) => ({ ...s, [participantId]: { state: "saved" } }));
      } catch (error) {
        // Keep the unsaved changes, so nothing typed is lost; the message says what to do.
        const again = pending.current.get(participantId) ?? new Map();
        for (const [k, v] of changes) if (!again.has(k)) again.set(k, v);
        pending.current.set(participantId, again);
        const described = describeError(error, network);
        setStatus((s) => ({
          ...s,
          [participantId]: { state: "error", message: described.message },
        }));
        const code = (error as { data?: { code?: string } }).data?.code;
        if (code === "CONFLICT") onConflict();
        // No answer at all (the connection dropped): try again shortly, and when back online.
        else if (!code)
          timers.current.set(
            participantId,
            setTimeout(() => void flushRef.current(participantId), RETRY_MS),
          );
      } finally {
        inFlight.current -= 1;
      }
    },
    [client, network, onConflict, partnershipId, sessionId],
  );
  const flushRef = useRef(flush);
  flushRef.current = flush;

  function choose(participantId: string, factorId: string, score: number | null) {
    setValues((m) => new Map(m).set(`${participantId}:${factorId}`, score));
    const changes = pending.current.get(participantId) ?? new Map<string, number | null>();
    changes.set(factorId, score);
    pending.current.set(participantId, changes);
    clearTimeout(timers.current.get(participantId));
    timers.current.set(
      participantId,
      setTimeout(() => void flush(participantId), 600),
    );
  }

  // Save what is pending at once when the page is left: another tab or link in the app (the
  // grid unmounts), a reload or a closed tab (keepalive carries the request, and the browser
  // asks whether to leave while a save is unsent); and again when the connection is back.
  useEffect(() => {
    const all = timers.current;
    const sendAll = () => {
      for (const id of [...pending.current.keys()]) void flushRef.current(id);
    };
    const onLeave = (event: BeforeUnloadEvent) => {
      const unsent = pending.current.size > 0 || inFlight.current > 0;
      sendAll();
      if (unsent) event.preventDefault();
    };
    window.addEventListener("beforeunload", onLeave);
    window.addEventListener("pagehide", sendAll);
    window.addEventListener("online", sendAll);
    return () => {
      window.removeEventListener("beforeunload", onLeave);
      window.removeEventListener("pagehide", sendAll);
      window.removeEventListener("online", sendAll);
      for (const timer of all.values()) clearTimeout(timer);
      sendAll();
    };
  }, []);

  if (participants.length === 0) return <EmptyState>{t("noParticipantsYet")}</EmptyState>;

  const progress = scoringProgress(
    instrument,
    participants.map((p) => p.id),
    (p, f) => values.has(`${p}:${f}`),
  );

  /** Moves to the next factor not answered by everyone, onto the first person still to answer. */
  function toNextOpen() {
    const factorId = nextOpenFactor(instrument, progress.open, lastFactor.current);
    if (!factorId) return;
    const who = participants.find((p) => !values.has(`${p.id}:${factorId}`)) ?? participants[0];
    const target = document.querySelector<HTMLInputElement>(
      `input[name="score-${factorId}-${who?.id}"]`,
    );
    document.getElementById(`factor-${factorId}`)?.scrollIntoView({ block: "start" });
    target?.focus({ preventScroll: true });
  }

  return (
    <div className="smo-score-grid" ref={grid}>
      <ScoreOverview
        instrument={instrument}
        progress={progress}
        locale={locale}
        onNext={editable ? toNextOpen : undefined}
      />
      <div className="smo-save-states" aria-live="polite">
        {participants.map((p) => {
          const s = status[p.id];
          if (!s || s.state === "idle") return null;
          return (
            <p
              key={p.id}
              className={`utrecht-paragraph${s.state === "error" ? " smo-error-text" : ""}`}
            >
              {p.name}:{" "}
              {s.state === "saving" ? t("saving") : s.state === "saved" ? t("saved") : s.message}
              {s.state === "error" && (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  onClick={() => void flush(p.id)}
                >
                  {t("retry")}
                </button>
              )}
            </p>
          );
        })}
      </div>
      {instrument.levels.map((level) => (
        <section key={level.id} aria-labelledby={`level-${level.id}`} className="smo-level">
          <h3 id={`level-${level.id}`} className="utrecht-heading-3">
            {level.label[locale]}
          </h3>
          {level.factors.map((factor) => (
            <fieldset
              key={factor.id}
              className="utrecht-form-fieldset smo-factor"
              id={`factor-${factor.id}`}
            >
              <legend className="utrecht-form-fieldset__legend">
                <span className="smo-factor-id">{factor.id}</span> {factor.label[locale]}
              </legend>
              <p className="utrecht-paragraph smo-factor-question">{factor.question[locale]}</p>
              <p className="utrecht-paragraph smo-muted">{factor.explanation[locale]}</p>
              {participants.map((p) => {
                const current = values.get(`${p.id}:${factor.id}`);
                return (
                  <ScaleRow
                    key={p.id}
                    name={`score-${factor.id}-${p.id}`}
                    who={p.name}
                    hiddenContext={factor.label[locale]}
                    value={current}
                    disabled={!editable}
                    onChange={(score) => choose(p.id, factor.id, score)}
                  />
                );
              })}
              {noteEditor(factor.id)}
              {(() => {
                // Once everyone has answered for this factor: what works, if it scores low.
                const answers = participants.map((p) => values.get(`${p.id}:${factor.id}`));
                if (answers.length === 0 || answers.some((a) => a === undefined)) return null;
                const given = answers.filter((a): a is number => typeof a === "number");
                const reason = given.length
                  ? weakness(given.reduce((sum, a) => sum + a, 0) / given.length)
                  : null;
                return (
                  reason && (
                    <FactorKnowledge
                      factorId={factor.id}
                      reason={reason}
                      partnershipId={partnershipId}
                    />
                  )
                );
              })()}
            </fieldset>
          ))}
        </section>
      ))}
    </div>
  );
}

/** The chair's overview: the five levels to jump to, how far the scoring is, the next open factor. */
function ScoreOverview({
  instrument,
  progress,
  locale,
  onNext,
}: {
  instrument: Instrument;
  progress: ScoringProgress;
  locale: "nl" | "en";
  onNext: (() => void) | undefined;
}) {
  const t = useTranslations("reflections");
  const complete = progress.open.length === 0;
  return (
    <>
      <nav aria-labelledby="level-index-title" className="smo-level-index">
        <h3 id="level-index-title" className="smo-visually-hidden">
          {t("levelIndex")}
        </h3>
        <ol>
          {instrument.levels.map((level, i) => {
            const counts = progress.levels[i];
            return (
              <li key={level.id}>
                <a href={`#level-${level.id}`} className="utrecht-link utrecht-link--html-a">
                  {level.label[locale]}
                </a>{" "}
                <span className="smo-muted">
                  {t("levelProgress", { done: counts?.done ?? 0, total: counts?.total ?? 0 })}
                </span>
              </li>
            );
          })}
        </ol>
      </nav>
      <div className="smo-score-bar">
        <p className="utrecht-paragraph smo-score-progress" aria-live="polite">
          {t("scoringProgress", {
            factors: progress.factors.done,
            factorsTotal: progress.factors.total,
            people: progress.participants.done,
            peopleTotal: progress.participants.total,
          })}
        </p>
        {onNext && !complete && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={onNext}
          >
            {t("nextOpen")}
          </button>
        )}
      </div>
    </>
  );
}
