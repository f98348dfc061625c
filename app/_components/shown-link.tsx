"use client";

/** A personal link shown once: in a read-only field that selects itself, and a copy button. */
export function ShownLink({
  id,
  url,
  label,
  copyLabel,
  children,
}: {
  id: string;
  url: string;
  label: string;
  copyLabel: string;
  /** More buttons beside the copy button. */
  children?: React.ReactNode;
}) {
  return (
    <>
      <p className="utrecht-paragraph smo-no-print">
        <label htmlFor={id} className="utrecht-form-label">
          {label}
        </label>
        <input
          id={id}
          className="utrecht-textbox utrecht-textbox--html-input"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
        />
      </p>
      <div className="utrecht-button-group smo-no-print">
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => void navigator.clipboard?.writeText(url)}
        >
          {copyLabel}
        </button>
        {children}
      </div>
    </>
  );
}
