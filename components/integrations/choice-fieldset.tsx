/** A group of checkboxes (a key's scopes, an endpoint's events), its error announced with it. */
export function ChoiceFieldset({
  legend,
  name,
  options,
  chosen,
  error,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  /** The boxes ticked when the form was last sent (handed back with a refusal). */
  chosen?: string[];
  error?: string;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="label">{legend}</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2 rounded-lg px-1 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={chosen?.includes(o.value)} className="size-5 accent-brand-600" />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
