import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDate, formatDateTime, formatPrice, interpolate } from '@/lib/i18n/format';

/** What the panel shows of a wallet (lib/wallet/queries.ts), also as the offline card page kept it. */
export type WalletView = {
  storeCreditCents: number;
  giftCards: { code: string; balanceCents: number; expiresAt: string }[];
  totalCents: number;
  entries: { id: number; kind: string; amountCents: number; giftCardTail: string | null; at: string }[];
};

const shortDay = (iso: string, locale: Locale) => formatDate(new Date(iso), locale, { day: 'numeric', month: 'short', year: 'numeric' });

function entryLabel(e: WalletView['entries'][number], t: Dictionary['wallet']): string {
  if (e.kind === 'spend' && e.giftCardTail) return interpolate(t.entry_spend_gift, { tail: e.giftCardTail });
  if (e.kind === 'gift_card') return interpolate(t.entry_gift_card, { tail: e.giftCardTail ?? '' });
  return t[`entry_${e.kind}` as 'entry_return'] ?? t.entry_adjust;
}

/**
 * The shopper's wallet: what it can pay today, the store credit, each gift card with its balance
 * and end date, and the latest movements. `asOf` is set on the card page (kept offline: the
 * balance as of the last sync).
 */
export function WalletPanel({
  wallet,
  locale,
  t,
  asOf,
  showCodes = false,
  entries = 5,
  id = 'wallet',
}: {
  wallet: WalletView;
  locale: Locale;
  t: Dictionary['wallet'];
  asOf?: string;
  /** The gift cards' whole codes (the card page, shown at the till to pay with one); else their last four. */
  showCodes?: boolean;
  entries?: number;
  /** Unique per page (the account page may stay mounted, hidden, beside the card page). */
  id?: string;
}) {
  const empty = wallet.totalCents === 0 && wallet.entries.length === 0;
  return (
    <section className="card px-5 py-4" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 id={`${id}-title`} className="font-semibold">
          {t.title}
        </h2>
        <p className="text-lg font-bold tabular-nums" data-testid="wallet-total">
          {interpolate(t.total, { amount: formatPrice(wallet.totalCents, locale) })}
        </p>
      </div>
      {empty ? (
        <p className="mt-1 text-sm text-muted">{t.empty}</p>
      ) : (
        <>
          <dl className="mt-2 space-y-1 text-sm">
            <div className="flex justify-between gap-3">
              <dt>
                {t.storeCredit} <span className="text-muted">· {t.storeCreditHint}</span>
              </dt>
              <dd className="font-medium tabular-nums" data-testid="store-credit-balance">
                {formatPrice(wallet.storeCreditCents, locale)}
              </dd>
            </div>
            {wallet.giftCards.map((c) => (
              <div key={c.code} className="flex justify-between gap-3" data-testid="wallet-gift-card">
                <dt>
                  {t.giftCard}{' '}
                  <span className="font-mono break-all" data-testid="wallet-gift-card-code">
                    {showCodes ? c.code : `•••• ${c.code.slice(-4)}`}
                  </span>{' '}
                  <span className="text-muted">· {shortDay(c.expiresAt, locale)}</span>
                </dt>
                <dd className="font-medium whitespace-nowrap tabular-nums">{formatPrice(c.balanceCents, locale)}</dd>
              </div>
            ))}
          </dl>
          {wallet.entries.length > 0 && (
            <>
              <h3 className="mt-3 text-xs font-semibold tracking-wide text-muted uppercase">{t.latest}</h3>
              <ul className="divide-y divide-line text-sm">
                {wallet.entries.slice(0, entries).map((e) => (
                  <li key={e.id} className="flex justify-between gap-3 py-1.5">
                    <span>
                      {entryLabel(e, t)} · <span className="text-muted">{shortDay(e.at, locale)}</span>
                    </span>
                    <span className="whitespace-nowrap tabular-nums">
                      {e.amountCents > 0 ? '+' : '−'}
                      {formatPrice(Math.abs(e.amountCents), locale)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {asOf && (
        <p className="mt-2 text-xs text-muted" data-testid="wallet-as-of">
          {interpolate(t.asOf, { date: formatDateTime(new Date(asOf), locale) })}
        </p>
      )}
    </section>
  );
}
