'use server';
import { markShipped } from '@/lib/orders/fulfilment';
import { deliveryOrderAction } from '@/lib/actions/staff-orders';

/** The parcel has left: the units leave the warehouse and the card is charged. */
export const shipOrderAction = deliveryOrderAction(markShipped, (t) => t.orders.shippedMsg);
