import { describe, expect, it } from 'vitest';
import { cardNumberFromBody, cardNumberProblem, ean13CheckDigit, formatCardNumber, isValidCardNumber, normaliseCardNumber } from './card-number';

describe('loyalty card numbers', () => {
  it('computes the EAN-13 check digit (known barcodes)', () => {
    expect(ean13CheckDigit('400638133393')).toBe('1'); // 4006381333931
    expect(ean13CheckDigit('978020137962')).toBe('4'); // 9780201379624
    expect(ean13CheckDigit('290000000000')).toBe('1'); // 2×1 + 9×3 = 29
    expect(() => ean13CheckDigit('12345')).toThrow();
  });

  it('accepts our cards, with spaces or dashes as printed', () => {
    const card = cardNumberFromBody('1234567890');
    expect(card).toMatch(/^29\d{11}$/);
    expect(isValidCardNumber(card)).toBe(true);
    expect(isValidCardNumber(formatCardNumber(card))).toBe(true);
    expect(normaliseCardNumber(' 2912-3456 7890 ')).toBe('291234567890');
    expect(formatCardNumber('2912345678903')).toBe('2912 3456 7890 3');
  });

  it('tells a mistyped digit from a number that is not a card', () => {
    const card = cardNumberFromBody('0000012345');
    const last = Number(card[12]);
    const mistyped = card.slice(0, 12) + String((last + 1) % 10);
    expect(cardNumberProblem(mistyped)).toBe('check_digit');
    // Two digits swapped (a typical slip) is caught too when they differ by other than 5.
    const swapped = card.slice(0, 7) + card[8] + card[7] + card.slice(9);
    if (card[7] !== card[8] && Math.abs(Number(card[7]) - Number(card[8])) !== 5) expect(cardNumberProblem(swapped)).toBe('check_digit');
    expect(cardNumberProblem('4006381333931')).toBe('format'); // a valid EAN-13, not one of ours
    expect(cardNumberProblem('29123')).toBe('format');
    expect(cardNumberProblem('29abcdefghijk')).toBe('format');
    expect(cardNumberProblem('')).toBe('format');
  });
});
