'use client';
import { useFormStatus } from 'react-dom';

/** A form's submit button, disabled and saying so while the form is sent. */
export function SubmitButton({
  label,
  pending,
  className = 'btn-primary',
  ariaLabel,
}: {
  label: string;
  pending: string;
  className?: string;
  ariaLabel?: string;
}) {
  const status = useFormStatus();
  return (
    <button type="submit" disabled={status.pending} className={className} aria-label={status.pending ? undefined : ariaLabel}>
      {status.pending ? pending : label}
    </button>
  );
}
