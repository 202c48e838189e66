'use client';

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-secondary" onClick={() => window.print()} data-testid="receipt-print">
      {label}
    </button>
  );
}
