import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * How a delivery is signed (as Stripe's): `Comptoir-Signature: t=<unix seconds>,v1=<hex>`, where
 * v1 = HMAC-SHA256(endpoint secret, "<t>.<raw body>"). The timestamp inside the signed text lets a
 * receiver refuse a replay of an old delivery; docs/api.md shows the check in a few lines.
 */
export const SIGNATURE_HEADER = 'Comptoir-Signature';

export function signWebhook(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** A receiver's check: the signature matches this body and secret, and was made within `toleranceSeconds`. */
export function verifyWebhookSignature(secret: string, header: string | null, body: string, opts: { now?: Date; toleranceSeconds?: number } = {}): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isSafeInteger(t) || !/^[0-9a-f]{64}$/.test(given)) return false;
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
