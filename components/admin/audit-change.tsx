/** What an audit line changed: each field whose value differs, before → after. */
export function AuditChange({
  before,
  after,
  labels,
  price,
}: {
  before: unknown;
  after: unknown;
  labels: { before: string; after: string };
  /** A price in cents as the reader reads it (priceCents fields). */
  price: (cents: number) => string;
}) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  if (keys.length === 0) return null;
  const show = (v: unknown, key: string) =>
    v === null || v === undefined ? '—' : key.endsWith('Cents') && typeof v === 'number' ? price(v) : typeof v === 'string' ? v : JSON.stringify(v);
  return (
    <dl className="mt-2 grid gap-1 text-sm">
      {keys.map((k) => (
        <div key={k} className="grid gap-x-2 sm:grid-cols-[10rem_1fr]">
          <dt className="font-mono text-xs text-muted sm:pt-0.5">{k}</dt>
          <dd className="min-w-0 break-words">
            <span className="sr-only">{labels.before}: </span>
            <del className="text-muted">{show(b[k], k).slice(0, 300)}</del> <span aria-hidden>→</span> <span className="sr-only">{labels.after}: </span>
            <ins className="font-medium no-underline">{show(a[k], k).slice(0, 300)}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
