import 'server-only';
import type { ReturnFormState } from '@/components/returns/form-state';
import { DomainError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatPrice, interpolate, intlTag } from '@/lib/i18n/format';
import { DropOffTooLateError, InvalidReturnError, NotEnoughStoreCreditError, ReturnPeriodOverError, ReturnQuantityExceededError } from '@/lib/returns/errors';
import type { FieldErrors } from '@/lib/returns/params';

/*
 * Shared by the shopper's and the desk's returns actions: every refusal lib/returns can give,
 * as a sentence in the user's language, on the form field it belongs to where there is one.
 */
type Texts = Dictionary['returns'];

export function refused(message: string, fieldErrors: Record<string, string> = {}): ReturnFormState {
  return { ok: false, message, fieldErrors, at: Date.now() };
}

export function done(message: string): ReturnFormState {
  return { ok: true, message, fieldErrors: {}, at: Date.now() };
}

function day(d: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(d);
}

/** Fields in the order the forms show them: the message names the first mistake on screen. */
const FIELD_ORDER = [/^(qty|reason|lines)/, /^(outcome|refusal)/, /^storeId$/, /^windowStartsAt$/, /^refund$/];
const rank = (field: string) => {
  const i = FIELD_ORDER.findIndex((re) => re.test(field));
  return i < 0 ? FIELD_ORDER.length : i;
};

/** A parser's field errors (InvalidReturnError details) as sentences on their fields; the first on screen is the message too. */
export function invalidForm(errors: FieldErrors, t: Texts): ReturnFormState {
  const fieldErrors: Record<string, string> = {};
  for (const [field, detail] of Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b))) {
    const key = `invalid_${detail}` as keyof Texts;
    fieldErrors[field] = key in t ? t[key] : t.invalidRequest;
  }
  return refused(Object.values(fieldErrors)[0] ?? t.invalidRequest, fieldErrors);
}

/** The sentence for a returns refusal, or null when `err` is not one (then it is a bug: the caller rethrows). */
export function refusalText(err: unknown, t: Texts, locale: Locale): { message: string; field?: string } | null {
  if (err instanceof InvalidReturnError) return { message: t[`invalid_${err.detail}`], field: err.field };
  if (err instanceof ReturnPeriodOverError) return { message: interpolate(t.return_period_over, { days: err.days, date: day(err.deadline, locale) }) };
  if (err instanceof DropOffTooLateError) return { message: interpolate(t.drop_off_too_late, { date: day(err.lastDay, locale) }), field: 'window' };
  if (err instanceof ReturnQuantityExceededError) {
    return { message: err.returnable === 0 ? t.return_quantity_none : interpolate(t.return_quantity_exceeded, { n: err.returnable }), field: 'quantity' };
  }
  if (err instanceof NotEnoughStoreCreditError) return { message: interpolate(t.not_enough_store_credit, { amount: formatPrice(err.balanceCents, locale) }) };
  if (err instanceof DomainError && err.code in t) {
    const field = err.code.startsWith('drop_off_window') ? 'window' : err.code === 'no_returns_desk' ? 'store' : undefined;
    return { message: t[err.code as keyof Texts], field };
  }
  return null;
}

/** Form-field names of the booking form for the domain's field names. */
const FORM_FIELD: Record<string, string> = { window: 'windowStartsAt', store: 'storeId', refundMethod: 'refund', lines: 'lines' };

export function returnRefusal(err: unknown, t: Texts, locale: Locale): ReturnFormState {
  const text = refusalText(err, t, locale);
  if (!text) throw err;
  const field = text.field ? (FORM_FIELD[text.field] ?? text.field) : undefined;
  return refused(text.message, field ? { [field]: text.message } : {});
}
