"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { describeError } from "@/app/_trpc/client";
import { ErrorAlert } from "./states";

export type Notice = { ok: boolean; text: string } | null;

/**
 * The outcome of a one-click action (remove, restore, revoke): announced politely when it
 * worked, as an alert with the server's message when it did not.
 */
export function useNotice() {
  const [notice, setNotice] = useState<Notice>(null);
  const network = useTranslations("errors")("network");
  const run = useCallback(
    async (action: () => Promise<unknown>, okText: string) => {
      try {
        await action();
        setNotice({ ok: true, text: okText });
      } catch (error) {
        setNotice({ ok: false, text: describeError(error, network).message });
      }
    },
    [network],
  );
  const view = (
    <>
      <div role="status">{notice?.ok && <p className="utrecht-paragraph">{notice.text}</p>}</div>
      {notice && !notice.ok && <ErrorAlert message={notice.text} />}
    </>
  );
  return { run, say: setNotice, view };
}

export type RunAction = ReturnType<typeof useNotice>["run"];

/** A remove button that asks once; what is removed can be restored. */
export function RemoveButton({
  name,
  onConfirm,
  question,
  label,
}: {
  name: string;
  onConfirm: () => void;
  /** The confirmation question, when "you can restore this later" does not hold. */
  question?: string;
  /** The button's word, when it is not "Verwijderen" ("Intrekken" for an invitation). */
  label?: string;
}) {
  const t = useTranslations("app");
  return (
    <button
      type="button"
      className="utrecht-button utrecht-button--secondary-action"
      onClick={() => {
        if (window.confirm(question ?? t("confirmRemove"))) onConfirm();
      }}
    >
      {label ?? t("remove")} <span className="smo-visually-hidden">{name}</span>
    </button>
  );
}

/**
 * A section of one act that asks once before it is done (an erasure, a reset): its heading,
 * what it does, the button, and afterwards what happened or why not.
 */
export function ConfirmedAction({
  id,
  title,
  children,
  button,
  question,
  done,
  busy,
  onConfirm,
}: {
  id: string;
  title: string;
  /** What the act does, and anything shown before it. */
  children: React.ReactNode;
  button: string;
  question: string;
  done: string;
  busy: boolean;
  onConfirm: () => Promise<unknown>;
}) {
  const notice = useNotice();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="utrecht-heading-2">
        {title}
      </h2>
      {children}
      {notice.view}
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        disabled={busy}
        onClick={() => {
          if (window.confirm(question)) void notice.run(onConfirm, done);
        }}
      >
        {button}
      </button>
    </section>
  );
}
