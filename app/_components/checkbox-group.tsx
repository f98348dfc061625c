"use client";

/** A set of checkboxes under one legend: which series a chart draws, say. */
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
