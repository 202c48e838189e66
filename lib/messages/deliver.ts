import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { messageMaxAttempts } from './config';
import { outboundMessages } from './schema';
import { PermanentDeliveryError } from './errors';
import { messageTransport, type MessageTransport, type OutgoingMessage } from './transport';

const LEASE_MINUTES = 5;

/*
 * Delivery. A run takes a batch of queued messages under a lease (FOR UPDATE SKIP LOCKED, then
 * `locked_until`), so processes running it together take different messages and no transaction
 * stays open while the transport works. A message is marked sent only after the transport took
 * it; a process that dies in between leaves the lease to lapse and the message is sent again later
 * (at least once — a transport that can, passes the message id on as its own idempotency key).
 * A failure counts an attempt and backs off (attempts² minutes); after MESSAGE_MAX_ATTEMPTS the
 * message is marked failed — at once when the transport says the refusal is permanent (an SMTP 5xx).
 */
export async function deliverQueuedMessages(opts: { transport?: MessageTransport; limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  const transport = opts.transport ?? messageTransport();
  try {
    return await deliverBatch(transport, opts.limit ?? 50);
  } finally {
    // A transport made for this run is closed with it (a given one belongs to the caller).
    if (!opts.transport) transport.close?.();
  }
}

async function deliverBatch(transport: MessageTransport, limit: number): Promise<{ sent: number; failed: number }> {
  const db = await getDb();
  // Raw SQL: takes a batch under a lease, the rows locked FOR UPDATE SKIP LOCKED in the same statement.
  const claimed = await db.execute<{
    id: number;
    kind: string;
    email: string;
    subject: string;
    body: string;
    html: string | null;
    created_at: string | Date;
    attempts: number;
  }>(sql`
    UPDATE outbound_messages m SET attempts = m.attempts + 1, locked_until = now() + make_interval(mins => ${LEASE_MINUTES})
    WHERE m.id IN (
      SELECT id FROM outbound_messages
      WHERE status = 'queued' AND (locked_until IS NULL OR locked_until < now())
      ORDER BY created_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING m.id, m.kind, m.email, m.subject, m.body, m.html, m.created_at, m.attempts`);
  let sent = 0;
  let failed = 0;
  const maxAttempts = messageMaxAttempts();
  for (const row of claimed.rows.sort((a, b) => a.id - b.id)) {
    const message: OutgoingMessage = {
      id: row.id,
      kind: row.kind,
      email: row.email,
      subject: row.subject,
      body: row.body,
      html: row.html,
      createdAt: new Date(row.created_at),
    };
    try {
      await transport.send(message);
      await db
        .update(outboundMessages)
        .set({ status: 'sent', sentAt: sql`now()`, lockedUntil: null, lastError: null })
        .where(and(eq(outboundMessages.id, row.id), eq(outboundMessages.status, 'queued')));
      sent++;
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const permanent = err instanceof PermanentDeliveryError;
      // Raw SQL: the status and the backoff are decided in the UPDATE, from the attempts made.
      await db.execute(sql`
        UPDATE outbound_messages
        SET status = CASE WHEN ${permanent}::boolean OR attempts >= ${maxAttempts} THEN 'failed' ELSE 'queued' END,
            locked_until = now() + make_interval(mins => attempts * attempts), last_error = ${reason}
        WHERE id = ${row.id} AND status = 'queued'`);
      failed++;
    }
  }
  return { sent, failed };
}
