export type UncapturedPaymentView = {
  number: string;
  total: string;
  /** "Shipped 3 Dec, 14:05". */
  shipped: string;
  attempts: string;
  next: string;
  /** The provider's last refusal, as it gave it (never card data). */
  error: string | null;
};

type Props = { orders: UncapturedPaymentView[]; labels: { title: string; intro: string; badge: string } };

/**
 * Orders that left the warehouse with their card payment not taken: the capture job retries them
 * (lib/orders/captures.ts); staff see each one, with its attempts, until it is paid. Nothing when
 * every shipped order is paid.
 */
export function UncapturedPayments({ orders, labels }: Props) {
  if (orders.length === 0) return null;
  return (
    <section aria-labelledby="uncaptured" data-testid="uncaptured-payments" className="rounded-2xl bg-red-50 p-3 ring-1 ring-red-300 sm:p-4">
      <h2 id="uncaptured" className="flex items-center gap-2 text-lg font-bold text-red-900">
        {labels.title}
        <span className="rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold text-white tabular-nums">{orders.length}</span>
      </h2>
      <p className="mt-1 text-sm text-red-900">{labels.intro}</p>
      <ul className="mt-3 space-y-2">
        {orders.map((o) => (
          <li key={o.number} className="rounded-xl bg-white p-3 text-sm ring-1 ring-red-200">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-mono font-semibold">{o.number}</span>
              <span className="font-semibold tabular-nums">{o.total}</span>
              <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">{labels.badge}</span>
            </div>
            <p className="mt-1 text-muted">
              {o.shipped} · {o.attempts} · {o.next}
            </p>
            {o.error && <p className="mt-1 text-xs break-words text-red-800">{o.error}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
