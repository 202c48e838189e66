import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { notFound } from 'next/navigation';
import QRCode from 'qrcode';
import { CancelReservationForm } from '@/components/reservations/cancel-reservation-form';
import { PickupCode } from '@/components/reservations/pickup-code';
import { OrderReturns } from '@/components/returns/order-returns';
import { ReschedulePanel } from '@/components/returns/reschedule-panel';
import { ReturnStatusBadge } from '@/components/returns/return-status-badge';
import { PrintButton } from '@/components/staff/till/print-button';
import { requireUser } from '@/lib/auth/guards';
import { formatDateTime, formatTime, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { isReturnChangeable } from '@/lib/returns/permissions';
import { getCustomerReturn } from '@/lib/returns/queries';
import { cancelReturnAction } from './cancel-return-action';
import { rescheduleReturnAction } from './reschedule-return-action';

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ t }, { code }] = await Promise.all([getI18n(), params]);
  return { title: interpolate(t.returns.passTitle, { code: decodeURIComponent(code).slice(0, 12) }), robots: { index: false } };
}

/**
 * The return pass: the code and its QR code for the desk (printable), where and when to drop it
 * off, and — while booked — moving or cancelling it. proxy.ts answered 404 already for a code that
 * is not the shopper's; the check here is the one that protects the data.
 */
export default async function ReturnPassPage({ params }: Props) {
  const { code } = await params;
  const user = await requireUser(`/account/returns/${encodeURIComponent(code)}`);
  const { locale, t } = await getI18n();
  const ret = await getCustomerReturn(decodeURIComponent(code), user.id, locale);
  if (!ret) notFound();
  const tr = t.returns;
  const booked = ret.status === 'booked';
  const qrSvg = booked ? await QRCode.toString(ret.code, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : null;

  return (
    <div className="mx-auto w-full max-w-4xl">
      <nav aria-label={t.orders.listTitle} className="print:hidden">
        <Link href={`/account/orders/${ret.order.number}`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
          ← {interpolate(tr.backToOrder, { number: ret.order.number })}
        </Link>
      </nav>
      <header className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-2xl font-bold tracking-tight">{interpolate(tr.passTitle, { code: ret.code })}</h1>
        <ReturnStatusBadge status={ret.status} t={tr} />
      </header>

      <div className="mt-5 grid gap-5 md:grid-cols-2 md:items-start">
        <section aria-label={tr.passCodeLabel} className="min-w-0 space-y-4 card p-5" data-testid="return-pass">
          {qrSvg ? (
            <>
              <p className="text-sm text-muted">{tr.passHelp}</p>
              <PickupCode code={ret.code} qrSvg={qrSvg} labels={{ pickupCode: tr.passCodeLabel, qrAlt: interpolate(tr.qrAlt, { code: ret.code }) }} />
              <div className="flex justify-center print:hidden">
                <PrintButton label={tr.print} />
              </div>
            </>
          ) : (
            <p className="font-mono text-2xl font-bold tracking-widest" data-testid="pickup-code">
              {ret.code}
            </p>
          )}
        </section>

        {/* min-w-0: the drop-off picker's row of days scrolls inside the card, never widens the page. */}
        <div className="min-w-0 space-y-5">
          <section aria-labelledby="return-drop-off" className="space-y-3 card p-5" data-testid="return-drop-off">
            <div>
              <h2 id="return-drop-off" className="text-xs font-semibold tracking-wide text-muted uppercase">
                {tr.dropOffTitle}
              </h2>
              <p className="mt-1 text-lg font-bold">{ret.store.name}</p>
              <p className="text-sm text-muted">
                {ret.store.address}, {ret.store.postcode} {ret.store.town}
              </p>
              {ret.window && (
                <p className="mt-1 font-semibold" data-testid="return-window">
                  {formatDateTime(new Date(ret.window.startsAt), locale)} – {formatTime(new Date(ret.window.endsAt), locale)}
                </p>
              )}
            </div>
            {isReturnChangeable(ret.status) && (
              <div className="space-y-3 print:hidden">
                <ReschedulePanel
                  action={rescheduleReturnAction}
                  code={ret.code}
                  storeId={ret.store.id}
                  currentStartsAt={ret.window?.startsAt ?? null}
                  locale={locale}
                  t={tr}
                />
                <CancelReservationForm
                  action={cancelReturnAction}
                  fields={{ code: ret.code }}
                  open
                  labels={{ cancel: tr.cancel, cancelConfirm: tr.cancelConfirm, cancelSubmit: tr.cancelSubmit, keep: tr.keep, pending: tr.cancelPending }}
                />
              </div>
            )}
          </section>
          <OrderReturns returns={[ret]} locale={locale} t={tr} title={tr.itemsTitle} onPassPage />
        </div>
      </div>
    </div>
  );
}
