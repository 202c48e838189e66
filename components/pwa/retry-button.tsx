'use client';

/** Reloads the page the visitor asked for (the offline page stands in for it at its own URL). */
export function RetryButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-secondary" onClick={() => location.reload()}>
      {label}
    </button>
  );
}
