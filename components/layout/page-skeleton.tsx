/** What a page shows in its prerendered shell while its own content streams in. */
export function PageSkeleton() {
  return (
    <div aria-busy="true" className="space-y-4" data-testid="page-loading">
      <div className="h-8 w-1/2 animate-pulse rounded-lg bg-line/70" />
      <div className="grid gap-6 md:grid-cols-2">
        <div className="aspect-square animate-pulse rounded-xl bg-line/50" />
        <div className="space-y-3">
          <div className="h-6 w-3/4 animate-pulse rounded bg-line/70" />
          <div className="h-6 w-1/3 animate-pulse rounded bg-line/70" />
          <div className="h-40 animate-pulse rounded-xl bg-line/50" />
        </div>
      </div>
    </div>
  );
}
