import 'server-only';
import type { lockCartForCheckout } from '@/lib/cart/commands';
import { discountForPoints, getLoyaltyRules, maxRedeemablePoints as loyaltyMaxRedeemable } from '@/lib/loyalty/config';
import { deliveryFeeCents } from './config';
import { PointsNotUsableError, PriceChangedError, type MovedPrice } from './errors';

/*
 * What an order costs: the goods at today's prices (refused when they are not the prices the
 * shopper was shown), the delivery fee, and what loyalty points take off.
 */

export type CartSnapshot = Awaited<ReturnType<typeof lockCartForCheckout>>;

/** Refuses an order whose prices are not those the shopper was shown. */
export function assertShownPrices(cart: CartSnapshot, shown: ReadonlyMap<number, number> | undefined): void {
  if (!shown) return;
  const moved: MovedPrice[] = [];
  let unseen = false;
  for (const line of cart.lines) {
    const was = shown.get(line.skuId);
    if (was === undefined) unseen = true;
    else if (was !== line.unitPriceCents) moved.push({ skuId: line.skuId, shownCents: was, nowCents: line.unitPriceCents });
  }
  if (moved.length > 0 || unseen) throw new PriceChangedError(moved);
}

export function totals(cart: CartSnapshot, points: number): { subtotal: number; delivery: number; discount: number; total: number } {
  const subtotal = cart.lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const delivery = cart.fulfilment === 'delivery' ? deliveryFeeCents(subtotal) : 0;
  const discount = pointsDiscountCents(points, subtotal, delivery);
  return { subtotal, delivery, discount, total: subtotal + delivery - discount };
}

/**
 * What `points` take off this order. Points pay for goods (not delivery), in whole redemption
 * steps, and never the whole bill: a card authorisation or a pickup payment needs an amount.
 */
export function pointsDiscountCents(points: number, subtotalCents: number, deliveryCents: number): number {
  if (points === 0) return 0;
  const rules = getLoyaltyRules();
  const max = maxRedeemablePoints(Number.MAX_SAFE_INTEGER, subtotalCents, deliveryCents);
  if (!Number.isSafeInteger(points) || points < 0 || points % rules.redeemStepPoints !== 0 || points > max) {
    throw new PointsNotUsableError(max, rules.redeemStepPoints);
  }
  return discountForPoints(rules, points);
}

/**
 * The most points (whole steps, within `balance`) this order can take: the loyalty rule (never more
 * than the bill it is given) applied to the goods, less a cent when nothing else would be left to pay.
 */
export function maxRedeemablePoints(balance: number, subtotalCents: number, deliveryCents: number): number {
  return loyaltyMaxRedeemable(getLoyaltyRules(), balance, Math.min(subtotalCents, subtotalCents + deliveryCents - 1));
}
