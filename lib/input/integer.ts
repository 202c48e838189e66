import { z } from 'zod';

/**
 * A whole number typed by a person: digits only, and within its range. `Number()` and
 * `z.coerce.number()` also read "1e3" (1,000), "0x10" (16), " 1", "+1" and "1.0" — a stock count
 * of "1e3" set the stock to 1,000 — so every form that takes a number reads it here instead.
 * A leading zero is fine ("007" is 7); nothing else but digits is.
 */
const DIGITS = /^[0-9]{1,15}$/;

export function parseWholeNumber(raw: unknown, range: { min: number; max: number }): number | undefined {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= range.min && raw <= range.max ? raw : undefined;
  if (typeof raw !== 'string' || !DIGITS.test(raw)) return undefined;
  const n = Number(raw);
  return n >= range.min && n <= range.max ? n : undefined;
}

/** The issue message of a refused number: a key of the `common` dictionary, with {min} and {max}. */
export const WHOLE_NUMBER = 'wholeNumber';

/**
 * A zod schema for a whole number in [min, max], from a form's string (digits only) or from an
 * action's number argument (a safe integer). Its issue carries the range, for the message.
 */
export function wholeNumber(min: number, max: number) {
  return z.unknown().transform((raw, ctx) => {
    const n = parseWholeNumber(raw, { min, max });
    if (n === undefined) {
      ctx.addIssue({ code: 'custom', message: WHOLE_NUMBER, params: { min, max } });
      return z.NEVER;
    }
    return n;
  });
}
