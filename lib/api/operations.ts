import { z } from 'zod';
import { decodeFeedCursor } from '@/lib/db/feed';
import { DEFAULT_PAGE, MAX_PAGE } from './config';
import type { ApiScope } from './schema';

/*
 * Every /api/v1 operation, with the zod schemas that parse its input: the route handlers are built
 * from these entries (lib/api/http.ts parses with `query` and `body`), and the OpenAPI description
 * (lib/api/openapi.ts) is generated from the same objects — app/api/v1/openapi.test.ts fails on a
 * handler that is not described here, or is built from another schema.
 */

export type Operation = {
  id: string;
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  description: string;
  /** null: a public document (the description itself). */
  scope: ApiScope | null;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The 200 answer, described (not checked at run time). */
  response: z.ZodType;
};

const cursor = z
  .string()
  .transform((value, ctx) => {
    const position = decodeFeedCursor(value);
    if (!position) ctx.addIssue({ code: 'custom', message: 'after must be a cursor this API returned as `next`' });
    return position ?? z.NEVER;
  })
  .meta({ description: 'The `next` of the previous page. Leave it out to start from the beginning.' });
const limit = z.coerce
  .number({ error: 'limit must be a whole number' })
  .int('limit must be a whole number')
  .min(1, 'limit must be at least 1')
  .max(MAX_PAGE, `limit must be at most ${MAX_PAGE}`)
  .default(DEFAULT_PAGE)
  .meta({ description: `Items per page (1–${MAX_PAGE}, default ${DEFAULT_PAGE}).` });

export const feedQuerySchema = z.strictObject(
  { after: cursor.optional(), limit },
  { error: (i) => (i.code === 'unrecognized_keys' ? `unknown parameter: ${i.keys.join(', ')}` : undefined) },
);

const timestamp = z.iso.datetime({ offset: true });

export const orderSchema = z
  .object({
    id: z.int(),
    number: z.string().meta({ example: 'CMD-7KX2M9QP' }),
    mode: z.enum(['delivery', 'drive']),
    status: z.enum(['placed', 'preparing', 'ready', 'collected', 'shipped', 'delivered', 'cancelled']),
    paymentStatus: z.enum(['authorized', 'captured', 'due_at_pickup', 'paid_at_pickup', 'voided']),
    locationId: z.int().meta({ description: 'Where the stock is held and leaves from: the web warehouse, or the drive store.' }),
    placedAtStoreId: z.int().nullable().meta({ description: 'The shop whose till placed it, or null (placed online).' }),
    subtotalCents: z.int(),
    deliveryCents: z.int(),
    discountCents: z.int(),
    totalCents: z.int(),
    placedAt: timestamp,
    updatedAt: timestamp,
    lines: z.array(z.object({ skuId: z.int(), ean13: z.string(), quantity: z.int(), pickedQuantity: z.int().nullable(), unitPriceCents: z.int() })),
  })
  .meta({ title: 'Order' });

export const returnSchema = z
  .object({
    id: z.int(),
    code: z.string().meta({ example: 'R-7KX2M9' }),
    orderNumber: z.string().nullable(),
    storeId: z.int(),
    status: z.enum(['booked', 'received', 'refunded', 'partially_refunded', 'refused', 'cancelled']),
    refundMethod: z.enum(['card', 'desk', 'store_credit']),
    refundCents: z.int(),
    refundState: z.enum(['none', 'pending', 'succeeded', 'failed']),
    bookedAt: timestamp,
    receivedAt: timestamp.nullable(),
    updatedAt: timestamp,
    lines: z.array(z.object({ orderLineId: z.int(), quantity: z.int(), reason: z.string(), outcome: z.string().nullable() })),
  })
  .meta({ title: 'Return' });

const next = z.string().nullable().meta({ description: 'Ask again with `after=<next>`; null only when there was never anything to read.' });

export const operations = {
  listOrders: {
    id: 'listOrders',
    method: 'get',
    path: '/api/v1/orders',
    summary: 'Orders placed or changed since a cursor',
    description:
      'Oldest change first. An order that changes again (prepared, shipped, cancelled…) comes again, as it is now. Only changes whose transaction has ended are read, so an order committed late is never behind a cursor already handed out: no order is skipped.',
    scope: 'orders:read',
    query: feedQuerySchema,
    response: z.object({ orders: z.array(orderSchema), next }),
  },
  listReturns: {
    id: 'listReturns',
    method: 'get',
    path: '/api/v1/returns',
    summary: 'Returns booked or changed since a cursor',
    description: 'As the orders feed: oldest change first, a return that changes again comes again, none skipped.',
    scope: 'orders:read',
    query: feedQuerySchema,
    response: z.object({ returns: z.array(returnSchema), next }),
  },
  openapi: {
    id: 'getOpenApi',
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This description (OpenAPI 3.1)',
    description: 'Public: no key needed.',
    scope: null,
    response: z.object({ openapi: z.string() }).loose(),
  },
} satisfies Record<string, Operation>;
