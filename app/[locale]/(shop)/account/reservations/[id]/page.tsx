import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { notFound } from 'next/navigation';
import QRCode from 'qrcode';
import { CancelReservationForm } from '@/components/reservations/cancel-reservation-form';
import { Deadline } from '@/components/reservations/deadline';
import { PickupCode } from '@/components/reservations/pickup-code';
import { ReservationLines } from '@/components/reservations/reservation-lines';
import { StatusBadge } from '@/components/reservations/status-badge';
import { requireUser } from '@/lib/auth/guards';
import { interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { isOpenReservation } from '@/lib/reservations/permissions';
import { getCustomerReservation } from '@/lib/reservations/queries';
import { cancelReservationAction } from './cancel-reservation-action';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.reservations.confirmedTitle, robots: { index: false } };
}

/**
 * Confirmation and detail of one of the shopper's reservations. proxy.ts already answered 404 for
 * an id that is not theirs, before streaming; the check here is the one that protects the data.
 */
export default async function ReservationPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/account/reservations/${id}`);
  const { locale, t } = await getI18n();
  const reservation = /^\d{1,10}$/.test(id) ? await getCustomerReservation(Number(id), user.id, locale) : null;
  if (!reservation) notFound();
  const tr = t.reservations;
  const open = isOpenReservation(reservation.status);
  const qrSvg = open ? await QRCode.toString(reservation.code, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : null;
  const { store } = reservation;

  return (
    <div className="mx-auto w-full max-w-4xl">
      <nav aria-label={tr.listTitle}>
        <Link href="/account/reservations" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
          ← {tr.backToList}
        </Link>
      </nav>
      <header className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-2xl font-bold tracking-tight">{interpolate(tr.detailTitle, { code: reservation.code })}</h1>
        <StatusBadge status={reservation.status} t={tr} />
      </header>

      <div className="mt-5 grid gap-5 md:grid-cols-2 md:items-start">
        <section aria-label={tr.pickupCode} className="space-y-4 card p-5" data-testid="reservation-pickup">
          {/* eslint-disable-next-line react-hooks/purity -- a Server Component renders once per request and never again in the browser: the request's time */}
          <Deadline reservation={reservation} now={Date.now()} locale={locale} t={tr} className="space-y-0.5" />
          <p className="text-sm text-muted">
            {reservation.status === 'placed' ? tr.placedHelp : reservation.status === 'ready' ? tr.readyHelp : tr.closedHelp}
          </p>
          {qrSvg && (
            <PickupCode
              code={reservation.code}
              qrSvg={qrSvg}
              labels={{ pickupCode: tr.pickupCode, qrAlt: interpolate(tr.qrAlt, { code: reservation.code }) }}
            />
          )}
        </section>

        <div className="space-y-5">
          <section aria-labelledby="reservation-store" className="card p-5" data-testid="reservation-store">
            <h2 id="reservation-store" className="text-xs font-semibold tracking-wide text-muted uppercase">
              {open ? tr.pickupAt : tr.store}
            </h2>
            <p className="mt-1 text-lg font-bold">{store.name}</p>
            <p className="text-sm text-muted">
              {store.address}, {store.postcode} {store.town}
            </p>
            <Link href={`/stores/${store.slug}`} className="mt-3 btn-secondary">
              {tr.viewStore}
              <span className="sr-only"> ({store.name})</span>
            </Link>
          </section>

          <section aria-labelledby="reservation-items" className="card px-5 pt-4 pb-5">
            <h2 id="reservation-items" className="text-base font-bold">
              {tr.items}
            </h2>
            <ReservationLines lines={reservation.lines} totalCents={reservation.totalCents} open={open} locale={locale} t={t} />
          </section>

          <CancelReservationForm
            action={cancelReservationAction}
            reservationId={reservation.id}
            open={open}
            labels={{ cancel: tr.cancel, cancelConfirm: tr.cancelConfirm, cancelSubmit: tr.cancelSubmit, keep: tr.keep, pending: tr.cancelPending }}
          />
        </div>
      </div>
    </div>
  );
}
