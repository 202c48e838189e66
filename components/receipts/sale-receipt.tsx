import { variantLabel } from '@/lib/catalog/variant-label';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDate, formatDateTime, formatPrice, interpolate } from '@/lib/i18n/format';
import type { SaleReceipt } from '@/lib/sales/queries';

/**
 * A shop sale's receipt as the till prints it: the store, the lines, the totals, how it was paid
 * and the points. The staff's receipt page and the shopper's (from their activity) show this one.
 */
export function SaleReceiptView({ receipt, locale, t }: { receipt: SaleReceipt; locale: Locale; t: Dictionary }) {
  const money = (cents: number) => formatPrice(cents, locale);
  return (
    <article className="card p-4 font-mono text-sm print:border-0 print:p-0" data-testid="receipt" aria-labelledby="receipt-title">
      <header className="text-center">
        <h1 id="receipt-title" className="font-sans text-lg font-bold">
          {receipt.store.name}
        </h1>
        <p>{receipt.store.address}</p>
        <p>
          {receipt.store.postcode} {receipt.store.town}
        </p>
        <p className="mt-2">{interpolate(t.till.saleNo, { id: receipt.id })}</p>
        <p>{formatDateTime(receipt.createdAt, locale)}</p>
        {receipt.staffName && <p>{interpolate(t.till.servedBy, { name: receipt.staffName })}</p>}
        {receipt.customer && <p data-testid="receipt-customer">{interpolate(t.till.customer, { name: receipt.customer.name })}</p>}
      </header>
      <table className="mt-3 w-full border-y border-dashed border-ink/40">
        <caption className="sr-only">{t.till.receiptTitle}</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">{t.till.receiptItem}</th>
            <th scope="col">{t.till.quantity}</th>
            <th scope="col">{t.till.amount}</th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((l) => (
            <tr key={l.skuId} className="align-top" data-testid="receipt-line">
              <td className="py-1 pr-2">
                {l.productName}
                {variantLabel(l, locale, t) && <span className="block text-xs">{variantLabel(l, locale, t)}</span>}
                <span className="block text-xs text-muted print:text-ink">{l.ean13}</span>
              </td>
              <td className="py-1 pr-2 text-right whitespace-nowrap tabular-nums">
                {l.quantity} × {money(l.unitPriceCents)}
              </td>
              <td className="py-1 text-right whitespace-nowrap tabular-nums">{money(l.lineCents)}</td>
            </tr>
          ))}
          {receipt.giftCard && (
            <tr className="align-top" data-testid="receipt-gift-card">
              <td className="py-1 pr-2" colSpan={2}>
                {t.wallet.giftCard}
                <span className="block font-bold tracking-wide break-all" data-testid="receipt-gift-card-code">
                  {receipt.giftCard.code}
                </span>
                <span className="block text-xs">
                  {interpolate(t.till.giftCardValidUntil, {
                    date: formatDate(receipt.giftCard.expiresAt, locale, { day: 'numeric', month: 'long', year: 'numeric' }),
                  })}
                </span>
              </td>
              <td className="py-1 text-right whitespace-nowrap tabular-nums">{money(receipt.giftCard.amountCents)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <dl className="mt-2 space-y-0.5">
        <div className="flex justify-between">
          <dt>{t.till.subtotal}</dt>
          <dd className="tabular-nums">{money(receipt.subtotalCents)}</dd>
        </div>
        {receipt.discountCents > 0 && (
          <div className="flex justify-between" data-testid="receipt-discount">
            <dt>{t.till.discount}</dt>
            <dd className="tabular-nums">−{money(receipt.discountCents)}</dd>
          </div>
        )}
        <div className="flex justify-between text-base font-bold">
          <dt>{t.till.total}</dt>
          <dd className="tabular-nums" data-testid="receipt-total">
            {money(receipt.totalCents)}
          </dd>
        </div>
      </dl>
      {receipt.payments.length > 0 && (
        <dl className="mt-2 space-y-0.5 border-t border-dashed border-ink/40 pt-2" data-testid="receipt-payments">
          {receipt.payments.map((p) => (
            <div key={p.method}>
              <div className="flex justify-between">
                <dt>
                  {t.till.paidBy} ·{' '}
                  {p.method === 'cash'
                    ? t.till.paidCash
                    : p.method === 'store_credit'
                      ? t.wallet.storeCredit
                      : p.method === 'gift_card'
                        ? `${t.wallet.giftCard} •••• ${p.cardLast4 ?? ''}`
                        : p.cardLast4
                          ? interpolate(t.till.paidCardEnding, { last4: p.cardLast4 })
                          : t.till.paidCard}
                </dt>
                <dd className="tabular-nums">{money(p.amountCents)}</dd>
              </div>
              {p.method === 'cash' && p.givenCents !== null && (
                <>
                  <div className="flex justify-between">
                    <dt>{t.till.receiptGiven}</dt>
                    <dd className="tabular-nums">{money(p.givenCents)}</dd>
                  </div>
                  <div className="flex justify-between" data-testid="receipt-change">
                    <dt>{t.till.receiptChange}</dt>
                    <dd className="tabular-nums">{money(p.changeCents ?? 0)}</dd>
                  </div>
                </>
              )}
            </div>
          ))}
        </dl>
      )}
      {(receipt.pointsRedeemed > 0 || receipt.pointsEarned > 0) && (
        <div className="mt-2 border-t border-dashed border-ink/40 pt-2">
          {receipt.pointsRedeemed > 0 && <p>{interpolate(t.till.pointsRedeemed, { points: receipt.pointsRedeemed })}</p>}
          {receipt.pointsEarned > 0 && <p data-testid="receipt-points-earned">{interpolate(t.till.pointsEarned, { points: receipt.pointsEarned })}</p>}
        </div>
      )}
      <p className="mt-3 text-center">{t.till.thanks}</p>
    </article>
  );
}
