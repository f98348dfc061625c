"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatMoment } from "@/app/_components/dates";
import type { Perspective } from "./voice";

/** The first screen: what we ask, how long it takes, who sees the answer, until when. */
export function Intro({
  perspective,
  expiresAt,
  headingRef,
}: {
  perspective: Perspective;
  expiresAt: Date;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const tp = useTranslations(`voice.${perspective}`);
  const locale = useLocale();
  return (
    <>
      <h1 ref={headingRef} className="utrecht-heading-1" tabIndex={-1}>
        {tp("introTitle")}
      </h1>
      <p className="utrecht-paragraph">{tp("intro")}</p>
      <p className="utrecht-paragraph">{tp("length")}</p>
      <section className="smo-voice-privacy" aria-labelledby="voice-privacy">
        <h2 id="voice-privacy" className="utrecht-heading-2">
          {tp("privacyTitle")}
        </h2>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">{tp("privacySeen")}</li>
          <li className="utrecht-unordered-list__item">{tp("privacyName")}</li>
        </ul>
      </section>
      <p className="utrecht-paragraph">
        {tp("until", {
          date: formatMoment(locale, expiresAt, "day"),
        })}
      </p>
    </>
  );
}
