import { describe, expect, it } from 'vitest';
import { ArrivalNotOpenError, OrderNotFoundError, OrderPaidInStoreError, OrderStateError, PastCutoffError } from './errors';
import { arrivalRefusal, arrivalWindow, cancelRefusal, slotMoveRefusal, whatShopperMayDo, type OrderFacts } from './permissions';
import { ORDER_STATUSES } from './schema';

/** The rules alone, at a chosen clock; the commands apply them under the order's lock (fulfilment.test.ts). */
const at = (iso: string) => new Date(iso);
const minutes = (n: number) => n * 60_000;
const now = at('2026-06-10T10:00:00Z'); // 12:00 in Paris

function drive(status: OrderFacts['status'], startsInMinutes: number, cutoffMinutes = 120): OrderFacts {
  const startsAt = new Date(now.getTime() + minutes(startsInMinutes));
  return { mode: 'drive', status, paymentStatus: 'due_at_pickup', slot: { startsAt, cutoffAt: new Date(startsAt.getTime() - minutes(cutoffMinutes)) } };
}
const delivery = (status: OrderFacts['status'], paymentStatus: OrderFacts['paymentStatus'] = 'authorized'): OrderFacts => ({
  mode: 'delivery',
  status,
  paymentStatus,
  slot: null,
});

describe('cancelling', () => {
  it('is open until the order is handed on, whoever asks; staff may also cancel a drive order waiting at the drive', () => {
    for (const status of ORDER_STATUSES) {
      const open = status === 'placed' || status === 'preparing';
      for (const by of ['shopper', 'staff'] as const) {
        expect(cancelRefusal(delivery(status), now, by)).toEqual(open ? null : new OrderStateError(status, 'cancelled'));
        const driveOpen = open || (by === 'staff' && status === 'ready');
        expect(cancelRefusal(drive(status, 24 * 60), now, by)).toEqual(driveOpen ? null : new OrderStateError(status, 'cancelled'));
      }
    }
  });

  it('a drive order: the shopper until the slot’s cut-off (at it, no more), the shop after it too', () => {
    expect(cancelRefusal(drive('placed', 121), now, 'shopper')).toBeNull();
    expect(cancelRefusal(drive('placed', 120), now, 'shopper')).toBeInstanceOf(PastCutoffError);
    expect(cancelRefusal(drive('preparing', 30), now, 'shopper')).toBeInstanceOf(PastCutoffError);
    expect(cancelRefusal(drive('preparing', 30), now, 'staff')).toBeNull();
  });

  it('never an order paid at a shop’s till: it comes back as a return', () => {
    for (const by of ['shopper', 'staff'] as const) expect(cancelRefusal(delivery('placed', 'paid_at_pickup'), now, by)).toBeInstanceOf(OrderPaidInStoreError);
  });
});

describe('moving the drive slot', () => {
  it('before the cut-off, while not yet ready; never a delivery order', () => {
    expect(slotMoveRefusal(drive('placed', 121), now)).toBeNull();
    expect(slotMoveRefusal(drive('preparing', 3 * 24 * 60), now)).toBeNull();
    expect(slotMoveRefusal(drive('placed', 119), now)).toBeInstanceOf(PastCutoffError);
    expect(slotMoveRefusal(drive('ready', 3 * 24 * 60), now)).toEqual(new OrderStateError('ready', 'moved'));
    expect(slotMoveRefusal(delivery('placed'), now)).toBeInstanceOf(OrderNotFoundError);
  });
});

describe('"I’m here"', () => {
  it('opens an hour before the slot starts and stays open until the end of the next day (Paris)', () => {
    expect(arrivalWindow(drive('placed', 61), now)).toBe('later'); // today, not yet
    expect(arrivalWindow(drive('placed', 60), now)).toBe('open');
    expect(arrivalWindow(drive('ready', -10), now)).toBe('open'); // late
    expect(arrivalWindow(drive('ready', 24 * 60), now)).toBeNull(); // tomorrow
    // A slot yesterday at 12:00 Paris: still open today; not the day after.
    expect(arrivalWindow(drive('ready', -24 * 60), now)).toBe('open');
    expect(arrivalWindow(drive('ready', -24 * 60), at('2026-06-11T21:59:00Z'))).toBeNull(); // 23:59 Paris two days on
    expect(arrivalWindow(drive('ready', -24 * 60), at('2026-06-10T21:59:00Z'))).toBe('open'); // 23:59 Paris the day after
  });

  it('the day after is the calendar’s, also on the night the clocks go forward', () => {
    // Saturday 28 March 2026, 23:30 Paris (22:30 UTC); the clocks go forward that night, so 24 hours
    // later is Monday 00:30. Sunday is the day after: open until Sunday 23:59, closed on Monday.
    const slot: OrderFacts = {
      mode: 'drive',
      status: 'ready',
      paymentStatus: 'due_at_pickup',
      slot: { startsAt: '2026-03-28T22:30:00Z', cutoffAt: '2026-03-28T20:30:00Z' },
    };
    expect(arrivalWindow(slot, at('2026-03-29T21:50:00Z'))).toBe('open'); // Sunday 23:50 Paris
    expect(arrivalWindow(slot, at('2026-03-29T22:10:00Z'))).toBeNull(); // Monday 00:10 Paris
  });

  it('only for a drive order still to be handed over; the command says why not', () => {
    expect(arrivalRefusal(drive('preparing', 30), now)).toBeNull();
    expect(arrivalRefusal(drive('preparing', 3 * 60), now)).toBeInstanceOf(ArrivalNotOpenError);
    expect(arrivalRefusal(drive('collected', 30), now)).toEqual(new OrderStateError('collected', 'collected'));
    expect(arrivalWindow(drive('collected', 30), now)).toBeNull();
    expect(arrivalRefusal(delivery('placed'), now)).toBeInstanceOf(OrderNotFoundError);
    expect(arrivalRefusal({ ...drive('placed', 30), slot: null }, now)).toBeInstanceOf(ArrivalNotOpenError);
  });
});

describe('what the order page offers', () => {
  it('is what the rules allow', () => {
    expect(whatShopperMayDo(drive('placed', 3 * 24 * 60), now)).toEqual({ cancel: true, moveSlot: true, slotPastCutoff: false, arrival: null });
    expect(whatShopperMayDo(drive('preparing', 30), now)).toEqual({ cancel: false, moveSlot: false, slotPastCutoff: true, arrival: 'open' });
    expect(whatShopperMayDo(drive('ready', 30), now)).toEqual({ cancel: false, moveSlot: false, slotPastCutoff: false, arrival: 'open' });
    expect(whatShopperMayDo(delivery('placed'), now)).toEqual({ cancel: true, moveSlot: false, slotPastCutoff: false, arrival: null });
    expect(whatShopperMayDo(delivery('shipped'), now)).toEqual({ cancel: false, moveSlot: false, slotPastCutoff: false, arrival: null });
    expect(whatShopperMayDo(delivery('preparing', 'paid_at_pickup'), now).cancel).toBe(false);
  });
});
