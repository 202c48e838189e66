function int(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isSafeInteger(n) && n >= 0 ? n : fallback;
}

/**
 * Home delivery price: free from ORDER_FREE_DELIVERY_CENTS (50 €), else ORDER_DELIVERY_CENTS
 * (4.90 €). Drive pickup is free.
 */
export function deliveryFeeCents(subtotalCents: number): number {
  return subtotalCents >= freeDeliveryFromCents() ? 0 : int('ORDER_DELIVERY_CENTS', 490);
}

/** The subtotal from which home delivery is free (what checkout tells the shopper). */
export function freeDeliveryFromCents(): number {
  return int('ORDER_FREE_DELIVERY_CENTS', 5_000);
}

/** How long before the slot starts a shopper may tap "I'm here" (minutes). */
export const ARRIVAL_OPENS_MINUTES_BEFORE = 60;
