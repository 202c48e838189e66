import { envInt } from '@/lib/env-int';

/*
 * Delivery settings (docs/deploying.md):
 * - WEBHOOK_BACKOFF_BASE_MS (default 30 000): the wait after the first failure, doubled after each
 *   (30 s, 1 min, 2 min… at most 6 h); tests set a few milliseconds;
 * - WEBHOOK_MAX_ATTEMPTS (default 8): then the delivery is marked failed (about 1 h of tries);
 * - WEBHOOK_TIMEOUT_MS (default 10 000): a receiver that has not answered by then counts as a failure.
 */
export const webhookBackoffBaseMs = () => envInt('WEBHOOK_BACKOFF_BASE_MS', 30_000, 1, 3_600_000);
export const webhookMaxAttempts = () => envInt('WEBHOOK_MAX_ATTEMPTS', 8, 1, 50);
export const webhookTimeoutMs = () => envInt('WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000);
export const MAX_BACKOFF_MS = 6 * 3600_000;

/** An attempt's reason when the address led into a private network (lib/webhooks/address.ts): the delivery log translates it. */
export const PRIVATE_ADDRESS_ERROR = 'private_address';
