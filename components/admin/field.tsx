import type { ReactNode } from 'react';

type Props = {
  id: string;
  label: string;
  error?: string;
  children: (a11y: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string }) => ReactNode;
  className?: string;
};

/** A labelled field with its error under it, wired with aria-describedby (next-learn's pattern). */
export function Field({ id, label, error, children, className }: Props) {
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
        className: `input ${error ? 'border-out' : ''}`,
      })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A form's answer, read out when it changes. */
export function FormMessage({ ok, message, testId }: { ok: boolean; message: string; testId?: string }) {
  return (
    <p aria-live="polite" className={`text-sm empty:hidden ${ok ? 'text-ok' : 'text-out'}`} data-testid={testId}>
      {message}
    </p>
  );
}
