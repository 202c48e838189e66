import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Link } from '@/components/layout/link';
import { OrderStatusBadge } from '@/components/my-orders/order-status-badge';
import { LiveOrderRefresh } from '@/components/orders/live-order-refresh';
import { OrderStep } from '@/components/staff/order-step';
import { pickNote, toStaffOrderView } from '@/components/staff/order-views';
import { PickLineForm, type PickLineView } from '@/components/staff/pick-line-form';
import { StoreDeskHeader } from '@/components/staff/store-desk-header';
import { canActOnStore, requireStaff } from '@/lib/auth/guards';
import { itemName, variantLabel } from '@/lib/catalog/variant-label';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { getLocationOrder, type Order } from '@/lib/orders/queries';
import { listSubstituteCandidates, type SubstituteCandidate } from '@/lib/orders/substitutes';
import { getStoreById } from '@/lib/stores/queries';
import { markReadyAction } from '../../mark-ready-action';
import { pickLineAction } from './pick-line-action';

type Params = { params: Promise<{ storeId: string; orderId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.orders.pickTitle };
}

const id = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

function lineView(o: Order, candidates: Map<number, SubstituteCandidate[]>, locale: Locale, t: Dictionary): PickLineView[] {
  const price = (cents: number) => formatPrice(cents, locale);
  return o.lines.map((l) => ({
    lineId: l.lineId,
    product: l.productName,
    variant: variantLabel(l, locale, t),
    quantity: l.quantity,
    price: interpolate(t.orders.lineQty, { count: l.quantity, price: price(l.unitPriceCents) }),
    note: pickNote(l, locale, t),
    found: l.pickedQuantity ?? l.quantity,
    substituteSkuId: l.substitute?.skuId ?? null,
    candidates: (candidates.get(l.skuId) ?? []).map((c) => {
      const name = itemName(c.productName, variantLabel(c, locale, t));
      const charged = Math.min(c.priceCents, l.unitPriceCents);
      return {
        skuId: c.skuId,
        label:
          charged < c.priceCents
            ? interpolate(t.orders.pickCandidateCapped, { name, price: price(c.priceCents), charged: price(charged) })
            : interpolate(t.orders.pickCandidate, { name, price: price(c.priceCents) }),
      };
    }),
  }));
}

/**
 * Picking one drive order, line by line: found, short, or a substitute from this store's shelf
 * (same department, price shown, charged at most the original's). The shopper's answers arrive
 * live. Staff of this store only: anything else is the same 404 (and each action checks again).
 */
export default async function PickPage({ params }: Params) {
  const { storeId: rawStore, orderId: rawOrder } = await params;
  const user = await requireStaff(`/staff/stores/${encodeURIComponent(rawStore)}/drive/pick/${encodeURIComponent(rawOrder)}`);
  const storeId = id(rawStore);
  const orderId = id(rawOrder);
  if (storeId === null || orderId === null || !(await canActOnStore(user.id, storeId))) notFound();
  const { locale, t } = await getI18n();
  const [store, order] = await Promise.all([getStoreById(storeId), getLocationOrder(orderId, storeId, locale)]);
  if (!store?.services.includes('drive') || !order || order.mode !== 'drive') notFound();
  const editable = order.status === 'placed' || order.status === 'preparing';
  const candidates = editable
    ? await listSubstituteCandidates(
        storeId,
        order.lines.map((l) => l.skuId),
        locale,
      )
    : new Map<number, SubstituteCandidate[]>();
  const view = toStaffOrderView(order, locale, t);
  const o = t.orders;

  return (
    <div className="space-y-4">
      <LiveOrderRefresh stream={`/api/staff/stores/${storeId}/drive/stream`} orderId={order.id} />
      <StoreDeskHeader
        storeId={storeId}
        store={{ name: store.name, town: store.town, drive: true, returnsDesk: store.services.includes('returnsDesk') }}
        current="drive"
        t={t}
      />
      <Link href={`/staff/stores/${storeId}/drive`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
        ← {o.staffDriveTitle}
      </Link>
      <header className="space-y-2 card p-4" data-testid="pick-header">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-mono text-xl font-bold tracking-wider">{order.number}</h2>
          <OrderStatusBadge status={order.status} t={o} />
        </div>
        <p className="font-semibold">{order.customer.name}</p>
        {view.slot && (
          <p className="text-sm">
            <span className="text-muted">{o.slot}</span> <span className="font-semibold tabular-nums">{view.slot}</span>
          </p>
        )}
        <p className="text-sm text-muted" data-testid="pick-preference">
          {order.substitutesWelcome ? o.preference_welcome : o.preference_refused}
        </p>
        {view.awaiting && (
          <p className="rounded-lg bg-sky-50 px-3 py-2 text-sm font-semibold text-sky-900" data-testid="order-awaiting">
            {view.awaiting}
          </p>
        )}
      </header>
      <section aria-labelledby="pick-title" className="space-y-3">
        <h2 id="pick-title" className="text-base font-bold">
          {o.pickTitle}
        </h2>
        <ul className="space-y-3">
          {lineView(order, candidates, locale, t).map((l) => (
            <PickLineForm
              key={l.lineId}
              action={pickLineAction}
              storeId={storeId}
              orderId={order.id}
              line={l}
              editable={editable}
              labels={{
                found: o.pickFound,
                substitute: o.pickSubstitute,
                none: o.pickNoSubstitute,
                save: o.pickSave,
                pending: o.staffPending,
                noCandidates: o.pickNoCandidates,
              }}
            />
          ))}
        </ul>
      </section>
      <footer className="space-y-3 card p-4">
        <p className="flex items-baseline justify-between gap-3">
          <span className="text-sm text-muted">
            {view.payment} · {view.units}
          </span>
          <span className="text-xl font-bold tabular-nums" data-testid="pick-total">
            {view.total}
          </span>
        </p>
        {editable && (
          <OrderStep
            action={markReadyAction}
            storeId={storeId}
            orderId={order.id}
            orderNumber={order.number}
            label={o.markReady}
            labels={{ pending: o.staffPending, back: o.back, actionOnOrder: o.actionOnOrder }}
          />
        )}
      </footer>
    </div>
  );
}
