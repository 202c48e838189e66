'use server';
import { markOrderReady } from '@/lib/orders/fulfilment';
import { driveOrderAction } from '@/lib/actions/staff-orders';

/** Picked and bagged, waiting at the drive (straight from "placed" too, for a small order). */
export const markReadyAction = driveOrderAction(markOrderReady, (t) => t.orders.readyMsg);
