type Props = {
  id: string;
  title: string;
  count: number;
  empty: string;
  /** The arrivals: a tinted band that stands out from the lists below. */
  tone?: 'urgent';
  /** Defaults to `section-<id>`. */
  testId?: string;
  children?: React.ReactNode;
};

/** A titled list of a staff desk (drive screen, pickup desk, returns desk) with its count; an empty one says so. */
export function DeskSection({ id, title, count, empty, tone, testId, children }: Props) {
  const urgent = tone === 'urgent';
  return (
    <section
      aria-labelledby={id}
      data-testid={testId ?? `section-${id}`}
      className={urgent ? `rounded-2xl p-3 sm:p-4 ${count > 0 ? 'bg-amber-100/70 ring-1 ring-amber-300' : 'bg-paper ring-1 ring-line'}` : ''}
    >
      <h2 id={id} className={`mb-3 flex scroll-mt-32 items-center gap-2 font-bold ${urgent ? 'text-lg' : 'text-base'}`}>
        {title}
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ${urgent && count > 0 ? 'bg-amber-500 text-white' : 'bg-line text-ink'}`}>
          {count}
        </span>
      </h2>
      {count === 0 ? <p className="rounded-xl border border-dashed border-line bg-white/60 p-4 text-sm text-muted">{empty}</p> : children}
    </section>
  );
}
