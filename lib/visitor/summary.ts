import 'server-only';
import { getSessionUser } from '@/lib/auth/guards';
import { cartRefOf } from '@/lib/cart/identity';
import { getCartCount } from '@/lib/cart/queries';
import { getMyStore } from '@/lib/stores/my-store';
import type { VisitorSummary } from './types';

/** The first word of a name ("Léa Martin" → "Léa"); '' for a blank name (the header says "Account"). */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/**
 * What the shop header shows about this visitor (GET /api/visitor): who is signed in, how many
 * units their cart holds, which store is theirs. Only what the header prints — no email, no ids
 * but the store's, which its link names anyway.
 */
export async function getVisitorSummary(): Promise<VisitorSummary> {
  // One session read for both: React's per-request cache does not hold in a route handler.
  const [user, myStore] = await Promise.all([getSessionUser(), getMyStore()]);
  const cartCount = await getCartCount(await cartRefOf(user));
  return {
    user: user && { firstName: firstNameOf(user.name), name: user.name, role: user.role },
    cartCount,
    myStore: myStore && { id: myStore.id, slug: myStore.slug, name: myStore.name, town: myStore.town },
  };
}
