"use client";

/** The screens around the questions: a link that does not work, the thank-you, answered before. */
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { Perspective } from "./voice";

/** A screen with one heading; `focus` moves the focus to it (after an action of the user). */
export function Screen({
  title,
  focus = false,
  panel = false,
  children,
}: {
  title: string;
  focus?: boolean;
  panel?: boolean;
  children: React.ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focus) return;
    window.scrollTo({ top: 0 });
    heading.current?.focus({ preventScroll: true });
  }, [focus]);
  const h1 = (
    <h1 ref={heading} className="utrecht-heading-1" tabIndex={-1}>
      {title}
    </h1>
  );
  return panel ? (
    <div className="smo-voice-panel">
      {h1}
      {children}
    </div>
  ) : (
    <>
      {h1}
      {children}
    </>
  );
}

export function InvalidLink({ focus }: { focus: boolean }) {
  const t = useTranslations("voice.invalid");
  return (
    <Screen title={t("title")} focus={focus}>
      <p className="utrecht-paragraph">{t("text")}</p>
      <p className="utrecht-paragraph">
        <strong>{t("whatToDo")}</strong>
      </p>
      <p className="utrecht-paragraph">{t("check")}</p>
    </Screen>
  );
}

export function Thanks({ perspective }: { perspective: Perspective }) {
  const t = useTranslations(`voice.${perspective}`);
  return (
    <>
      <Screen title={t("thanksTitle")} focus panel>
        <p className="utrecht-paragraph">{t("thanksReceived")}</p>
      </Screen>
      <p className="utrecht-paragraph">{t("thanksNext")}</p>
      <p className="utrecht-paragraph">{t("thanksName")}</p>
      <p className="utrecht-paragraph">{t("thanksClose")}</p>
    </>
  );
}

export function AlreadyAnswered({
  perspective,
  focus,
}: {
  perspective: Perspective;
  focus: boolean;
}) {
  const t = useTranslations(`voice.${perspective}`);
  return (
    <Screen title={t("alreadyTitle")} focus={focus}>
      <p className="utrecht-paragraph">{t("alreadyText")}</p>
      <p className="utrecht-paragraph">{t("alreadyNext")}</p>
    </Screen>
  );
}
