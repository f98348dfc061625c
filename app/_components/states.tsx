/** Loading, empty and error states, usable from server and client components alike. */

/** Keeps the layout steady while data comes in. */
export function Loading({ label }: { label: string }) {
  return (
    <p className="utrecht-paragraph smo-muted" role="status" aria-live="polite">
      {label}
    </p>
  );
}

export function EmptyState({ children }: { children: React.ReactNode }) {
  return <p className="utrecht-paragraph smo-muted">{children}</p>;
}

export function ErrorAlert({ message }: { message: string }) {
  return (
    <div className="utrecht-alert utrecht-alert--error" role="alert">
      <div className="utrecht-alert__content">
        <p className="utrecht-paragraph utrecht-alert__message">{message}</p>
      </div>
    </div>
  );
}
