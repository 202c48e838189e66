'use client';
import { useActionState } from 'react';
import { initialActionState, latestAnswer, type ActionState } from '@/lib/actions/state';
import { DeskSection } from './desk-section';
import { OrderActions, type OrderActionButton } from './order-actions';
import { OrderCard, type StaffOrderView } from './order-card';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

export type DeliveryDeskLabels = {
  sections: string;
  toShip: string;
  shipped: string;
  done: string;
  nothing: string;
  startPreparing: string;
  ship: string;
  /** With {total}. */
  shipConfirm: string;
  /** For an order already paid (at a shop's till): nothing is charged. */
  shipConfirmPaid: string;
  shipSubmit: string;
  deliver: string;
  cancel: string;
  /** With {number}. */
  cancelConfirm: string;
  cancelSubmit: string;
  back: string;
  pending: string;
  /** "{action}: order {number}": a card button's accessible name. */
  actionOnOrder: string;
  card: { quantity: string; arrivedAgo: string; noBay: string; bay: string; slot: string; late: string };
};

type Props = {
  locale: string;
  orders: { toShip: StaffOrderView[]; shipped: StaffOrderView[]; done: StaffOrderView[] };
  actions: { start: Action; ship: Action; deliver: Action; cancel: Action };
  labels: DeliveryDeskLabels;
};

/**
 * The web operations desk: home-delivery orders to ship (oldest first), shipped ones to confirm
 * delivered, and today's finished ones. Each action's answer is announced; the page data comes
 * back with it (the actions revalidate the page).
 */
export function DeliveryDesk({ locale, orders, actions, labels }: Props) {
  const [started, start] = useActionState(actions.start, initialActionState);
  const [shipped, ship] = useActionState(actions.ship, initialActionState);
  const [delivered, deliver] = useActionState(actions.deliver, initialActionState);
  const [cancelled, cancel] = useActionState(actions.cancel, initialActionState);
  const last = latestAnswer(started, shipped, delivered, cancelled);

  const buttons = (o: StaffOrderView): OrderActionButton[] => {
    const shipButton: OrderActionButton = {
      key: 'ship',
      label: labels.ship,
      action: ship,
      tone: 'primary',
      confirm: { question: o.paidInStore ? labels.shipConfirmPaid : labels.shipConfirm.replace('{total}', o.total), submit: labels.shipSubmit },
    };
    const cancelButton: OrderActionButton = {
      key: 'cancel',
      label: labels.cancel,
      action: cancel,
      tone: 'danger',
      confirm: { question: labels.cancelConfirm.replace('{number}', o.number), submit: labels.cancelSubmit },
    };
    // Paid at a shop's till: it is never cancelled (it comes back as a return), so no button offers it.
    const cancelling = o.paidInStore ? [] : [cancelButton];
    if (o.status === 'placed') return [{ key: 'start', label: labels.startPreparing, action: start, tone: 'secondary' }, shipButton, ...cancelling];
    if (o.status === 'preparing') return [shipButton, ...cancelling];
    if (o.status === 'shipped') return [{ key: 'deliver', label: labels.deliver, action: deliver, tone: 'primary' }];
    return [];
  };

  const sections = [
    { id: 'to-ship', title: labels.toShip, items: orders.toShip },
    { id: 'shipped', title: labels.shipped, items: orders.shipped },
    { id: 'done-today', title: labels.done, items: orders.done },
  ];

  return (
    <div className="space-y-4" data-testid="delivery-desk">
      <p
        aria-live="polite"
        data-testid="delivery-message"
        className={`fixed inset-x-3 bottom-3 z-20 rounded-lg px-4 py-3 text-sm font-medium shadow-lg empty:hidden sm:static sm:shadow-none ${last.ok ? 'bg-green-50 text-ok' : 'bg-red-50 text-out'}`}
      >
        {last.message}
      </p>
      <nav aria-label={labels.sections} className="lg:hidden">
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
      <div className="grid gap-6 lg:grid-cols-3">
        {sections.map((s) => (
          <DeskSection key={s.id} id={s.id} title={s.title} count={s.items.length} empty={labels.nothing}>
            <ul className="space-y-3">
              {s.items.map((o) => (
                <li key={o.id}>
                  <OrderCard order={o} labels={labels.card} locale={locale}>
                    {buttons(o).length > 0 && (
                      <OrderActions
                        orderId={o.id}
                        orderNumber={o.number}
                        buttons={buttons(o)}
                        labels={{ pending: labels.pending, back: labels.back, actionOnOrder: labels.actionOnOrder }}
                      />
                    )}
                  </OrderCard>
                </li>
              ))}
            </ul>
          </DeskSection>
        ))}
      </div>
    </div>
  );
}
