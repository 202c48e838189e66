import { connection } from 'next/server';
import { AccountLink } from '@/components/account/account-link';
import { CartLink } from '@/components/cart/cart-link';
import { MyStoreBadge } from '@/components/stores/my-store-badge';

/** My store, account and cart: per-visitor parts of the header, streamed after the shared shell. */
export async function HeaderSlots() {
  // Per request only: the session check (crypto, clock) must never run while a shell is prerendered.
  await connection();
  return (
    <>
      <MyStoreBadge />
      <AccountLink />
      <CartLink />
    </>
  );
}
