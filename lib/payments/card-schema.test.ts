import { describe, expect, it } from 'vitest';
import { getDictionary } from '@/lib/i18n/dictionary';
import { formatExpiryInput, groupCardNumber, parseExpiry } from './card-number';
import { CARD_FIELDS, createCardFormSchema, parseCardForm } from './card-schema';

const schema = createCardFormSchema(() => new Date('2026-03-15T12:00:00Z'));

function form(values: Partial<Record<(typeof CARD_FIELDS)[number], string>>): FormData {
  const data = new FormData();
  const filled = { card_number: '4242 4242 4242 4242', card_exp: '12/29', card_cvc: '123', card_holder: 'Ada Lovelace', ...values };
  for (const [k, v] of Object.entries(filled)) data.set(k, v);
  return data;
}

const errorsOf = (values: Parameters<typeof form>[0]) => {
  const result = parseCardForm(form(values), schema);
  return result.ok ? {} : result.errors;
};

describe('card form schema', () => {
  it('parses the fields into the card the provider takes', () => {
    expect(parseCardForm(form({}), schema)).toEqual({
      ok: true,
      method: { kind: 'card', number: '4242424242424242', expMonth: 12, expYear: 2029, cvc: '123', holder: 'Ada Lovelace' },
    });
  });

  it('accepts spaces and dashes in the number, MM / YY, MMYY and MM/YYYY', () => {
    const result = parseCardForm(form({ card_number: ' 5555-5555-5555-4444 ', card_exp: '03 / 26', card_cvc: ' 1234 ' }), schema);
    expect(result).toMatchObject({ ok: true, method: { number: '5555555555554444', expMonth: 3, expYear: 2026, cvc: '1234' } });
    expect(parseCardForm(form({ card_exp: '0830' }), schema)).toMatchObject({ ok: true, method: { expMonth: 8, expYear: 2030 } });
    expect(parseCardForm(form({ card_exp: '8/2030' }), schema)).toMatchObject({ ok: true, method: { expMonth: 8, expYear: 2030 } });
  });

  it('every documented test card is a valid number', () => {
    for (const n of ['4000 0000 0000 0002', '4000 0000 0000 9995', '4000 0000 0000 0069', '4000 0000 0000 0127', '4000 0000 0000 0119']) {
      expect(errorsOf({ card_number: n })).toEqual({});
    }
  });

  it.each([
    ['', 'cardNumberRequired'],
    ['   ', 'cardNumberRequired'],
    ['4242 4242 4242 4241', 'cardNumberInvalid'],
    ['4242', 'cardNumberInvalid'],
    ['4242 4242 4242 424x', 'cardNumberInvalid'],
  ])('number "%s" → %s', (card_number, key) => {
    expect(errorsOf({ card_number })).toEqual({ card_number: key });
  });

  it.each([
    ['', 'cardExpRequired'],
    ['13/29', 'cardExpInvalid'],
    ['00/29', 'cardExpInvalid'],
    ['12-29', 'cardExpInvalid'],
    ['1/2/3', 'cardExpInvalid'],
    ['12/99', 'cardExpInvalid'],
    ['02/26', 'cardExpired'],
    ['12/25', 'cardExpired'],
  ])('expiry "%s" → %s', (card_exp, key) => {
    expect(errorsOf({ card_exp })).toEqual({ card_exp: key });
  });

  it('the current month is still valid', () => {
    expect(errorsOf({ card_exp: '03/26' })).toEqual({});
  });

  it.each([
    ['', 'cardCvcRequired'],
    ['12', 'cardCvcInvalid'],
    ['12345', 'cardCvcInvalid'],
    ['1a3', 'cardCvcInvalid'],
  ])('CVC "%s" → %s', (card_cvc, key) => {
    expect(errorsOf({ card_cvc })).toEqual({ card_cvc: key });
  });

  it('holder name: required, at most 100 characters', () => {
    expect(errorsOf({ card_holder: '  ' })).toEqual({ card_holder: 'cardHolderRequired' });
    expect(errorsOf({ card_holder: 'x'.repeat(101) })).toEqual({ card_holder: 'cardHolderTooLong' });
  });

  it('reports every bad field at once, and missing inputs as required', () => {
    expect(parseCardForm(new FormData(), schema)).toEqual({
      ok: false,
      errors: { card_number: 'cardNumberRequired', card_exp: 'cardExpRequired', card_cvc: 'cardCvcRequired', card_holder: 'cardHolderRequired' },
    });
  });

  it('every error key has a text in both languages', () => {
    const result = parseCardForm(new FormData(), schema);
    const keys = [
      ...(result.ok ? [] : Object.values(result.errors)),
      'cardNumberInvalid',
      'cardExpInvalid',
      'cardExpired',
      'cardCvcInvalid',
      'cardHolderTooLong',
    ] as const;
    for (const locale of ['fr', 'en'] as const) {
      const texts = getDictionary(locale).payments;
      for (const k of keys) expect(texts[k], `${locale}.${k}`).toBeTruthy();
    }
  });
});

describe('card input helpers', () => {
  it('groups the number by four as typed', () => {
    expect(groupCardNumber('42424')).toBe('4242 4');
    expect(groupCardNumber('4242 4242-42a42')).toBe('4242 4242 4242');
    expect(groupCardNumber('4'.repeat(25))).toBe('4444 4444 4444 4444 444');
  });

  it('formats the expiry as MM/YY, autofill included', () => {
    expect(formatExpiryInput('1')).toBe('1');
    expect(formatExpiryInput('12')).toBe('12');
    expect(formatExpiryInput('123')).toBe('12/3');
    expect(formatExpiryInput('12/29')).toBe('12/29');
    expect(formatExpiryInput('12/2030')).toBe('12/30');
    expect(formatExpiryInput('12/293')).toBe('12/29');
  });

  it('parses expiries', () => {
    expect(parseExpiry('08/29')).toEqual({ month: 8, year: 2029 });
    expect(parseExpiry('8/29')).toEqual({ month: 8, year: 2029 });
    expect(parseExpiry('08/2029')).toEqual({ month: 8, year: 2029 });
    expect(parseExpiry('08/299')).toBeNull();
  });
});
