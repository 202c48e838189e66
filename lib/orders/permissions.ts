import type { DomainError } from '@/lib/errors';
import { TIME_ZONE } from '@/lib/i18n/config';
import { ARRIVAL_OPENS_MINUTES_BEFORE } from './config';
import { ArrivalNotOpenError, OrderNotFoundError, OrderPaidInStoreError, OrderStateError, PastCutoffError } from './errors';
import type { OrderMode, OrderStatus, PaymentStatus } from './schema';

/*
 * What a shopper may do with an order now: cancel it, move its drive slot, say "I'm here". The
 * commands (lib/orders/fulfilment.ts) ask this under the order's lock, with the database's clock,
 * and throw the refusal it names; the order page asks it to decide which buttons to show. One rule
 * for both, so a button is never offered that the command refuses, nor hidden when it would pass.
 */

/** What the rules read of an order: the order page's Order and the commands' locked row both give it. */
export type OrderFacts = {
  mode: OrderMode;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  /** The booked drive slot: when it starts, and its cut-off (after it the shopper can no longer move or cancel). */
  slot: { startsAt: Date | string; cutoffAt: Date | string } | null;
};

/** Not yet handed over to the drive bay or the carrier: the shopper can still change their mind. */
const NOT_STARTED: readonly OrderStatus[] = ['placed', 'preparing'];
/** Still to be handed over at the drive. */
const AWAITING_PICKUP: readonly OrderStatus[] = ['placed', 'preparing', 'ready'];

const pastCutoff = (order: OrderFacts, now: Date) => order.slot !== null && new Date(order.slot.cutoffAt).getTime() <= now.getTime();

/**
 * Why the order cannot be cancelled now, or null when it can: a drive order until its slot's
 * cut-off (staff, after it too, and while it waits at the drive: a shopper who never comes, or
 * nothing left to hand over after picking), a delivery order until it ships; never one already
 * paid at a shop's till (lib/orders/till-orders.ts), which comes back as a return, refunded at a desk.
 */
export function cancelRefusal(order: OrderFacts, now: Date, by: 'shopper' | 'staff'): DomainError | null {
  const staffAtDrive = by === 'staff' && order.mode === 'drive' && order.status === 'ready';
  if (!NOT_STARTED.includes(order.status) && !staffAtDrive) return new OrderStateError(order.status, 'cancelled');
  if (order.paymentStatus === 'paid_at_pickup') return new OrderPaidInStoreError();
  if (by === 'shopper' && order.mode === 'drive' && pastCutoff(order, now)) return new PastCutoffError();
  return null;
}

/** Why the drive order's slot cannot be moved now (to another slot of its store), or null when it can: before the cut-off. */
export function slotMoveRefusal(order: OrderFacts, now: Date): DomainError | null {
  if (order.mode !== 'drive') return new OrderNotFoundError();
  if (!NOT_STARTED.includes(order.status)) return new OrderStateError(order.status, 'moved');
  if (pastCutoff(order, now)) return new PastCutoffError();
  return null;
}

const parisDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(d);

/** The calendar day after `day` ("2026-03-28" → "2026-03-29"), whatever the clocks do that night. */
function dayAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * Where "I'm here" stands for a drive order still to be handed over: 'open' from an hour before
 * its slot starts (ARRIVAL_OPENS_MINUTES_BEFORE) until the end of the day after the slot's, in
 * Paris; 'later' on the slot's day before that; null otherwise.
 */
export function arrivalWindow(order: OrderFacts, now: Date): 'open' | 'later' | null {
  if (order.mode !== 'drive' || !order.slot || !AWAITING_PICKUP.includes(order.status)) return null;
  const start = new Date(order.slot.startsAt);
  const today = parisDay(now);
  if (start.getTime() - ARRIVAL_OPENS_MINUTES_BEFORE * 60_000 <= now.getTime() && today <= dayAfter(parisDay(start))) return 'open';
  return today === parisDay(start) ? 'later' : null;
}

/** Why "I'm here" is refused now, or null when it is taken. */
export function arrivalRefusal(order: OrderFacts, now: Date): DomainError | null {
  if (order.mode !== 'drive') return new OrderNotFoundError();
  if (!AWAITING_PICKUP.includes(order.status)) return new OrderStateError(order.status, 'collected');
  if (arrivalWindow(order, now) !== 'open') return new ArrivalNotOpenError();
  return null;
}

export type ShopperMay = {
  cancel: boolean;
  moveSlot: boolean;
  /** A drive order still to be prepared whose slot is past its cut-off: "no longer changeable". */
  slotPastCutoff: boolean;
  arrival: 'open' | 'later' | null;
};

/** Everything the order page offers its shopper, from the same rules the commands apply. */
export function whatShopperMayDo(order: OrderFacts, now: Date): ShopperMay {
  const move = slotMoveRefusal(order, now);
  return {
    cancel: cancelRefusal(order, now, 'shopper') === null,
    moveSlot: move === null,
    slotPastCutoff: move instanceof PastCutoffError,
    arrival: arrivalWindow(order, now),
  };
}
