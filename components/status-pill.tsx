/**
 * A record's status as a word and a dot (colour is never the only cue): reservations, orders and
 * returns each map their statuses to a tone (their status-badge component) and say the word.
 * Amber and green text sit on white: on a tint over the page's paper colour they fall below 4.5:1.
 */
export type StatusTone = 'under_way' | 'good' | 'done' | 'ended' | 'failed';

const TONES: Record<StatusTone, { pill: string; dot: string }> = {
  under_way: { pill: 'border-low/40 bg-white text-low', dot: 'bg-low' },
  good: { pill: 'border-ok/40 bg-white text-ok', dot: 'bg-ok' },
  done: { pill: 'border-line bg-paper text-muted', dot: 'bg-muted' },
  ended: { pill: 'border-line bg-paper text-muted', dot: 'bg-line' },
  failed: { pill: 'border-out/30 bg-out/5 text-out', dot: 'bg-out' },
};

export function StatusPill({ tone, status, label, testId }: { tone: StatusTone; status: string; label: string; testId: string }) {
  const { pill, dot } = TONES[tone];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ${pill}`}
      data-testid={testId}
      data-status={status}
    >
      <span aria-hidden className={`size-2 shrink-0 rounded-full ${dot}`} />
      {label}
    </span>
  );
}
