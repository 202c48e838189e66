import { itemName, variantLabel } from '@/lib/catalog/variant-label';
import type { ActionState } from '@/lib/actions/state';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { pickedGoodsCents } from '@/lib/orders/picking-view';
import type { Order } from '@/lib/orders/queries';
import { SubstituteAnswer } from './substitute-answer';

type Props = {
  order: Order;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  locale: Locale;
  t: Dictionary;
};

/** Whether picking changed anything the shopper should see: a line short, or a substitute proposed. */
export function hasPickingNews(order: Order): boolean {
  return order.mode === 'drive' && order.lines.some((l) => l.pickedQuantity !== null && l.pickedQuantity < l.quantity);
}

/**
 * What the drive's pickers found missing, on the order page (and so beside "I'm here"): each
 * substitute proposed, its price (at most the original's), and Accept / Refuse until handover;
 * the missing units not charged; what the order comes to with the answers so far (unanswered
 * ones by the checkout preference). After handover, what was decided.
 */
export function SubstitutesPanel({ order, action, locale, t }: Props) {
  const o = t.orders;
  const open = order.status === 'preparing' || order.status === 'ready';
  const price = (cents: number) => formatPrice(cents, locale);
  const changed = order.lines.filter((l) => l.pickedQuantity !== null && l.pickedQuantity < l.quantity);
  const totalNow = pickedGoodsCents(order.lines, order.substitutesWelcome) + order.deliveryCents - order.discountCents;
  return (
    <section aria-labelledby="order-substitutes" className="space-y-4 card border-sky-300 p-5" data-testid="order-substitutes">
      <div>
        <h2 id="order-substitutes" className="text-lg font-bold">
          {o.proposalTitle}
        </h2>
        {open && <p className="mt-1 text-sm text-muted">{o.proposalIntro}</p>}
      </div>
      <ul className="space-y-3">
        {changed.map((l) => {
          const original = itemName(l.productName, variantLabel(l, locale, t));
          const missing = l.quantity - (l.pickedQuantity ?? l.quantity);
          const sub = l.substitute;
          if (!sub) {
            return (
              <li key={l.lineId} className="rounded-lg bg-paper px-3 py-2 text-sm" data-testid="proposal-short">
                {interpolate(o.proposalShort, { missing, name: original })}
              </li>
            );
          }
          const name = itemName(sub.productName, variantLabel(sub, locale, t));
          const answered = sub.answer === 'accepted' ? o.proposalAccepted : sub.answer === 'refused' ? o.proposalRefused : null;
          return (
            <li key={l.lineId} className="space-y-2 rounded-lg border border-line p-3" data-testid={`proposal-${l.lineId}`} data-answer={sub.answer ?? 'none'}>
              <p className="text-sm text-muted">{interpolate(o.proposalInstead, { quantity: missing, name: original })}</p>
              <div className="flex items-start gap-3">
                {sub.image && (
                  // eslint-disable-next-line @next/next/no-img-element -- local SVG illustrations: next/image adds nothing for vector files
                  <img src={sub.image} alt="" width={56} height={56} className="size-14 shrink-0 rounded-md border border-line object-cover" />
                )}
                <div className="min-w-0 flex-1">
                  <p className="font-semibold">{name}</p>
                  <p className="text-sm tabular-nums">
                    {interpolate(o.proposalPrice, { quantity: sub.quantity, price: price(sub.unitPriceCents) })}
                    {sub.unitPriceCents < sub.catalogPriceCents && (
                      <span className="text-ok"> · {interpolate(o.proposalCapped, { catalog: price(sub.catalogPriceCents) })}</span>
                    )}
                  </p>
                </div>
                {answered && (
                  <span
                    className={`shrink-0 rounded-full px-2.5 py-1 text-xs font-semibold ${sub.answer === 'accepted' ? 'bg-green-50 text-ok' : 'bg-paper text-muted'}`}
                  >
                    {answered}
                  </span>
                )}
              </div>
              {open ? (
                <>
                  <SubstituteAnswer
                    action={action}
                    orderId={order.id}
                    lineId={l.lineId}
                    answer={sub.answer}
                    item={name}
                    t={{ accept: o.proposalAccept, refuse: o.proposalRefuse, sending: o.sending }}
                  />
                  {sub.answer === null && (
                    <p className="text-xs text-muted">{order.substitutesWelcome ? o.proposalDefault_welcome : o.proposalDefault_refused}</p>
                  )}
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      {open && (
        <p className="flex items-baseline justify-between gap-3 border-t border-line pt-3">
          <span className="text-sm font-medium">{o.proposalTotal}</span>
          <span className="text-lg font-bold tabular-nums" data-testid="proposal-total">
            {price(totalNow)}
          </span>
        </p>
      )}
    </section>
  );
}
