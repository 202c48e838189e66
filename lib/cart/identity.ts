import 'server-only';
import { cookies, headers } from 'next/headers';
import { getSessionUser, type SessionUser } from '@/lib/auth/guards';
import { createAnonymousCart, getOrCreateCustomerCart, mergeCarts, type MergeResult } from './commands';
import { ANONYMOUS_CART_DAYS } from './config';
import { findCartId } from './queries';
import type { CartRef } from './types';

/*
 * Whose cart is this request about? A signed-in shopper's own cart, else the anonymous cart named
 * by the httpOnly cookie. Server actions resolve the cart here, never from a form field: a cart id
 * or token in the request body would let anyone write to anyone's cart.
 */

export const CART_COOKIE = 'cart';
const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

async function cookieOptions() {
  // Secure in production, unless this request plainly came over http (a local `next start`).
  const proto = (await headers()).get('x-forwarded-proto')?.split(',')[0]?.trim();
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: process.env.NODE_ENV === 'production' && proto !== 'http',
    path: '/',
    maxAge: ANONYMOUS_CART_DAYS * 24 * 60 * 60,
  };
}

export async function readCartToken(): Promise<string | null> {
  const raw = (await cookies()).get(CART_COOKIE)?.value;
  return raw && TOKEN.test(raw) ? raw : null;
}

/** For pages: this visitor's cart reference, or null (an anonymous visitor who never added anything). */
export async function currentCartRef(): Promise<CartRef | null> {
  return cartRefOf(await getSessionUser());
}

/** The cart of `user` (the session already read), else the anonymous cart named by the cookie. */
export async function cartRefOf(user: SessionUser | null): Promise<CartRef | null> {
  if (user) return { customerId: user.id };
  const token = await readCartToken();
  return token ? { token } : null;
}

/**
 * For server actions that add: this visitor's cart id, created on first use (and the cookie set,
 * or renewed for another 60 days). A signed-in shopper still holding an anonymous cart's cookie
 * (signed in elsewhere than the sign-in form) has it merged first.
 */
export async function cartIdForWrite(): Promise<number> {
  const user = await getSessionUser();
  if (user) {
    await mergeAnonymousCartInto(user.id);
    return getOrCreateCustomerCart(user.id);
  }
  const jar = await cookies();
  const token = await readCartToken();
  const existing = token ? await findCartId({ token }) : null;
  if (existing !== null && token) {
    jar.set(CART_COOKIE, token, await cookieOptions());
    return existing;
  }
  const created = await createAnonymousCart();
  jar.set(CART_COOKIE, created.token, await cookieOptions());
  return created.id;
}

/** For server actions that change or remove: the visitor's existing cart, or null (nothing to change). */
export async function existingCartId(): Promise<number | null> {
  const ref = await currentCartRef();
  return ref ? findCartId(ref) : null;
}

/**
 * At sign-in (and sign-up): the anonymous cart's lines join the shopper's cart and the cookie is
 * dropped. Call it once the credentials are accepted and before any redirect.
 */
export async function mergeAnonymousCartInto(customerId: number): Promise<MergeResult> {
  const token = await readCartToken();
  if (!token) return { merged: 0, dropped: 0 };
  const result = await mergeCarts(token, customerId);
  (await cookies()).delete(CART_COOKIE);
  return result;
}

/**
 * The sign-in and sign-up actions' hook. A cart that fails to merge must not stop a shopper from
 * signing in: the anonymous cart then stays (cookie kept) and is merged at their next cart action.
 */
export async function mergeCartAtSignIn(customerId: number): Promise<void> {
  try {
    await mergeAnonymousCartInto(customerId);
  } catch (err) {
    console.error('[cart] merge at sign-in failed', err);
  }
}
