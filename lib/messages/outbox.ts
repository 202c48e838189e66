import 'server-only';
import type { Db } from '@/lib/db';
import { outboundMessages, type MessageKind } from './schema';

export type NewMessage = {
  kind: MessageKind;
  recipientId: number | null;
  email: string;
  subject: string;
  /** The text part. */
  body: string;
  html: string | null;
  payload?: Record<string, unknown>;
  /** Unique in the outbox: the same key queues nothing a second time. */
  dedupeKey: string;
};

/**
 * Queues one message in the caller's transaction, so it exists exactly when what it tells about
 * was committed (an order placed, a reservation ready): a rollback takes it away, a retry of the
 * same request (same dedupe key) adds nothing. Returns whether it was queued by this call.
 * Delivery happens later, outside the transaction (lib/messages/deliver.ts).
 */
export async function queueMessage(tx: Db, m: NewMessage): Promise<boolean> {
  const inserted = await tx
    .insert(outboundMessages)
    .values({
      kind: m.kind,
      recipientId: m.recipientId,
      email: m.email,
      subject: m.subject,
      body: m.body,
      html: m.html,
      payload: m.payload ?? {},
      dedupeKey: m.dedupeKey,
    })
    .onConflictDoNothing({ target: outboundMessages.dedupeKey })
    .returning({ id: outboundMessages.id });
  return inserted.length > 0;
}
