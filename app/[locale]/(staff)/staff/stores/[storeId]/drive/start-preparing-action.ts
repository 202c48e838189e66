'use server';
import { startPreparing } from '@/lib/orders/fulfilment';
import { driveOrderAction } from '@/lib/actions/staff-orders';

/** Picking starts: the order leaves "to prepare" for the picker's list. */
export const startPreparingAction = driveOrderAction(startPreparing, (t) => t.orders.startedMsg);
