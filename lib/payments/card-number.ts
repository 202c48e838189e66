import type { CardBrand } from './types';

/*
 * Pure card-number helpers, shared by the form schema, the test provider and the card fields
 * (so no 'server-only' here).
 */

/** "4242 4242-4242 4242" → "4242424242424242". */
export function cardDigits(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** The Luhn checksum every card number carries: catches a mistyped or swapped digit. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): CardBrand {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  return 'unknown';
}

/** Digits in groups of four, as printed on the card: "4242 4242 4242 4242". */
export function groupCardNumber(input: string): string {
  return (
    input
      .replace(/\D/g, '')
      .slice(0, 19)
      .match(/.{1,4}/g) ?? []
  ).join(' ');
}

/**
 * A card is valid through the last day of its expiry month. Compared in UTC: a few hours either
 * side of midnight on the 1st do not matter to a test provider, and real ones decide themselves.
 */
export function isCardExpired(expMonth: number, expYear: number, now: Date): boolean {
  return expYear * 12 + (expMonth - 1) < now.getUTCFullYear() * 12 + now.getUTCMonth();
}

/** "MM/YY", "MM / YY", "MMYY" or "MM/YYYY" → { month, year (four digits) }; null if not one. */
export function parseExpiry(input: string): { month: number; year: number } | null {
  const m = /^(\d{1,2})\s*\/?\s*(\d{2}|\d{4})$/.exec(input.trim());
  if (!m) return null;
  const month = Number(m[1]);
  const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return month >= 1 && month <= 12 ? { month, year } : null;
}

/**
 * What the expiry field shows as the shopper types: "1" → "1", "123" → "12/3". Autofill's
 * "12/2030" becomes "12/30" rather than "12/20".
 */
export function formatExpiryInput(input: string): string {
  const full = /^(\d{2})\s*\/\s*\d{2}(\d{2})$/.exec(input.trim());
  if (full) return `${full[1]}/${input.trim().slice(-2)}`;
  const digits = input.replace(/\D/g, '').slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
}
