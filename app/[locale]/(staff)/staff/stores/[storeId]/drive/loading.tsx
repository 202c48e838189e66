/** The drive screen's shape while it streams in: title, tabs, the arrivals band, three columns. */
export default function DriveScreenLoading() {
  return (
    <div aria-busy="true" className="space-y-4" data-testid="page-loading">
      <div className="h-8 w-1/2 animate-pulse rounded-lg bg-line/70" />
      <div className="h-11 animate-pulse border-b border-line" />
      <div className="h-40 animate-pulse rounded-2xl bg-amber-100/60" />
      <div className="grid gap-6 pt-2 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="space-y-3">
            <div className="h-6 w-1/3 animate-pulse rounded bg-line/70" />
            <div className="h-48 animate-pulse rounded-xl bg-line/50" />
          </div>
        ))}
      </div>
    </div>
  );
}
