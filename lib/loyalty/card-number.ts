/*
 * Loyalty card numbers: EAN-13 with the in-house prefix '29' (GS1 keeps 20–29 for in-store use),
 * so a till scanner reads the card like any barcode. Pure and client-safe: the till and the
 * account page validate as the number is typed.
 */

export const CARD_NUMBER_PREFIX = '29';

/** The EAN-13 check digit of twelve digits: weights 1, 3, 1, 3… from the left. */
export function ean13CheckDigit(first12: string): string {
  if (!/^\d{12}$/.test(first12)) throw new Error('ean13CheckDigit needs exactly 12 digits');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

/** What a person typed or a scanner sent, without the spaces and dashes a printed card shows. */
export function normaliseCardNumber(input: string): string {
  return input.replace(/[\s\-.]/g, '');
}

export type CardNumberProblem = 'format' | 'check_digit';

/**
 * Why a (normalised) card number cannot be one of ours: not 13 digits with our prefix ('format'),
 * or a mistyped digit ('check_digit'); null when it is well formed.
 */
export function cardNumberProblem(input: string): CardNumberProblem | null {
  const n = normaliseCardNumber(input);
  if (!/^\d{13}$/.test(n) || !n.startsWith(CARD_NUMBER_PREFIX)) return 'format';
  return ean13CheckDigit(n.slice(0, 12)) === n[12] ? null : 'check_digit';
}

export function isValidCardNumber(s: string): boolean {
  return cardNumberProblem(s) === null;
}

/** A card number from ten body digits (the caller draws them at random). */
export function cardNumberFromBody(body10: string): string {
  if (!/^\d{10}$/.test(body10)) throw new Error('cardNumberFromBody needs exactly 10 digits');
  const first12 = CARD_NUMBER_PREFIX + body10;
  return first12 + ean13CheckDigit(first12);
}

/** '2912 3456 7890 5' — how the card and the account page print it. */
export function formatCardNumber(cardNumber: string): string {
  return normaliseCardNumber(cardNumber).replace(/(\d{4})(?=\d)/g, '$1 ');
}
