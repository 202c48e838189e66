import { z } from 'zod';
import { wholeNumber } from '@/lib/input/integer';

/*
 * Inputs many actions read: an id from a form or an argument is bounded to a PostgreSQL int
 * before any query sees it; an idempotency key is a UUID the page made.
 */
export const idSchema = wholeNumber(1, 2_147_483_647);
export const idempotencyKeySchema = z.uuid();

/** A staff screen acting on one order of the store the form names (the drive). */
export const storeOrderSchema = z.object({ storeId: idSchema, orderId: idSchema });
/** The delivery desk acting on one warehouse order. */
export const orderIdSchema = z.object({ orderId: idSchema });
