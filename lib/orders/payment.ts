import 'server-only';
import { createHash } from 'node:crypto';
import { getPaymentProvider, getPaymentProviderById } from '@/lib/payments';
import type { PaymentMethodInput } from '@/lib/payments/types';
import { PaymentDeclinedError } from './errors';
import type { OrderMode } from './schema';

/*
 * An order's payment before and after it exists: authorised before the order's transaction (a
 * card for home delivery, a promise to pay for the drive), voided when that transaction rolls
 * back or the order is cancelled. Captured when the parcel leaves: lib/orders/captures.ts.
 */

/**
 * `byCard`: money held on a card (captured later), rather than a promise to pay at pickup (or
 * nothing asked of anyone: the wallet paid it all). `reference` is null only then.
 */
export type OrderAuthorisation = { providerId: string; reference: string | null; last4: string | null; byCard: boolean };

/** An order the wallet pays in full (lib/wallet): no provider is asked, nothing is held or captured. */
export const WALLET_ONLY: OrderAuthorisation = { providerId: 'wallet', reference: null, last4: null, byCard: false };

/**
 * Holds `amountCents` for a checkout: on the shopper's card for home delivery (`card`), and for a
 * drive order paid online; otherwise a drive order pays at pickup. A decline is
 * PaymentDeclinedError, with nothing held.
 */
export async function authoriseOrderPayment(input: {
  mode: OrderMode;
  card: PaymentMethodInput | undefined;
  amountCents: number;
  checkoutKey: string;
  customerId: number;
}): Promise<OrderAuthorisation> {
  const byCard = input.mode === 'delivery' || input.card !== undefined;
  const provider = getPaymentProvider(byCard ? 'card' : 'at_pickup');
  const method: PaymentMethodInput = byCard ? input.card! : { kind: 'at_pickup' };
  const auth = await provider.authorize({
    amountCents: input.amountCents,
    currency: 'EUR',
    method,
    idempotencyKey: paymentKey(input.checkoutKey, method, input.amountCents),
    description: 'Comptoir order',
    customerRef: String(input.customerId),
  });
  if (auth.status === 'declined') throw new PaymentDeclinedError(auth.code, auth.message);
  return { providerId: provider.id, reference: auth.reference, last4: auth.last4 ?? null, byCard };
}

/**
 * The payment attempt's idempotency key: the checkout's key, the card and the amount. A
 * resubmitted form replays its first answer; another card after a decline (or a new total after
 * a price change) is a new attempt rather than a conflict with the declined one.
 */
function paymentKey(checkoutKey: string, method: PaymentMethodInput, amountCents: number): string {
  const card = method.kind === 'card' ? `${method.number}:${method.expMonth}/${method.expYear}:${method.cvc}` : method.kind === 'token' ? method.token : '';
  return `${checkoutKey}:${createHash('sha256').update(`${card}|${amountCents}`).digest('hex').slice(0, 16)}`;
}

/**
 * Lets an authorisation go: it must not stay on the shopper's card. A provider that cannot answer
 * is logged, not thrown: the refusal or cancellation the caller is answering stands.
 */
export async function voidAuthorisation(providerId: string, reference: string, what: string): Promise<void> {
  try {
    await getPaymentProviderById(providerId).void(reference);
  } catch (err) {
    console.error(`orders: could not void ${what}`, reference, err);
  }
}
