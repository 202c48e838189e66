import { z } from 'zod';
import { decodeFeedCursor } from '@/lib/db/feed';
import { importRowSchemas, type ImportKind } from '@/lib/import/rows';
import { DEFAULT_PAGE, MAX_PAGE, MAX_ROWS } from './config';
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
  /** A write through the import (lib/import): its kind, whose row schema the body's rows are. */
  importKind?: ImportKind;
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

/** A write's answer: what the import did with the rows. */
const importAnswer = z.object({
  import: z.object({
    id: z.int().nullable().meta({ description: 'The import in the back office’s history (/admin/imports/<id>).' }),
    status: z.enum(['applied', 'unchanged']).meta({ description: 'unchanged: every row was already so (or this Idempotency-Key was already applied).' }),
    rows: z.int(),
    changed: z.int(),
  }),
});

/** The body of a write: the rows of one import kind, validated by the import's own schema (lib/import/rows.ts). */
function rowsBody<K extends ImportKind>(kind: K) {
  return z.strictObject({
    rows: z
      .array(importRowSchemas[kind])
      .min(1, 'rows must hold at least one row')
      .max(MAX_ROWS, `rows must hold at most ${MAX_ROWS} rows: send more in several requests`),
  });
}

const ROWS_NOTE =
  'All or nothing: a row refused (its line is its position in `rows`, from 1) and nothing is written — a 422 lists every refusal with its line and column. The same rows twice change nothing. Columns as the import’s CSV (docs/api.md).';

function importOperation<K extends ImportKind>(kind: K, scope: ApiScope, path: string, summary: string, extra: string) {
  return {
    id: `import${kind[0]!.toUpperCase()}${kind.slice(1)}`,
    method: 'post' as const,
    path,
    summary,
    description: `${extra} ${ROWS_NOTE}`,
    scope,
    body: rowsBody(kind),
    response: importAnswer,
    importKind: kind,
  };
}

export const operations = {
  importCategories: importOperation(
    'categories',
    'catalogue',
    '/api/v1/categories',
    'Upsert departments',
    'Departments by slug, with their French and English names.',
  ),
  importProducts: importOperation(
    'products',
    'catalogue',
    '/api/v1/products',
    'Upsert products',
    'Products by slug: department, brand, names and descriptions in French and English; `withdrawn` takes one off sale or back.',
  ),
  importSkus: importOperation(
    'skus',
    'catalogue',
    '/api/v1/skus',
    'Upsert SKUs',
    'SKUs by EAN-13 (check digit verified), with their product, size, colour and price.',
  ),
  importPrices: importOperation(
    'prices',
    'prices',
    '/api/v1/prices',
    'Set prices',
    'One price per SKU, the same on the web and in the shops: `price` in euros ("19.99") or `price_cents`.',
  ),
  importStock: importOperation(
    'stock',
    'stock',
    '/api/v1/stock',
    'Post stock counts and movements per store',
    'Each row names its store (a store’s slug, or a warehouse’s code) and a SKU by EAN. `mode: count` sets the units on hand (never below the units held by open reservations and orders); `mode: movement` adds or takes away `quantity` (a delivery, a loss). A request holding movements applies once per Idempotency-Key.',
  ),
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
