import 'server-only';
import { desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, type DeliveryStatus, type WebhookEvent } from './schema';

export type EndpointRow = {
  id: number;
  url: string;
  events: WebhookEvent[];
  createdAt: Date;
  disabledAt: Date | null;
  queued: number;
  delivered: number;
  failed: number;
};

export async function listWebhookEndpoints(): Promise<EndpointRow[]> {
  const db = await getDb();
  const count = (status: DeliveryStatus) =>
    sql<number>`(SELECT count(*)::int FROM ${webhookDeliveries} d WHERE d.endpoint_id = "webhook_endpoints"."id" AND d.status = ${status})`.mapWith(Number);
  const rows = await db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      events: webhookEndpoints.events,
      createdAt: webhookEndpoints.createdAt,
      disabledAt: webhookEndpoints.disabledAt,
      queued: count('queued'),
      delivered: count('delivered'),
      failed: count('failed'),
    })
    .from(webhookEndpoints)
    .orderBy(sql`${webhookEndpoints.disabledAt} IS NOT NULL`, desc(webhookEndpoints.id));
  return rows.map((r) => ({ ...r, events: r.events as WebhookEvent[] }));
}

export type DeliveryRow = {
  id: number;
  endpointId: number;
  url: string;
  event: WebhookEvent;
  eventId: string;
  status: DeliveryStatus;
  attempts: { attempt: number; statusCode: number | null; error: string | null; durationMs: number; at: Date }[];
  nextAt: Date;
  createdAt: Date;
  deliveredAt: Date | null;
};

export const DELIVERY_PAGE_SIZE = 50;

/**
 * The admin's delivery log, each delivery with every attempt: newest first, a page at a time by
 * keyset (`before`: the last id of the previous page), so a page stays the same while new
 * deliveries are queued; `nextBefore` is the cursor of the older page, or null on the last one.
 */
export async function listDeliveries(q: { before?: number; limit?: number } = {}): Promise<{ deliveries: DeliveryRow[]; nextBefore: number | null }> {
  const limit = q.limit ?? DELIVERY_PAGE_SIZE;
  const db = await getDb();
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      endpointId: webhookDeliveries.endpointId,
      url: webhookEndpoints.url,
      event: webhookDeliveries.event,
      eventId: sql<string>`${webhookDeliveries.payload}->>'id'`,
      status: webhookDeliveries.status,
      nextAt: webhookDeliveries.nextAt,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(q.before === undefined ? undefined : lt(webhookDeliveries.id, q.before))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  rows.length = Math.min(rows.length, limit);
  const ids = rows.map((r) => r.id);
  const attempts = ids.length
    ? await db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ids)).orderBy(webhookAttempts.deliveryId, webhookAttempts.attempt)
    : [];
  const deliveries = rows.map((r) => ({
    ...r,
    attempts: attempts
      .filter((a) => a.deliveryId === r.id)
      .map((a) => ({ attempt: a.attempt, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs, at: a.at })),
  }));
  return { deliveries, nextBefore: more ? deliveries[deliveries.length - 1]!.id : null };
}
