import 'server-only';
import { ensureDriveSlots, sweepDriveHolds } from '@/lib/drive/commands';
import { purgeAnonymousCarts } from '@/lib/cart/commands';
import { trimSignInAttempts } from '@/lib/auth/throttle';
import { trimSessions } from '@/lib/auth/sessions';
import { trimStockOutbox } from '@/lib/inventory/outbox';
import { expireDuePoints } from '@/lib/loyalty/commands';
import { queueCartReminders } from '@/lib/messages/cart-reminders';
import { deliverQueuedMessages } from '@/lib/messages/deliver';
import { retryDueCaptures } from '@/lib/orders/captures';
import { trimIdempotencyKeys } from '@/lib/api/idempotency';
import { deliverDueWebhooks } from '@/lib/webhooks/deliver';
import { expireDueReservations } from '@/lib/reservations/commands';
import { applyDuePriceChanges } from '@/lib/catalog/scheduled-prices';
import { claimJobRun } from './claim';
import { startJobs, type Job } from './schedule';

function seconds(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n * 1000 : fallback * 1000;
}

/** Drains every due reservation, a batch at a time, so a backlog clears in one tick. */
async function expireReservations(): Promise<number> {
  let total = 0;
  for (;;) {
    const { expired } = await expireDueReservations({ limit: 200 });
    total += expired;
    if (expired < 200) return total;
  }
}

/** Marks lapsed drive holds (they stopped counting when they expired; this tidies them). */
async function sweepHolds(): Promise<number> {
  let total = 0;
  for (;;) {
    const { lapsed } = await sweepDriveHolds({ limit: 500 });
    total += lapsed;
    if (lapsed < 500) return total;
  }
}

/** Anonymous carts nobody can find again (their cookie has lapsed), a batch at a time. */
async function purgeCarts(): Promise<number> {
  let total = 0;
  for (;;) {
    const { purged } = await purgeAnonymousCarts({ limit: 500 });
    total += purged;
    if (purged < 500) return total;
  }
}

/** Loyalty points past their 12 months, a batch of lots at a time (several processes may sweep at once). */
async function expirePoints(): Promise<number> {
  let total = 0;
  for (;;) {
    const { expired } = await expireDuePoints({ limit: 500 });
    total += expired;
    if (expired < 500) return total;
  }
}

/** Hands queued messages to the transport, a batch at a time, until the queue is drained. */
async function deliverMessages(): Promise<number> {
  let total = 0;
  for (;;) {
    const { sent, failed } = await deliverQueuedMessages({ limit: 50 });
    total += sent;
    if (sent + failed < 50) return total;
  }
}

/** Card captures that failed after shipping, due for another try, a batch at a time. */
async function retryCaptures(): Promise<number> {
  let total = 0;
  for (;;) {
    const { captured, failed } = await retryDueCaptures({ limit: 50 });
    total += captured;
    if (captured + failed < 50) return total;
  }
}

/** Webhook deliveries due now (new, or their backoff over), a batch at a time, until none is due. */
async function deliverWebhooks(): Promise<number> {
  let total = 0;
  for (;;) {
    const { delivered, failed } = await deliverDueWebhooks({ limit: 20 });
    total += delivered;
    if (delivered + failed < 20) return total;
  }
}

/** Scheduled prices whose moment has come, a batch at a time (every process may run it: each change is claimed once). */
async function applyPrices(): Promise<number> {
  let total = 0;
  for (;;) {
    const { applied } = await applyDuePriceChanges({ limit: 100 });
    total += applied;
    if (applied < 100) return total;
  }
}

export const serverJobs: Job[] = [
  // A price scheduled in the back office shows within this many seconds of its moment.
  { name: 'scheduled-prices', everyMs: seconds('SCHEDULED_PRICE_SECONDS', 30), run: applyPrices },
  { name: 'expire-reservations', everyMs: seconds('RESERVATION_SWEEP_SECONDS', 30), run: expireReservations },
  { name: 'trim-stock-changes', everyMs: 60_000, run: trimStockOutbox },
  // The week ahead of drive slots, from the plans: a new day appears after midnight (idempotent).
  { name: 'drive-slots', everyMs: seconds('DRIVE_SLOTS_SECONDS', 15 * 60), run: () => ensureDriveSlots() },
  { name: 'drive-holds', everyMs: seconds('DRIVE_HOLD_SWEEP_SECONDS', 60), run: sweepHolds },
  { name: 'purge-anonymous-carts', everyMs: seconds('CART_SWEEP_SECONDS', 3600), run: purgeCarts },
  // One reminder per abandoned cart (the outbox's dedupe key), whichever process gets there first.
  { name: 'cart-reminders', everyMs: seconds('CART_REMINDER_SECONDS', 15 * 60), run: queueCartReminders },
  { name: 'deliver-messages', everyMs: seconds('MESSAGE_DELIVERY_SECONDS', 30), run: deliverMessages },
  // Sign-in failures older than the throttle's window count for nothing.
  { name: 'trim-sign-in-attempts', everyMs: 15 * 60_000, run: trimSignInAttempts },
  // Sessions ended a day ago, or past the cookie's 30 days, are no longer asked about.
  { name: 'trim-sessions', everyMs: 60 * 60_000, run: trimSessions },
  // Lapsed points stop counting at once (the card and every spend leave them out); this writes them down.
  // Shipped orders whose card payment is still only authorised: captured, with backoff per order.
  { name: 'retry-captures', everyMs: seconds('CAPTURE_RETRY_SECONDS', 60), run: retryCaptures },
  // Webhooks out (lib/webhooks): each delivery claimed by one process at a time, retried with backoff.
  { name: 'deliver-webhooks', everyMs: seconds('WEBHOOK_DELIVERY_SECONDS', 10), run: deliverWebhooks },
  // API Idempotency-Keys are answered for a day, then forgotten.
  { name: 'trim-api-idempotency', everyMs: 60 * 60_000, run: trimIdempotencyKeys },
  { name: 'expire-points', everyMs: seconds('LOYALTY_EXPIRY_SWEEP_SECONDS', 6 * 3600), run: expirePoints },
  // Stored pictures no product shows any more, a day after they were last written (lib/catalog/unused-pictures.ts).
  // Imported when it runs: the storage's S3 client is not loaded by a server that never needs it otherwise.
  // Its first run waits 10–20 minutes: it lists every stored picture, work a start (a deploy, a
  // restart) should not pay each time. Once a period for the whole fleet, whichever server's turn it
  // is (the store of pictures is shared: lib/jobs/claim.ts).
  {
    name: 'remove-unused-pictures',
    everyMs: seconds('PICTURE_SWEEP_SECONDS', 24 * 3600),
    firstAfterMs: Math.min(seconds('PICTURE_SWEEP_SECONDS', 24 * 3600), (10 + Math.random() * 10) * 60_000),
    oncePerFleet: true,
    run: async () => (await import('@/lib/catalog/unused-pictures')).removeUnusedPictures(),
  },
];

type Holder = { started?: boolean };
const holder = ((globalThis as { __comptoirJobs?: Holder }).__comptoirJobs ??= {});

/** Called once per server process (instrumentation.ts); a dev reload does not start a second set. */
export function startServerJobs(): void {
  if (holder.started || process.env.COMPTOIR_JOBS === 'off') return;
  holder.started = true;
  startJobs(serverJobs, console, claimJobRun);
}
