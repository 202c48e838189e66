import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import type { MessageKind, MessageStatus } from './schema';

export type MessageView = {
  id: number;
  kind: MessageKind;
  email: string;
  recipientName: string | null;
  subject: string;
  body: string;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  leftOut: { nameFr: string; nameEn: string; boughtIn: 'store' | 'online' }[];
  createdAt: Date;
  sentAt: Date | null;
};

/** The newest outbound messages, for the staff page (admins only: the caller checks). */
export async function listRecentMessages(limit = 100): Promise<MessageView[]> {
  const db = await getDb();
  const r = await db.execute<{
    id: number;
    kind: MessageKind;
    email: string;
    recipient_name: string | null;
    subject: string;
    body: string;
    status: MessageStatus;
    attempts: number;
    last_error: string | null;
    left_out: MessageView['leftOut'] | null;
    created_at: string | Date;
    sent_at: string | Date | null;
  }>(sql`
    SELECT m.id, m.kind, m.email, u.name AS recipient_name, m.subject, m.body, m.status, m.attempts, m.last_error,
           m.payload -> 'leftOut' AS left_out, m.created_at, m.sent_at
    FROM outbound_messages m LEFT JOIN users u ON u.id = m.recipient_id
    ORDER BY m.created_at DESC, m.id DESC
    LIMIT ${Math.min(Math.max(1, limit), 500)}`);
  return r.rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    email: m.email,
    recipientName: m.recipient_name,
    subject: m.subject,
    body: m.body,
    status: m.status,
    attempts: m.attempts,
    lastError: m.last_error,
    leftOut: Array.isArray(m.left_out) ? m.left_out : [],
    createdAt: new Date(m.created_at),
    sentAt: m.sent_at === null ? null : new Date(m.sent_at),
  }));
}
