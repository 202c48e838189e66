import { Link } from '@/components/layout/link';
import { StatusPill, type StatusTone } from '@/components/status-pill';

/** The import history, newest first: one card per import, its outcome and a link to its refusals. UI only. */
export type HistoryItem = {
  id: number;
  when: string;
  kind: string;
  who: string;
  fileName: string | null;
  status: 'applied' | 'unchanged' | 'refused';
  statusLabel: string;
  figures: string;
  /** The link's accessible name: "Details: Import no. 12". */
  detailsName: string;
};

const TONE: Record<HistoryItem['status'], StatusTone> = { applied: 'good', unchanged: 'done', refused: 'failed' };

export function ImportHistory({ items, labels }: { items: HistoryItem[]; labels: { details: string; empty: string } }) {
  if (items.length === 0) return <p className="card p-6 text-center text-muted">{labels.empty}</p>;
  return (
    <ul className="space-y-2" data-testid="import-history">
      {items.map((i) => (
        <li key={i.id} className="flex flex-col gap-2 card p-3 sm:flex-row sm:items-center sm:gap-4 sm:p-4" data-testid="import-history-item">
          <div className="min-w-0 flex-1">
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="font-semibold">{i.kind}</span>
              <StatusPill tone={TONE[i.status]} status={i.status} label={i.statusLabel} testId="import-status" />
            </p>
            <p className="mt-1 truncate text-sm text-muted">
              {i.fileName ? <span className="font-mono text-xs text-ink">{i.fileName}</span> : null}
              {i.fileName ? ' · ' : null}
              {i.when} · {i.who}
            </p>
            <p className="text-sm">{i.figures}</p>
          </div>
          <Link href={`/admin/imports/${i.id}`} className="btn-secondary min-h-11 shrink-0 px-4 text-sm" aria-label={i.detailsName}>
            {labels.details}
          </Link>
        </li>
      ))}
    </ul>
  );
}
