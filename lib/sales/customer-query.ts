import { ean13CheckDigit } from '@/lib/db/seed/ean';

/**
 * What was typed or scanned in the till's customer field. Pure (runs in the browser too), so a
 * mistyped card number is caught on the field before any request: a loyalty card is an EAN-13,
 * and its check digit catches a single wrong digit or two swapped neighbours.
 */
export type CustomerQuery =
  | { kind: 'card'; cardNumber: string }
  | { kind: 'email'; email: string }
  | { kind: 'invalid'; reason: 'card_length'; digits: number }
  | { kind: 'invalid'; reason: 'card_check_digit' | 'format' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseCustomerQuery(input: string): CustomerQuery {
  const text = input.trim();
  if (/^[\d\s-]+$/.test(text)) {
    const digits = text.replace(/[\s-]/g, '');
    if (digits.length !== 13) return { kind: 'invalid', reason: 'card_length', digits: digits.length };
    if (ean13CheckDigit(digits.slice(0, 12)) !== Number(digits[12])) return { kind: 'invalid', reason: 'card_check_digit' };
    return { kind: 'card', cardNumber: digits };
  }
  if (text.length <= 254 && EMAIL.test(text)) return { kind: 'email', email: text };
  return { kind: 'invalid', reason: 'format' };
}
