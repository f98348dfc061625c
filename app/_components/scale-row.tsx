"use client";

/**
 * One person's answer to one factor: 1–5 or "weet niet", as a radio group of large targets
 * (44–48 px) that arrow keys move through. The meeting's grid has a row per participant; a
 * scoring round's form has one row per factor, for the person filling it in.
 */
import { useTranslations } from "next-intl";

export function ScaleRow({
  name,
  who,
  hiddenContext,
  value,
  disabled = false,
  onChange,
}: {
  /** The radio group's name, unique on the page. */
  name: string;
  who: React.ReactNode;
  /** Read by screen readers after `who` (the factor, when the row names a person). */
  hiddenContext?: string;
  /** undefined: not answered yet; null: "weet niet". */
  value: number | null | undefined;
  disabled?: boolean;
  onChange: (score: number | null) => void;
}) {
  const t = useTranslations("reflections");
  return (
    <div role="radiogroup" aria-labelledby={`${name}-who`} className="smo-scale-row">
      <span id={`${name}-who`} className="smo-scale-who">
        {who}
        {hiddenContext && <span className="smo-visually-hidden">, {hiddenContext}</span>}
      </span>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className="smo-scale-option">
          <input
            type="radio"
            name={name}
            value={n}
            checked={value === n}
            disabled={disabled}
            onChange={() => onChange(n)}
          />
          <span aria-hidden="true">{n}</span>
          <span className="smo-visually-hidden">{t(`scale.${n}` as "scale.1")}</span>
        </label>
      ))}
      <label className="smo-scale-option smo-scale-na">
        <input
          type="radio"
          name={name}
          value="na"
          checked={value === null}
          disabled={disabled}
          onChange={() => onChange(null)}
        />
        <span>{t("notApplicable")}</span>
      </label>
    </div>
  );
}
