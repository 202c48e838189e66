import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PickupCodeForm } from '@/components/staff/pickup-code-form';
import { ReservationActions } from '@/components/staff/reservation-actions';
import { ReservationCard, type DeskReservationView } from '@/components/staff/reservation-card';
import { StoreDeskHeader } from '@/components/staff/store-desk-header';
import { canActOnStore, requireStaff } from '@/lib/auth/guards';
import { listStaffStores } from '@/lib/auth/users';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDateTime, formatMessage, formatPrice, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { DeskSection } from '@/components/staff/desk-section';
import { normalizePickupCode } from '@/lib/reservations/pickup-code';
import { findStoreReservationByCode, listStoreReservationsForToday, type Reservation } from '@/lib/reservations/queries';
import { variantLabel } from '@/lib/catalog/variant-label';
import { cancelReservationAction } from './cancel-reservation-action';
import { handOverAction } from './hand-over-action';
import { markReadyAction } from './mark-ready-action';

type Params = { params: Promise<{ storeId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.pickup.title };
}

function toView(r: Reservation, deskHref: string, locale: Locale, t: Dictionary): DeskReservationView {
  const at = (iso: string | null) => (iso ? formatDateTime(new Date(iso), locale) : '');
  const times: Record<Reservation['status'], string[]> = {
    placed: [interpolate(t.pickup.prepareBy, { time: at(r.expiresAt) }), interpolate(t.pickup.placedAt, { time: at(r.createdAt) })],
    ready: [
      interpolate(t.pickup.collectBy, { time: at(r.expiresAt) }),
      interpolate(t.pickup.readyAt, { time: at(r.readyAt) }),
      interpolate(t.pickup.placedAt, { time: at(r.createdAt) }),
    ],
    collected: [interpolate(t.pickup.collectedAt, { time: at(r.collectedAt) }), interpolate(t.pickup.placedAt, { time: at(r.createdAt) })],
    cancelled: [interpolate(t.pickup.cancelledAt, { time: at(r.cancelledAt) }), interpolate(t.pickup.placedAt, { time: at(r.createdAt) })],
    expired: [interpolate(t.pickup.expiredAt, { time: at(r.expiredAt ?? r.expiresAt) }), interpolate(t.pickup.placedAt, { time: at(r.createdAt) })],
  };
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    statusLabel: t.pickup[`status_${r.status}`],
    customerName: r.customer.name,
    customerEmail: r.customer.email,
    lines: r.lines.map((l, i) => ({ key: `${l.skuId}-${i}`, product: l.productName, variant: variantLabel(l, locale, t), ean: l.ean13, quantity: l.quantity })),
    units: formatMessage(t.pickup.units, { count: r.units }, locale),
    total: formatPrice(r.totalCents, locale),
    times: times[r.status],
    openHref: `${deskHref}?code=${r.code}`,
  };
}

export default async function PickupDeskPage({ params, searchParams }: Params) {
  const { storeId: raw } = await params;
  const deskPath = `/staff/stores/${encodeURIComponent(raw)}/pickup`;
  const user = await requireStaff(deskPath);
  const storeId = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  // Not a member and unknown store give the same 404: nothing about other stores leaks.
  if (storeId === null || !(await canActOnStore(user.id, storeId))) notFound();

  const { code: rawCode } = await searchParams;
  const code = typeof rawCode === 'string' ? normalizePickupCode(rawCode).slice(0, 20) : '';
  const { locale, t } = await getI18n();
  const [stores, today, found] = await Promise.all([
    listStaffStores(user.id),
    listStoreReservationsForToday(storeId, locale),
    code ? findStoreReservationByCode(code, storeId, locale) : Promise.resolve(null),
  ]);
  const store = stores.find((s) => s.id === storeId);
  const views = today.map((r) => toView(r, deskPath, locale, t));
  const opened = found ? toView(found, deskPath, locale, t) : null;
  const cardLabels = { toPay: t.pickup.toPay, ean: t.pickup.ean, quantity: t.pickup.quantity, open: t.pickup.open };
  const sections = [
    { id: 'to-prepare', title: t.pickup.toPrepare, empty: t.pickup.emptyToPrepare, items: views.filter((v) => v.status === 'placed') },
    { id: 'ready', title: t.pickup.ready, empty: t.pickup.emptyReady, items: views.filter((v) => v.status === 'ready') },
    { id: 'done-today', title: t.pickup.doneToday, empty: t.pickup.emptyDone, items: views.filter((v) => v.status !== 'placed' && v.status !== 'ready') },
  ];

  return (
    <div className="space-y-4">
      <StoreDeskHeader storeId={storeId} store={store} current="pickup" t={t} />
      <PickupCodeForm
        action={deskPath}
        code={code}
        labels={{
          label: t.pickup.codeLabel,
          placeholder: t.pickup.codePlaceholder,
          submit: t.pickup.codeSubmit,
          hint: t.pickup.codeHint,
          scan: t.pickup.scan,
          stop: t.pickup.scanStop,
          scanHelp: t.pickup.scanHelp,
          scanDenied: t.pickup.scanDenied,
        }}
      />
      {code && !opened && (
        <p className="card border-out/30 p-4 font-medium text-out" role="status" data-testid="pickup-not-found">
          {interpolate(t.pickup.notFound, { code })}
        </p>
      )}
      {opened && (
        <section aria-label={interpolate(t.pickup.opened, { code: opened.code })}>
          <ReservationCard reservation={opened} labels={{ ...cardLabels, openLabel: '' }} opened>
            <ReservationActions
              key={opened.id}
              storeId={storeId}
              reservationId={opened.id}
              status={opened.status}
              actions={{ markReady: markReadyAction, handOver: handOverAction, cancel: cancelReservationAction }}
              labels={{
                markReady: t.pickup.markReady,
                handOver: t.pickup.handOver,
                handOverConfirm: interpolate(t.pickup.handOverConfirm, { total: opened.total }),
                handOverSubmit: t.pickup.handOverSubmit,
                cancel: t.pickup.cancel,
                cancelConfirm: interpolate(t.pickup.cancelConfirm, { code: opened.code }),
                cancelSubmit: t.pickup.cancelSubmit,
                back: t.pickup.back,
                pending: t.pickup.pending,
                nothingLeft: t.pickup.nothingLeft,
              }}
            />
          </ReservationCard>
        </section>
      )}
      {/* On a phone the three lists stack: a way to jump to the one the customer in front needs. */}
      <nav aria-label={t.pickup.sectionsLabel} className="lg:hidden">
        <ul className="grid grid-cols-3 gap-2">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="flex min-h-14 flex-col items-center justify-center card px-1 py-1.5 text-center hover:border-brand-500">
                <span className="text-lg leading-tight font-bold tabular-nums">{s.items.length}</span>
                <span className="text-xs leading-tight text-muted">{s.title}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="grid gap-6 pt-2 lg:grid-cols-3">
        {sections.map((s) => (
          <DeskSection key={s.id} id={s.id} title={s.title} count={s.items.length} empty={s.empty} testId={`desk-${s.id}`}>
            <ul className="space-y-3">
              {s.items.map((v) => (
                <li key={v.id}>
                  <ReservationCard
                    reservation={v}
                    labels={{ ...cardLabels, openLabel: interpolate(t.pickup.openLabel, { code: v.code }) }}
                    highlighted={v.id === opened?.id}
                  />
                </li>
              ))}
            </ul>
          </DeskSection>
        ))}
      </div>
    </div>
  );
}
