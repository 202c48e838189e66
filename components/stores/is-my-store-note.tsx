/** "✓ My store", where "Make this my store" stands on the visitor's own store (store page and list). */
export function IsMyStoreNote({ text }: { text: string }) {
  return (
    <p className="inline-flex min-h-11 items-center gap-1.5 text-sm font-semibold text-brand-700" data-testid="is-my-store">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
        <path d="M8.1 14.3 3.8 10l1.4-1.4 2.9 2.9 6.7-6.7 1.4 1.4z" />
      </svg>
      {text}
    </p>
  );
}
