'use server';
import { startPreparing } from '@/lib/orders/fulfilment';
import { deliveryOrderAction } from '@/lib/actions/staff-orders';

/** Picking starts at the warehouse. */
export const startDeliveryPreparingAction = deliveryOrderAction(startPreparing, (t) => t.orders.startedMsg);
