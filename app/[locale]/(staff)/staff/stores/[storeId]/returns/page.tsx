import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { PickupCodeForm } from '@/components/staff/pickup-code-form';
import { CheckInForm } from '@/components/staff/returns/check-in-form';
import { DeskReturnCard } from '@/components/staff/returns/desk-return-card';
import { RetryRefundForm } from '@/components/staff/returns/retry-refund-form';
import { WalkInForm } from '@/components/staff/returns/walk-in-form';
import { StoreDeskHeader } from '@/components/staff/store-desk-header';
import { canActOnStore, requireStaff } from '@/lib/auth/guards';
import { listStaffStores } from '@/lib/auth/users';
import { interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { DeskSection } from '@/components/staff/desk-section';
import { normalizeOrderNumber } from '@/lib/orders/order-number';
import { normalizeReturnCode } from '@/lib/returns/code';
import { mayStartReturn } from '@/lib/returns/permissions';
import { getDeskReturn, getOrderForWalkIn, hasReturnsDesk, listDeskReturnsForToday } from '@/lib/returns/queries';
import { checkInAction } from './check-in-action';
import { retryRefundAction } from './retry-refund-action';
import { walkInAction } from './walk-in-action';

type Params = { params: Promise<{ storeId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.returns.deskTitle };
}

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim().slice(0, 40) : '');

/**
 * The returns desk of one shop: today's expected returns, refunds to retry, what was checked in
 * today; a return opens by its pass (typed, a USB scanner or the camera) or, for a walk-in, by the
 * order number. Every action checks the staff member's store again for itself.
 */
export default async function ReturnsDeskPage({ params, searchParams }: Params) {
  const { storeId: raw } = await params;
  const deskPath = `/staff/stores/${encodeURIComponent(raw)}/returns`;
  const user = await requireStaff(deskPath);
  const storeId = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  // Not a member, unknown store and a store without a returns desk give the same 404.
  if (storeId === null || !(await canActOnStore(user.id, storeId)) || !(await hasReturnsDesk(storeId))) notFound();

  const query = await searchParams;
  const code = one(query.code);
  const orderNumber = one(query.order);
  const { locale, t } = await getI18n();
  const tr = t.returns;
  const validCode = code ? normalizeReturnCode(code) : null;
  const [stores, today, opened, walkIn] = await Promise.all([
    listStaffStores(user.id),
    listDeskReturnsForToday(storeId, locale),
    validCode ? getDeskReturn(validCode, storeId, locale) : Promise.resolve(null),
    orderNumber && !code ? getOrderForWalkIn(orderNumber, locale) : Promise.resolve(null),
  ]);
  const store = stores.find((s) => s.id === storeId);
  const sections = [
    { id: 'expected', title: tr.expected, empty: tr.emptyExpected, items: today.filter((r) => r.status === 'booked') },
    { id: 'to-retry', title: tr.toRetry, empty: tr.emptyToRetry, items: today.filter((r) => r.refundState === 'failed' || r.refundState === 'pending') },
    {
      id: 'done-today',
      title: tr.doneToday,
      empty: tr.emptyDone,
      items: today.filter((r) => r.status !== 'booked' && r.refundState !== 'failed' && r.refundState !== 'pending'),
    },
  ];

  return (
    <div className="space-y-4">
      <StoreDeskHeader storeId={storeId} store={store} current="returns" t={t} />
      <div className="grid gap-3 md:grid-cols-2">
        <PickupCodeForm
          action={deskPath}
          code={code}
          labels={{
            label: tr.deskCodeLabel,
            placeholder: tr.deskCodePlaceholder,
            submit: tr.deskCodeSubmit,
            hint: tr.deskCodeHint,
            scan: t.pickup.scan,
            stop: t.pickup.scanStop,
            scanHelp: t.pickup.scanHelp,
            scanDenied: t.pickup.scanDenied,
          }}
        />
        <form action={deskPath} method="get" role="search" className="card p-3 sm:p-4">
          <label htmlFor="walk-in-order" className="label">
            {tr.deskOrderLabel}
          </label>
          <div className="flex gap-2">
            <input
              id="walk-in-order"
              name="order"
              type="search"
              defaultValue={orderNumber}
              placeholder={tr.deskOrderPlaceholder}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
              required
              className="input min-h-12 font-mono uppercase placeholder:font-sans placeholder:normal-case"
            />
            <button type="submit" className="btn-secondary min-h-12 shrink-0 px-5">
              {tr.deskOrderSubmit}
            </button>
          </div>
        </form>
      </div>

      {code && !opened && (
        <p className="card border-out/30 p-4 font-medium text-out" role="status" data-testid="return-not-found">
          {interpolate(tr.deskCodeNotFound, { code })}
        </p>
      )}
      {opened && (
        <section aria-label={interpolate(tr.passTitle, { code: opened.code })}>
          <DeskReturnCard ret={opened} locale={locale} t={t}>
            {opened.status === 'booked' ? (
              <CheckInForm
                key={opened.id}
                action={checkInAction}
                hidden={{ storeId, code: opened.code }}
                lines={opened.lines.map((l) => ({ id: l.id, productName: l.productName, quantity: l.quantity }))}
                submit={tr.checkIn}
                t={tr}
              />
            ) : opened.refundState === 'failed' || opened.refundState === 'pending' ? (
              <RetryRefundForm
                action={retryRefundAction}
                storeId={storeId}
                code={opened.code}
                creditAllowed={opened.refundState === 'failed' && !opened.refundError?.startsWith('payment_unavailable')}
                labels={{ retry: tr.retry, retryCredit: tr.retryCredit, pending: tr.pending }}
              />
            ) : null}
          </DeskReturnCard>
        </section>
      )}
      {orderNumber && !code && (
        <section
          aria-label={interpolate(tr.walkInTitle, { number: normalizeOrderNumber(orderNumber) })}
          className="space-y-3 card p-4 sm:p-5"
          data-testid="walk-in"
        >
          {!walkIn ? (
            <p className="font-medium text-out" role="status">
              {interpolate(tr.deskOrderNotFound, { number: orderNumber })}
            </p>
          ) : (
            <>
              <h2 className="font-bold">{interpolate(tr.walkInTitle, { number: walkIn.number })}</h2>
              <p className="text-sm text-muted">
                {walkIn.customer.name} · {walkIn.customer.email}
              </p>
              {mayStartReturn(walkIn) ? (
                <WalkInForm
                  key={walkIn.id}
                  action={walkInAction}
                  storeId={storeId}
                  orderNumber={walkIn.number}
                  idempotencyKey={randomUUID()}
                  lines={walkIn.lines}
                  paidAtPickup={walkIn.paidAtPickup}
                  locale={locale}
                  t={tr}
                />
              ) : (
                <p className="text-sm text-out">{walkIn.deadline ? tr.walkInClosed : tr.order_not_returnable}</p>
              )}
            </>
          )}
        </section>
      )}

      <div className="grid gap-6 pt-2 lg:grid-cols-3">
        {sections.map((s) => (
          <DeskSection key={s.id} id={s.id} title={s.title} count={s.items.length} empty={s.empty} testId={`returns-${s.id}`}>
            <ul className="space-y-3">
              {s.items.map((r) => (
                <li key={r.id}>
                  <DeskReturnCard ret={r} locale={locale} t={t} openHref={`${deskPath}?code=${r.code}`} highlighted={r.id === opened?.id} />
                </li>
              ))}
            </ul>
          </DeskSection>
        ))}
      </div>
    </div>
  );
}
