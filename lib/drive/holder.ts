/**
 * Who holds a slot while checking out: a signed-in shopper, or a visitor known by their cart
 * cookie's token. Stored as text ('c:42', 't:<token>') so both share one "one hold per holder" index.
 */
export type SlotHolder = { customerId: number } | { cartToken: string };

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export function holderKey(holder: SlotHolder): string {
  if ('customerId' in holder) {
    if (!Number.isSafeInteger(holder.customerId) || holder.customerId <= 0) throw new Error('holder: customerId must be a positive integer');
    return `c:${holder.customerId}`;
  }
  if (!TOKEN.test(holder.cartToken)) throw new Error('holder: cartToken must be 16 to 128 URL-safe characters');
  return `t:${holder.cartToken}`;
}
