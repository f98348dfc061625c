"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <p className="utrecht-paragraph smo-no-print">
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        onClick={() => window.print()}
      >
        {label}
      </button>
    </p>
  );
}
