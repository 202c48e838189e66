import type { AuditChangeRow } from '@/lib/audit/describe';

/** What an audit line changed: each field whose value differs, by its name, before → after (lib/audit/describe.ts). */
export function AuditChange({ rows, labels }: { rows: AuditChangeRow[]; labels: { before: string; after: string } }) {
  if (rows.length === 0) return null;
  return (
    <dl className="mt-2 grid gap-1 text-sm">
      {rows.map((r) => (
        <div key={r.key} className="grid gap-x-2 sm:grid-cols-[10rem_1fr]" data-testid="audit-field" data-field={r.key}>
          <dt className="text-muted sm:pt-0.5">{r.label}</dt>
          <dd className="min-w-0 break-words">
            <span className="sr-only">{labels.before}: </span>
            <del className="text-muted">{r.before.slice(0, 300)}</del> <span aria-hidden>→</span> <span className="sr-only">{labels.after}: </span>
            <ins className="font-medium no-underline">{r.after.slice(0, 300)}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
