"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

/** A search field that submits on Enter or the button (no search per keystroke). */
export function SearchBox({
  label,
  defaultValue,
  onSearch,
}: {
  label: string;
  defaultValue?: string;
  onSearch: (term: string) => void;
}) {
  const t = useTranslations("app");
  const id = useId();
  return (
    <search>
      <form
        className="smo-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSearch(String(new FormData(e.currentTarget).get("q") ?? "").trim());
        }}
      >
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label">
            <label htmlFor={id} className="utrecht-form-label">
              {label}
            </label>
          </div>
          <div className="utrecht-form-field__input">
            <input
              id={id}
              name="q"
              type="search"
              className="utrecht-textbox utrecht-textbox--html-input"
              defaultValue={defaultValue}
            />
          </div>
        </div>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t("search")}
        </button>
      </form>
    </search>
  );
}
