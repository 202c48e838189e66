import { CARD_NUMBER_PREFIX, cardNumberProblem, normaliseCardNumber } from '@/lib/loyalty/card-number';

/**
 * What was typed or scanned in the till's customer field. Pure (runs in the browser too), so a
 * mistyped card number is caught on the field before any request: a loyalty card is an EAN-13
 * starting with the in-house prefix, and its check digit catches a single wrong digit or two
 * swapped neighbours.
 */
export type CustomerQuery =
  | { kind: 'card'; cardNumber: string }
  | { kind: 'email'; email: string }
  | { kind: 'invalid'; reason: 'card_length'; digits: number }
  | { kind: 'invalid'; reason: 'card_prefix' | 'card_check_digit' | 'format' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseCustomerQuery(input: string): CustomerQuery {
  const text = input.trim();
  if (/^[\d\s.-]+$/.test(text)) {
    const digits = normaliseCardNumber(text);
    if (digits.length !== 13) return { kind: 'invalid', reason: 'card_length', digits: digits.length };
    if (!digits.startsWith(CARD_NUMBER_PREFIX)) return { kind: 'invalid', reason: 'card_prefix' };
    if (cardNumberProblem(digits)) return { kind: 'invalid', reason: 'card_check_digit' };
    return { kind: 'card', cardNumber: digits };
  }
  if (text.length <= 254 && EMAIL.test(text)) return { kind: 'email', email: text };
  return { kind: 'invalid', reason: 'format' };
}
