import { RelativeTime } from './relative-time';

export type StaffOrderStatus = 'placed' | 'preparing' | 'ready' | 'collected' | 'shipped' | 'delivered' | 'cancelled';

/** An online order as the drive screen and the delivery desk show it: every text in the reader's language. */
export type StaffOrderView = {
  id: number;
  number: string;
  status: StaffOrderStatus;
  statusLabel: string;
  customerName: string;
  /** Drive: "14:00–14:30" today, "Wed 26 Nov, 14:00–14:30" on another day. */
  slot: string | null;
  /** The slot has ended and the order is still open. */
  late: boolean;
  /** Drive: the shopper tapped "I'm here" (ISO), and where they parked. */
  arrivedAt: string | null;
  bay: string | null;
  /** `note`: how the line was picked (drive), null until then. */
  lines: { key: string; product: string; variant: string; quantity: number; note?: string | null }[];
  units: string;
  /** A drive order being picked: what it comes to if handed over now. */
  total: string;
  /** Paid online by card: captured at handover, nothing to take at the bay. */
  cardPaid?: boolean;
  /** "2 substitutes await the shopper's answer", or null. */
  awaiting?: string | null;
  payment: string;
  /** Ordered and paid at a shop's till: already paid, never cancelled. */
  paidInStore: boolean;
  /** Home delivery: name, street, postcode and town, phone. */
  address: string[];
  /** "Placed 24 Nov, 10:42"… */
  times: string[];
};

type Props = {
  order: StaffOrderView;
  labels: { quantity: string; arrivedAgo: string; noBay: string; bay: string; slot: string; late: string };
  locale: string;
  /** Arrived shoppers: a louder card. */
  urgent?: boolean;
  children?: React.ReactNode;
};

const badge: Record<StaffOrderStatus, string> = {
  placed: 'bg-amber-50 text-low ring-amber-200',
  preparing: 'bg-sky-50 text-sky-800 ring-sky-200',
  ready: 'bg-brand-50 text-brand-700 ring-brand-100',
  shipped: 'bg-brand-50 text-brand-700 ring-brand-100',
  collected: 'bg-green-50 text-ok ring-green-200',
  delivered: 'bg-green-50 text-ok ring-green-200',
  cancelled: 'bg-paper text-muted ring-line',
};

/** Number, customer, slot (and arrival), lines with size/colour and quantity, total and payment. */
export function OrderCard({ order: o, labels, locale, urgent = false, children }: Props) {
  return (
    <article
      aria-label={`${o.number}, ${o.customerName}`}
      data-testid={`order-${o.number}`}
      data-status={o.status}
      className={`card p-4 ${urgent ? 'border-amber-400 bg-amber-50/40 ring-2 ring-amber-200' : ''}`}
    >
      <header className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-mono text-lg font-bold tracking-wider">{o.number}</p>
          <p className="truncate font-semibold">{o.customerName}</p>
        </div>
        <span className={`shrink-0 rounded-full px-2.5 py-1 text-xs font-semibold ring-1 ring-inset ${badge[o.status]}`} data-testid="order-status">
          {o.statusLabel}
        </span>
      </header>
      {o.arrivedAt && (
        <div
          className="mt-3 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 rounded-lg bg-amber-100 px-3 py-2 text-amber-950"
          data-testid="order-arrival"
        >
          <p className="text-xl font-bold">{o.bay ? labels.bay.replace('{bay}', o.bay) : labels.noBay}</p>
          <p className="text-sm font-medium">
            <RelativeTime iso={o.arrivedAt} locale={locale} template={labels.arrivedAgo} />
          </p>
        </div>
      )}
      {o.awaiting && (
        <p className="mt-3 rounded-lg bg-sky-50 px-3 py-2 text-sm font-semibold text-sky-900" data-testid="order-awaiting">
          {o.awaiting}
        </p>
      )}
      {o.slot && (
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted">{labels.slot}</span>
          <span className="font-semibold tabular-nums" data-testid="order-slot">
            {o.slot}
          </span>
          {o.late && <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-semibold text-out">{labels.late}</span>}
        </p>
      )}
      {o.address.length > 0 && (
        <address className="mt-2 text-sm not-italic">
          {o.address.map((line) => (
            <span key={line} className="block">
              {line}
            </span>
          ))}
        </address>
      )}
      <ul className="mt-3 divide-y divide-line border-y border-line text-sm">
        {o.lines.map((l) => (
          <li key={l.key} className="flex items-start justify-between gap-3 py-2">
            <div className="min-w-0">
              <p className="font-medium">{l.product}</p>
              {l.variant && <p className="text-muted">{l.variant}</p>}
              {l.note && (
                <p className="mt-0.5 text-xs font-medium text-brand-700" data-testid="line-pick">
                  {l.note}
                </p>
              )}
            </div>
            <p className="shrink-0 text-base font-semibold tabular-nums">
              <span className="sr-only">{labels.quantity} </span>× {l.quantity}
            </p>
          </li>
        ))}
      </ul>
      <p className="mt-3 flex items-baseline justify-between gap-3">
        <span className="text-sm text-muted">
          {o.payment} · {o.units}
        </span>
        <span className="text-lg font-bold tabular-nums" data-testid="order-total">
          {o.total}
        </span>
      </p>
      {o.times.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-xs text-muted">
          {o.times.map((time) => (
            <li key={time}>{time}</li>
          ))}
        </ul>
      )}
      {children && <div className="mt-3 border-t border-line pt-3">{children}</div>}
    </article>
  );
}
