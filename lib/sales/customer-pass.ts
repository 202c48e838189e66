import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { resolveAuthSecret } from '@/lib/auth/config';

/*
 * Who the customer at the till is, as the server found them. The till screen holds this sealed
 * pass, never a bare customer id: the sale and "order elsewhere" actions open it and act for that
 * customer only. It records how the customer was identified, because only a presented card lets
 * staff spend the customer's points — anyone can type an email address, so a customer found by
 * email earns points on the sale but redeems none. A pass is bound to the staff member and the
 * shop that looked the customer up, and lapses after two hours (one shift at the counter).
 */
export type IdentifiedBy = 'card' | 'email';
export type TillCustomerPass = { customerId: number; identifiedBy: IdentifiedBy };

const LIFETIME_MS = 2 * 60 * 60 * 1000;

function secret(): string {
  const s = resolveAuthSecret();
  if (!s) throw new Error('AUTH_SECRET is not set: the till cannot seal customer passes.');
  return `till-customer-pass:${s}`;
}

function sign(payload: string): string {
  return createHmac('sha256', secret()).update(payload).digest('base64url');
}

export function sealCustomerPass(pass: TillCustomerPass, scope: { storeId: number; staffId: number }, now: Date = new Date()): string {
  const body = [pass.customerId, pass.identifiedBy, scope.storeId, scope.staffId, now.getTime() + LIFETIME_MS].join('.');
  const payload = Buffer.from(body, 'utf8').toString('base64url');
  return `${payload}.${sign(payload)}`;
}

/** The pass's customer, or null when it is forged, altered, another till's, or lapsed. */
export function openCustomerPass(token: unknown, scope: { storeId: number; staffId: number }, now: Date = new Date()): TillCustomerPass | null {
  if (typeof token !== 'string' || token.length > 300) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const parts = Buffer.from(payload, 'base64url').toString('utf8').split('.');
  if (parts.length !== 5) return null;
  const [customerId, identifiedBy, storeId, staffId, expires] = parts.map((p, i) => (i === 1 ? p : Number(p))) as [number, string, number, number, number];
  if (identifiedBy !== 'card' && identifiedBy !== 'email') return null;
  if (storeId !== scope.storeId || staffId !== scope.staffId) return null;
  if (!Number.isSafeInteger(customerId) || customerId <= 0 || !(expires > now.getTime())) return null;
  return { customerId, identifiedBy };
}

/**
 * The customer a pass names even after it lapsed (still unaltered, still this till's): only to find
 * what an earlier request made for them with its key, never to start anything new.
 */
export function customerOfPass(token: unknown, scope: { storeId: number; staffId: number }): number | null {
  return openCustomerPass(token, scope, new Date(0))?.customerId ?? null;
}
