import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { webhookDeliveries, webhookEndpoints, type WebhookEvent } from './schema';

/** A new endpoint: its signing secret is in this answer only (the admin's page shows it once). */
export async function registerWebhookEndpoint(input: {
  url: string;
  events: readonly WebhookEvent[];
  createdBy: number;
}): Promise<{ id: number; secret: string }> {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const db = await getDb();
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ url: input.url, events: [...new Set(input.events)], secret, createdBy: input.createdBy })
    .returning({ id: webhookEndpoints.id });
  return { id: row!.id, secret };
}

/** No new deliveries for it from now on (those queued are still tried); disabling twice changes nothing. */
export async function disableWebhookEndpoint(id: number): Promise<boolean> {
  const db = await getDb();
  const done = await db
    .update(webhookEndpoints)
    .set({ disabledAt: sql`now()` })
    .where(and(eq(webhookEndpoints.id, id), isNull(webhookEndpoints.disabledAt)))
    .returning({ id: webhookEndpoints.id });
  return done.length > 0;
}

/**
 * A delivery given up, tried once more now (after the receiver's outage was fixed): queued again
 * with its attempts kept, so this is one more attempt — a new failure gives it up again. Only a
 * failed delivery moves; anything else answers false.
 */
export async function retryWebhookDelivery(id: number): Promise<boolean> {
  const db = await getDb();
  const done = await db
    .update(webhookDeliveries)
    .set({ status: 'queued', nextAt: sql`now()`, lockedUntil: null })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'failed')))
    .returning({ id: webhookDeliveries.id });
  return done.length > 0;
}
