import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/staff/till/print-button';
import { canActOnStore, requireStaff } from '@/lib/auth/guards';
import { formatDateTime, formatPrice, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { getSaleReceipt } from '@/lib/sales/queries';
import { variantLabel } from '@/lib/catalog/variant-label';

type Params = { params: Promise<{ saleId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.till.receiptTitle };
}

/** A sale's receipt, for staff of the store that made it (others get the same 404 as a missing sale). Prints on its own. */
export default async function ReceiptPage({ params }: Params) {
  const { saleId: raw } = await params;
  const user = await requireStaff(`/staff/till/receipts/${encodeURIComponent(raw)}`);
  const { locale, t } = await getI18n();
  const receipt = /^\d{1,9}$/.test(raw) ? await getSaleReceipt(Number(raw), locale) : null;
  if (!receipt || !(await canActOnStore(user.id, receipt.store.id))) notFound();
  const money = (cents: number) => formatPrice(cents, locale);
  return (
    <div className="mx-auto max-w-md space-y-4 print:max-w-none">
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label={t.till.print} />
        <Link href={`/staff/stores/${receipt.store.id}/till`} className="btn-primary" data-testid="till-new-ticket">
          {t.till.newTicket}
        </Link>
      </div>
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
                    {p.method === 'cash' ? t.till.paidCash : p.cardLast4 ? interpolate(t.till.paidCardEnding, { last4: p.cardLast4 }) : t.till.paidCard}
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
    </div>
  );
}
