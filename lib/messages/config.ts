import path from 'node:path';
import { siteOrigin } from '@/lib/routing/public-url';
import { envInt } from '@/lib/env-int';

/*
 * Cart reminders and message delivery, configurable by environment:
 * - CART_REMINDER_IDLE_HOURS (default 24): a signed-in shopper's cart untouched for longer than this
 *   gets a reminder;
 * - CART_REMINDER_MAX_AGE_DAYS (default 14): carts untouched for longer than this are left alone
 *   (a reminder weeks later is noise, and turning the job on must not mail every old cart at once);
 * - SMTP_URL (e.g. smtp://user:pass@mail.example:587, or smtps://… for TLS from the start): when
 *   set, messages leave through that SMTP server (lib/messages/smtp.ts);
 * - MESSAGE_TRANSPORT (default 'smtp' when SMTP_URL is set, else 'file'): how queued messages
 *   leave — 'file' appends them, readable, to MESSAGES_OUTBOX_FILE (default .data/outbox/messages.log),
 *   each HTML part beside it in html/<id>.html;
 * - MESSAGES_FROM (default "Comptoir <no-reply@…>", the site's host): the From of every message;
 * - MESSAGE_MAX_ATTEMPTS (default 5): a message whose transport keeps failing is marked failed;
 * - PUBLIC_SITE_URL (default AUTH_URL, else http://localhost:3000): links in messages.
 */
export type CartReminderRules = { idleHours: number; maxAgeDays: number; batch: number };

export function cartReminderRules(): CartReminderRules {
  return {
    idleHours: envInt('CART_REMINDER_IDLE_HOURS', 24, 1, 24 * 60),
    maxAgeDays: envInt('CART_REMINDER_MAX_AGE_DAYS', 14, 1, 365),
    batch: 200,
  };
}

export function messageMaxAttempts(): number {
  return envInt('MESSAGE_MAX_ATTEMPTS', 5, 1, 100);
}

export function outboxFilePath(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.MESSAGES_OUTBOX_FILE || path.join(process.cwd(), '.data', 'outbox', 'messages.log'));
}

/** A URL with its password (and user) hidden, for error messages and logs. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    // Not a URL: any of it may be a password.
    return '(not shown)';
  }
}

/** SMTP_URL, checked (smtp: or smtps:, a host), or null when unset. Never echoes the password. */
export function smtpUrl(): URL | null {
  const raw = process.env.SMTP_URL;
  if (raw === undefined || raw.trim() === '') return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new Error('SMTP_URL must be a URL like smtp://user:password@mail.example:587 (its value is not shown: it may hold a password)');
  }
  if ((u.protocol !== 'smtp:' && u.protocol !== 'smtps:') || !u.hostname) {
    throw new Error(`SMTP_URL must start with smtp:// or smtps:// and name a host (got "${redactUrl(raw)}")`);
  }
  return u;
}

/** The From of every message: MESSAGES_FROM, else Comptoir at the public site's host. */
export function messagesFrom(): string {
  const configured = process.env.MESSAGES_FROM?.trim();
  if (configured) {
    if (!/@[^@\s>]+>?$/.test(configured) || /[\r\n]/.test(configured)) {
      throw new Error(`MESSAGES_FROM must be an address, e.g. "Comptoir <no-reply@shop.example>" (got "${configured}")`);
    }
    return configured;
  }
  return `Comptoir <no-reply@${siteHost()}>`;
}

/** The domain of the From address: names each message's Message-ID. */
export function messageIdDomain(): string {
  return /@([^@\s>]+)>?$/.exec(messagesFrom())?.[1] ?? siteHost();
}

function siteHost(): string {
  try {
    return new URL(siteOrigin()).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}
