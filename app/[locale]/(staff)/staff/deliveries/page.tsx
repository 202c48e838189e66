import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DeliveryDesk } from '@/components/staff/delivery-desk';
import { UncapturedPayments } from '@/components/staff/uncaptured-payments';
import { requireStaff } from '@/lib/auth/guards';
import { getI18n, inRequestLocale } from '@/lib/i18n/server';
import { formatDateTime, formatPrice, interpolate } from '@/lib/i18n/format';
import { listUncapturedOrders } from '@/lib/orders/captures';
import { listDeliveryOrders } from '@/lib/orders/queries';
import { toStaffOrderView } from '@/components/staff/order-views';
import { cancelDeliveryOrderAction } from './cancel-delivery-action';
import { deliverOrderAction } from './deliver-action';
import { shipOrderAction } from './ship-action';
import { startDeliveryPreparingAction } from './start-preparing-action';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.orders.staffDeliveryTitle };
}

/** Home deliveries leave the web warehouse: admins only (each action checks again for itself). */
export default async function DeliveriesPage() {
  const user = await requireStaff('/staff/deliveries');
  if (user.role !== 'admin') redirect(await inRequestLocale('/staff'));
  const { locale, t } = await getI18n();
  const now = new Date();
  const [delivery, uncaptured] = await Promise.all([listDeliveryOrders(locale), listUncapturedOrders()]);
  const orders = delivery.map((o) => toStaffOrderView(o, locale, t, now));
  const o = t.orders;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{o.staffDeliveryTitle}</h1>
        <p className="text-sm text-muted">{o.staffDeliveryIntro}</p>
      </div>
      <UncapturedPayments
        orders={uncaptured.map((u) => ({
          number: u.number,
          total: formatPrice(u.totalCents, locale),
          shipped: interpolate(o.uncapturedShipped, { date: formatDateTime(u.shippedAt, locale) }),
          attempts: interpolate(o.uncapturedAttempts, { count: u.attempts }),
          next:
            u.nextAttemptAt && u.nextAttemptAt > now ? interpolate(o.uncapturedNext, { date: formatDateTime(u.nextAttemptAt, locale) }) : o.uncapturedNextSoon,
          error: u.lastError && interpolate(o.uncapturedError, { error: u.lastError }),
        }))}
        labels={{ title: o.uncapturedTitle, intro: o.uncapturedIntro, badge: o.uncapturedBadge }}
      />
      <DeliveryDesk
        locale={locale}
        orders={{
          toShip: orders.filter((v) => v.status === 'placed' || v.status === 'preparing'),
          shipped: orders.filter((v) => v.status === 'shipped'),
          done: orders.filter((v) => v.status === 'delivered' || v.status === 'cancelled'),
        }}
        actions={{ start: startDeliveryPreparingAction, ship: shipOrderAction, deliver: deliverOrderAction, cancel: cancelDeliveryOrderAction }}
        labels={{
          sections: o.staffDeliveryTitle,
          toShip: o.toShip,
          shipped: o.shippedList,
          done: o.doneToday,
          nothing: o.nothingHere,
          startPreparing: o.startPreparing,
          ship: o.markShipped,
          shipConfirm: o.shipConfirm,
          shipConfirmPaid: o.shipConfirmPaid,
          shipSubmit: o.shipSubmit,
          deliver: o.markDelivered,
          cancel: o.staffCancel,
          cancelConfirm: o.deliveryCancelConfirm,
          cancelSubmit: o.staffCancelSubmit,
          back: o.back,
          pending: o.staffPending,
          actionOnOrder: o.actionOnOrder,
          card: { quantity: t.pickup.quantity, arrivedAgo: o.arrivedAgo, noBay: o.noBay, bay: o.arrivedBay, slot: o.slot, late: o.slotLate },
        }}
      />
    </div>
  );
}
