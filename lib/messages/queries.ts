import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { userContacts } from '@/lib/auth/read';
import { getDb } from '@/lib/db';
import { outboundMessages, type MessageKind, type MessageStatus } from './schema';

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
  const recipient = userContacts('recipient');
  const rows = await db
    .select({
      id: outboundMessages.id,
      kind: outboundMessages.kind,
      email: outboundMessages.email,
      recipientName: recipient.name,
      subject: outboundMessages.subject,
      body: outboundMessages.body,
      status: outboundMessages.status,
      attempts: outboundMessages.attempts,
      lastError: outboundMessages.lastError,
      leftOut: sql<MessageView['leftOut'] | null>`${outboundMessages.payload} -> 'leftOut'`,
      createdAt: outboundMessages.createdAt,
      sentAt: outboundMessages.sentAt,
    })
    .from(outboundMessages)
    .leftJoin(recipient, eq(recipient.id, outboundMessages.recipientId))
    .orderBy(desc(outboundMessages.createdAt), desc(outboundMessages.id))
    .limit(Math.min(Math.max(1, limit), 500));
  return rows.map((m) => ({ ...m, leftOut: Array.isArray(m.leftOut) ? m.leftOut : [] }));
}
