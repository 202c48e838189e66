import { z } from 'zod';

/*
 * What each webhook event posts: the envelope the database trigger writes (migration 0033,
 * comptoir_queue_webhook) — a stable id per event, its type, when, and the record's key facts.
 * Fetch the rest from the feeds (GET /api/v1/orders, /returns).
 */
const envelope = <T extends z.ZodType>(type: string, data: T) =>
  z.object({
    id: z.string().meta({ description: 'Stable per event (`order.placed:42`): a repeat delivery has the same id.' }),
    type: z.literal(type),
    created_at: z.string(),
    data,
  });

export const webhookEventSchemas = {
  'order.placed': envelope(
    'order.placed',
    z.object({
      order: z.object({
        id: z.int(),
        number: z.string(),
        mode: z.enum(['delivery', 'drive']),
        status: z.string(),
        location_id: z.int(),
        placed_at_store_id: z.int().nullable(),
        total_cents: z.int(),
        placed_at: z.string(),
      }),
    }),
  ),
  'reservation.placed': envelope(
    'reservation.placed',
    z.object({
      reservation: z.object({ id: z.int(), code: z.string(), store_id: z.int(), status: z.string(), created_at: z.string(), expires_at: z.string() }),
    }),
  ),
  'return.checked_in': envelope(
    'return.checked_in',
    z.object({
      return: z.object({
        id: z.int(),
        code: z.string(),
        order_id: z.int(),
        store_id: z.int(),
        status: z.string(),
        refund_cents: z.int(),
        received_at: z.string(),
      }),
    }),
  ),
} as const;
