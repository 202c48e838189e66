import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { checkWebhookAddress } from './address';
import { webhookDeliveries, webhookEndpoints, type WebhookEvent } from './schema';

/** An address the server will not post to: one in a private network, or a name with no address. */
export class WebhookAddressError extends DomainError {
  constructor(readonly reason: 'private' | 'unresolved' | 'scheme') {
    super(`webhook_address_${reason}`, `webhook address refused: ${reason}`);
  }
}

/**
 * A new endpoint: its signing secret is in this answer only (the admin's page shows it once). An
 * address that leads into a private network, or whose name has no address, is refused
 * (WebhookAddressError): lib/webhooks/address.ts.
 */
export async function registerWebhookEndpoint(input: {
  url: string;
  events: readonly WebhookEvent[];
  createdBy: number;
}): Promise<{ id: number; secret: string }> {
  const address = await checkWebhookAddress(input.url);
  if (address !== 'public') throw new WebhookAddressError(address);
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
