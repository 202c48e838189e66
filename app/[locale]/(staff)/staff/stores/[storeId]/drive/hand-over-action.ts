'use server';
import { handOverOrder } from '@/lib/orders/fulfilment';
import { driveOrderAction } from '@/lib/actions/staff-orders';

/** Payment taken and bags handed over: the units leave the shelf (on hand goes down) and the order is collected. */
export const handOverAction = driveOrderAction(handOverOrder, (t) => t.orders.handedOverMsg);
