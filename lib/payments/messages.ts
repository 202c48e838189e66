import type { payments } from '@/lib/i18n/dict/payments';
import { PaymentUnavailableError } from './errors';
import type { DeclineCode, KnownDeclineCode } from './types';

/*
 * Shopper-facing payment messages, in the visitor's language. The texts live in the `payments`
 * dictionary area (lib/i18n/dict/payments.ts); this file maps provider codes onto its keys. No
 * 'server-only': a client component may use it too.
 */

export type PaymentTextKey = keyof (typeof payments)['fr'];
export type PaymentTexts = Record<PaymentTextKey, string>;

/** `decline_<code>` for the codes we know, else the generic refusal (codes from a real provider vary). */
export function declineMessageKey(code: DeclineCode): PaymentTextKey {
  return Object.hasOwn(DECLINE_KEYS, code) ? DECLINE_KEYS[code as KnownDeclineCode] : 'decline_generic';
}

/** "Payment declined: the card has insufficient funds. Try another card." */
export function declineMessage(code: DeclineCode, texts: PaymentTexts): string {
  return texts[declineMessageKey(code)];
}

/** The form's message after a decline: the reason, then that nothing happened. */
export function declinedCheckoutMessage(code: DeclineCode, texts: PaymentTexts): string {
  return `${declineMessage(code, texts)} ${texts.nothingCharged}`;
}

/** For a caught error: the outage message, or undefined when the error is not the shopper's to read. */
export function paymentErrorMessage(err: unknown, texts: PaymentTexts): string | undefined {
  return err instanceof PaymentUnavailableError ? texts.unavailable : undefined;
}

// A decline code added to KnownDeclineCode without its text is a compile error here.
const DECLINE_KEYS: { [C in KnownDeclineCode]: `decline_${C}` & PaymentTextKey } = {
  card_declined: 'decline_card_declined',
  insufficient_funds: 'decline_insufficient_funds',
  expired_card: 'decline_expired_card',
  incorrect_cvc: 'decline_incorrect_cvc',
  incorrect_number: 'decline_incorrect_number',
  invalid_expiry: 'decline_invalid_expiry',
  invalid_cvc: 'decline_invalid_cvc',
  card_not_supported_in_test_mode: 'decline_card_not_supported_in_test_mode',
};
