import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema';

export const MESSAGE_KINDS = [
  'cart_reminder',
  'order_confirmation',
  'drive_order_ready',
  'drive_arrival',
  'reservation_ready',
  'return_pass',
  'refund_confirmation',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_STATUSES = ['queued', 'sent', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * The outbox: messages to customers are written here first (by a job, set-wise) and handed to a
 * transport afterwards (lib/messages/deliver.ts). `dedupe_key` is unique, so a job run by several
 * processes at once, or run again, queues a message once: for a cart reminder the key names the
 * cart and the moment it was last changed — one reminder per abandonment; for an order's or a
 * reservation's message, the record and the event (`order-confirmation:<order id>`).
 */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: MESSAGE_KINDS }).notNull(),
    recipientId: integer('recipient_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The address at the time of queuing: what the transport sends to. */
    email: text('email').notNull(),
    subject: text('subject').notNull(),
    /** The plain-text part (every message has one). */
    body: text('body').notNull(),
    /** The HTML part (inline styles only), sent alongside the text; null: text only. */
    html: text('html'),
    /** What the message was built from (cart, remaining and left-out items), for staff and later transports. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text('dedupe_key').notNull(),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** A delivery run's lease: another process leaves the message alone until then. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbound_messages_dedupe_key_unique').on(t.dedupeKey),
    check(
      'outbound_messages_kind',
      sql`${t.kind} in ('cart_reminder', 'order_confirmation', 'drive_order_ready', 'drive_arrival', 'reservation_ready', 'return_pass', 'refund_confirmation')`,
    ),
    check('outbound_messages_status', sql`${t.status} in ('queued', 'sent', 'failed')`),
    check('outbound_messages_sent', sql`(${t.status} = 'sent') = (${t.sentAt} is not null)`),
    check('outbound_messages_attempts', sql`${t.attempts} >= 0`),
    // Delivery reads the queue oldest first; the staff page reads the newest.
    index('outbound_messages_queued_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'queued'`),
    index('outbound_messages_created_idx').on(t.createdAt),
    index('outbound_messages_recipient_idx').on(t.recipientId),
  ],
);
