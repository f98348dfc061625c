"use client";

/** The choices on a scope dashboard: a quarter to show (the series to draw: checkbox-group.tsx). */
import type { TableContext } from "./table-model";
import { quarterName } from "./tables/common";

export function QuarterSelect({
  id,
  label,
  quarters,
  value,
  onChange,
  context,
}: {
  id: string;
  label: string;
  quarters: readonly { start: string; label: string }[];
  value: string;
  onChange: (start: string) => void;
  context: TableContext;
}) {
  return (
    <div className="utrecht-form-field smo-quarter-select">
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <select
        id={id}
        className="utrecht-select utrecht-select--html-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {quarters.map((q) => (
          <option key={q.start} value={q.start}>
            {quarterName(q.label, context)}
          </option>
        ))}
      </select>
    </div>
  );
}
