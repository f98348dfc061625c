"use client";

/** The choices on a scope dashboard: a quarter to show, the series to draw. */
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

export function CheckboxGroup({
  legend,
  options,
  checked,
  onToggle,
  idPrefix,
}: {
  legend: string;
  options: readonly { id: string; label: string }[];
  checked: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  idPrefix: string;
}) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset smo-choices">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {options.map((o) => {
        const id = `${idPrefix}-${o.id}`;
        return (
          <div key={o.id} className="utrecht-form-field utrecht-form-field--checkbox">
            <input
              id={id}
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              checked={checked.has(o.id)}
              onChange={(e) => onToggle(o.id, e.target.checked)}
            />
            <label htmlFor={id} className="utrecht-form-label utrecht-form-label--checkbox">
              {o.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
