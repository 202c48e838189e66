'use server';
import { markDelivered } from '@/lib/orders/fulfilment';
import { deliveryOrderAction } from '@/lib/actions/staff-orders';

/** The carrier confirmed delivery. */
export const deliverOrderAction = deliveryOrderAction(markDelivered, (t) => t.orders.deliveredMsg);
