import { envInt } from '@/lib/env-int';

/*
 * Gift card settings, read and bounded here (a wrong value is refused, naming the variable):
 *   GIFT_CARD_VALIDITY_DAYS   how long a card can be spent after it is sold (default 365, 30..1825)
 *   GIFT_CARD_MIN_CENTS       the smallest card sold (default 1000: 10 €)
 *   GIFT_CARD_MAX_CENTS       the largest card sold (default 50000: 500 €; anonymous prepaid
 *                             cards above 150 € a year raise anti-money-laundering duties)
 */

export type GiftCardConfig = { validityDays: number; minCents: number; maxCents: number };

export function giftCardConfig(): GiftCardConfig {
  const minCents = envInt('GIFT_CARD_MIN_CENTS', 1000, 100, 100_000);
  const maxCents = envInt('GIFT_CARD_MAX_CENTS', 50_000, 100, 1_000_000);
  if (maxCents < minCents) throw new Error('GIFT_CARD_MAX_CENTS must be at least GIFT_CARD_MIN_CENTS');
  return { validityDays: envInt('GIFT_CARD_VALIDITY_DAYS', 365, 30, 1825), minCents, maxCents };
}
