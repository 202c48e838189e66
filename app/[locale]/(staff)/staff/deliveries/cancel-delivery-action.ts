'use server';
import { cancelOrderByStaff } from '@/lib/orders/fulfilment';
import { deliveryOrderAction } from '@/lib/actions/staff-orders';

/** Cancelled before shipping: the units go back on sale and the card hold is released. */
export const cancelDeliveryOrderAction = deliveryOrderAction(cancelOrderByStaff, (t) => t.orders.staffCancelledMsg);
