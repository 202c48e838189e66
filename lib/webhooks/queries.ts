import 'server-only';
import { desc, eq, inArray, sql } from 'drizzle-orm';
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

/** The latest deliveries, each with every attempt: the admin's delivery log. */
export async function listRecentDeliveries(limit = 50): Promise<DeliveryRow[]> {
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
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
  const ids = rows.map((r) => r.id);
  const attempts = ids.length
    ? await db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ids)).orderBy(webhookAttempts.deliveryId, webhookAttempts.attempt)
    : [];
  return rows.map((r) => ({
    ...r,
    attempts: attempts
      .filter((a) => a.deliveryId === r.id)
      .map((a) => ({ attempt: a.attempt, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs, at: a.at })),
  }));
}
