import path from 'node:path';

/*
 * Cart reminders and message delivery, configurable by environment:
 * - CART_REMINDER_IDLE_HOURS (default 24): a signed-in shopper's cart untouched for longer than this
 *   gets a reminder;
 * - CART_REMINDER_MAX_AGE_DAYS (default 14): carts untouched for longer than this are left alone
 *   (a reminder weeks later is noise, and turning the job on must not mail every old cart at once);
 * - MESSAGE_TRANSPORT (default 'file'): how queued messages leave — 'file' appends them, readable,
 *   to MESSAGES_OUTBOX_FILE (default .data/outbox/messages.log);
 * - MESSAGE_MAX_ATTEMPTS (default 5): a message whose transport keeps failing is marked failed;
 * - PUBLIC_SITE_URL (default AUTH_URL, else http://localhost:3000): links in messages.
 */
function envInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}

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
