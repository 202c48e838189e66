import 'server-only';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Expiry } from './catalog-expiry';

/**
 * How a background listener expires tags in its own process. Next.js 16's `revalidateTag` needs a
 * request's work store: called from a LISTEN callback it throws ("static generation store
 * missing"). Inside a request — a route handler — it does everything a tag's expiry means: each
 * `cacheHandlers` handler's `updateTags` ('use cache' entries) and the incremental cache's
 * `revalidateTag` (the route cache: prerendered pages and shells that carry the tag). So the
 * listener asks its own server, on its own port, to run it (app/api/internal/expire-tags).
 *
 * The route answers only calls that carry this process's key: made at random when the process
 * starts, held in memory, never sent anywhere but to this process itself. Anyone else gets a 404.
 */
export const EXPIRY_PATH = '/api/internal/expire-tags';
export const EXPIRY_KEY_HEADER = 'x-comptoir-expiry-key';
const CALL_TIMEOUT_MS = 5_000;

const holder = globalThis as { __comptoirExpiryKey?: string };

function expiryKey(): string {
  return (holder.__comptoirExpiryKey ??= randomBytes(32).toString('base64url'));
}

/** True only for this process's own key (compared in constant time). */
export function isOwnExpiryKey(value: string | null): boolean {
  const key = holder.__comptoirExpiryKey;
  if (!key || !value) return false;
  const a = Buffer.from(value);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** This server's own address, as `next start` (or `next dev`) recorded it once listening. */
function ownOrigin(): string {
  return process.env.__NEXT_PRIVATE_ORIGIN || `http://localhost:${process.env.PORT || 3000}`;
}

export async function expireThroughOwnServer(expiry: Expiry): Promise<void> {
  const res = await fetch(`${ownOrigin()}${EXPIRY_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [EXPIRY_KEY_HEADER]: expiryKey() },
    body: JSON.stringify(expiry),
    cache: 'no-store',
    signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
  });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`${EXPIRY_PATH} answered ${res.status}`);
}
