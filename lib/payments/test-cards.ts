import type { CardBrand, KnownDeclineCode } from './types';

/**
 * The built-in test provider's documented cards (Stripe's test numbers, so the habits carry
 * over). Any future expiry date and any 3-digit CVC work. Any other number that passes the Luhn
 * check is declined with `card_not_supported_in_test_mode`. One list for the provider, the
 * checkout banner and the tests.
 */
export type TestCardOutcome =
  'success' | Extract<KnownDeclineCode, 'card_declined' | 'insufficient_funds' | 'expired_card' | 'incorrect_cvc'> | 'processing_error';

export type TestCard = { number: string; brand: CardBrand; outcome: TestCardOutcome };

export const TEST_CARDS: readonly TestCard[] = [
  { number: '4242424242424242', brand: 'visa', outcome: 'success' },
  { number: '5555555555554444', brand: 'mastercard', outcome: 'success' },
  { number: '4000000000000002', brand: 'visa', outcome: 'card_declined' },
  { number: '4000000000009995', brand: 'visa', outcome: 'insufficient_funds' },
  { number: '4000000000000069', brand: 'visa', outcome: 'expired_card' },
  { number: '4000000000000127', brand: 'visa', outcome: 'incorrect_cvc' },
  // The provider throws PaymentUnavailableError, as a processor outage would.
  { number: '4000000000000119', brand: 'visa', outcome: 'processing_error' },
];

/** The cards the checkout banner fills with one tap: a success and a plain decline. */
export const TEST_CARD_SUCCESS = '4242424242424242';
export const TEST_CARD_DECLINED = '4000000000000002';

export function findTestCard(digits: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.number === digits);
}
