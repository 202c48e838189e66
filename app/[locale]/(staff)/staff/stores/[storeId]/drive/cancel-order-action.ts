'use server';
import { cancelOrderByStaff } from '@/lib/orders/fulfilment';
import { driveOrderAction } from '@/lib/actions/staff-orders';

/** The drive cancels (out of stock on the shelf, customer called): the units go back on sale and the slot is freed. */
export const cancelDriveOrderAction = driveOrderAction(cancelOrderByStaff, (t) => t.orders.staffCancelledMsg);
