import { Link } from '@/components/layout/link';

export type DeskReservationStatus = 'placed' | 'ready' | 'collected' | 'cancelled' | 'expired';

/** A reservation as the desk shows it: every text already in the reader's language. */
export type DeskReservationView = {
  id: number;
  code: string;
  status: DeskReservationStatus;
  statusLabel: string;
  customerName: string;
  customerEmail: string;
  lines: { key: string; product: string; variant: string; ean: string; quantity: number }[];
  units: string;
  total: string;
  /** "Reserved 16 May, 10:42", "Collect by 18 May, 10:42"…; the deadline first when there is one. */
  times: string[];
  openHref: string;
};

type Props = {
  reservation: DeskReservationView;
  labels: { toPay: string; ean: string; quantity: string; open: string; openLabel: string };
  /** The reservation opened by its code: no "Open" link, room for the actions. */
  opened?: boolean;
  /** In a list, the one that is also opened above. */
  highlighted?: boolean;
  children?: React.ReactNode;
};

const badge: Record<DeskReservationStatus, string> = {
  placed: 'bg-amber-50 text-low ring-amber-200',
  ready: 'bg-brand-50 text-brand-700 ring-brand-100',
  collected: 'bg-green-50 text-ok ring-green-200',
  cancelled: 'bg-paper text-muted ring-line',
  expired: 'bg-red-50 text-out ring-red-200',
};

/** Code, customer, lines with EAN and quantity, what to take at the desk, and when. */
export function ReservationCard({ reservation: r, labels, opened = false, highlighted = false, children }: Props) {
  return (
    <article
      aria-label={r.code}
      data-testid={opened ? 'opened-reservation' : `reservation-${r.code}`}
      data-status={r.status}
      className={`card p-4 ${highlighted ? 'border-brand-500 ring-2 ring-brand-100' : ''} ${opened ? 'sm:p-5' : ''}`}
    >
      <div className={opened ? 'md:grid md:grid-cols-[1fr_20rem] md:gap-6' : ''}>
        <div className="min-w-0">
          <header className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <p className={`font-mono font-bold tracking-widest ${opened ? 'text-2xl' : 'text-lg'}`}>{r.code}</p>
              <p className="truncate font-semibold">{r.customerName}</p>
              {opened && <p className="truncate text-sm text-muted">{r.customerEmail}</p>}
            </div>
            <span className={`shrink-0 rounded-full px-2.5 py-1 text-xs font-semibold ring-1 ring-inset ${badge[r.status]}`} data-testid="reservation-status">
              {r.statusLabel}
            </span>
          </header>
          <ul className="mt-3 divide-y divide-line border-y border-line text-sm">
            {r.lines.map((l) => (
              <li key={l.key} className="flex items-start justify-between gap-3 py-2">
                <div className="min-w-0">
                  <p className="font-medium">{l.product}</p>
                  <p className="text-muted">
                    {l.variant && <span>{l.variant} · </span>}
                    <span className="sr-only">{labels.ean} </span>
                    <span className="font-mono text-xs">{l.ean}</span>
                  </p>
                </div>
                <p className="shrink-0 text-base font-semibold tabular-nums">
                  <span className="sr-only">{labels.quantity} </span>× {l.quantity}
                </p>
              </li>
            ))}
          </ul>
          <p className="mt-3 flex items-baseline justify-between gap-3">
            <span className="text-sm text-muted">
              {labels.toPay} · {r.units}
            </span>
            <span className="text-lg font-bold tabular-nums" data-testid="reservation-total">
              {r.total}
            </span>
          </p>
          <ul className="mt-2 space-y-0.5 text-xs text-muted">
            {r.times.map((time) => (
              <li key={time}>{time}</li>
            ))}
          </ul>
        </div>
        {children && <div className="mt-4 border-t border-line pt-4 md:mt-0 md:border-t-0 md:border-l md:pt-0 md:pl-6">{children}</div>}
      </div>
      {!opened && (
        <Link href={r.openHref} aria-label={labels.openLabel} className="mt-3 btn-secondary min-h-11 w-full">
          {labels.open}
        </Link>
      )}
    </article>
  );
}
