"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { DataTable } from "@/app/_components/data-table";
import { ModelForm, useEditedVersion } from "@/app/_components/form";
import { useTableContext } from "@/app/_components/table-context";
import { useTRPC } from "@/app/_trpc/client";
import { disagreementsTable } from "@/app/partnerships/[id]/reflections/tables";
import type { noteInput } from "@/domain/schemas";
import { ScoreGrid } from "./score-grid";
import type { Ids, SectionProps } from "./session";

/**
 * The factors scored by each participant, with a shared note per factor. `generation` starts
 * the grid afresh from the server (after a conflict); `onConflict` says someone else saved.
 */
export function Scores({
  session: s,
  ids,
  editable,
  generation,
  onConflict,
}: SectionProps & { generation: number; onConflict: () => void }) {
  const t = useTranslations("reflections");
  return (
    <section aria-labelledby="scores-heading">
      <h2 id="scores-heading" className="utrecht-heading-2">
        {t("scoresTitle")}
      </h2>
      <p className="utrecht-paragraph">{t("scoresIntro")}</p>
      <Disagreements session={s} ids={ids} />
      <ScoreGrid
        key={generation}
        partnershipId={ids.partnershipId}
        sessionId={ids.sessionId}
        instrument={s.instrument}
        participants={s.participants}
        scores={s.scores}
        editable={editable}
        onConflict={onConflict}
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
  );
}

/**
 * Where the participants' scores lie furthest apart, largest first (domain/disagreements.ts):
 * after a scoring round, the meeting starts here.
 */
function Disagreements({ session: s, ids }: Pick<SectionProps, "session" | "ids">) {
  const t = useTranslations("disagreements");
  const tables = useTableContext();
  if (s.disagreements.length === 0) return null;
  return (
    <div className="smo-disagreements">
      <h3 className="utrecht-heading-3" id="disagreements-heading">
        {t("title")}
      </h3>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <DataTable
        caption={t("caption")}
        table={{ ...disagreementsTable(s, tables), rows: s.disagreements.slice(0, 5) }}
        rowKey={(d) => d.factorId}
        csv={`/partnerships/${ids.partnershipId}/reflections/${ids.sessionId}/export/disagreements.csv`}
      />
    </div>
  );
}

/** Someone else saved scores meanwhile: the grid is reloaded from the server on request. */
export function ScoreConflict({ onReload }: { onReload: () => Promise<void> }) {
  const t = useTranslations("reflections");
  return (
    <div className="utrecht-alert utrecht-alert--warning" role="alert">
      <div className="utrecht-alert__content">
        <p className="utrecht-paragraph utrecht-alert__message">{t("scoreConflict")}</p>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => void onReload()}
        >
          {t("reloadScores")}
        </button>
      </div>
    </div>
  );
}

type NoteValues = Pick<z.input<typeof noteInput>, "note">;

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
      <ModelForm<NoteValues>
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
          const saved = await save.mutateAsync({ ...ids, factorId, version, ...v });
          setVersion(saved.version);
        }}
      />
    </details>
  );
}
