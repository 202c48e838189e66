import 'server-only';
import { transaction } from '@/lib/db';
import { getPaymentProvider, getPaymentProviderById } from '@/lib/payments';
import type { CardMethodInput } from '@/lib/payments/types';
import { issueGiftCard, type IssuedGiftCard } from '@/lib/wallet/commands';
import { giftCardConfig } from '@/lib/wallet/config';
import { GiftCardAmountError } from '@/lib/wallet/errors';
import { findGiftCardByKey } from '@/lib/wallet/queries';
import { PaymentDeclinedError } from './errors';
import { voidAuthorisation } from './payment';

/*
 * A gift card bought online: a product-like purchase that is delivered at once — its code, in the
 * buyer's wallet (lib/wallet). The card is authorised, the gift card issued in one transaction
 * keyed by the purchase, then the payment captured (the goods are handed over: the code). A
 * retried purchase (same key) answers with the first card, never a second charge or card.
 */
export async function buyGiftCardOnline(input: {
  customerId: number;
  amountCents: number;
  card: CardMethodInput;
  idempotencyKey: string;
}): Promise<IssuedGiftCard> {
  const key = `web:${input.customerId}:${input.idempotencyKey}`;
  const first = await findGiftCardByKey(key);
  if (first) return first;
  const { minCents, maxCents } = giftCardConfig();
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents < minCents || input.amountCents > maxCents)
    throw new GiftCardAmountError(minCents, maxCents);
  const provider = getPaymentProvider('card');
  const auth = await provider.authorize({
    amountCents: input.amountCents,
    currency: 'EUR',
    method: input.card,
    idempotencyKey: `gift-card:${key}:${input.amountCents}`,
    description: 'Comptoir gift card',
    customerRef: String(input.customerId),
  });
  if (auth.status === 'declined') throw new PaymentDeclinedError(auth.code, auth.message);
  let card: IssuedGiftCard;
  try {
    card = await transaction((tx) =>
      issueGiftCard(tx, { amountCents: input.amountCents, key, customerId: input.customerId, paymentReference: auth.reference }),
    );
  } catch (err) {
    await voidAuthorisation(provider.id, auth.reference, 'a gift card authorisation');
    throw err;
  }
  // Taken now: the code is delivered with this answer. A failed capture is logged; the card stands (the provider's key makes a retry the same capture).
  try {
    await getPaymentProviderById(provider.id).capture(auth.reference, input.amountCents, `gift-card:${key}:capture`);
  } catch (err) {
    console.error('orders: could not capture a gift card payment', auth.reference, err);
  }
  return card;
}
