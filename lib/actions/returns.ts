import type { Dictionary } from '@/lib/i18n/dictionary';
import type { FieldErrors, Parsed } from '@/lib/returns/params';
import { formParser } from './builder';
import { refuse, type Refusal } from './state';

/*
 * The returns forms (the shopper's booking, the desk's check-in and walk-in) are read by
 * lib/returns/params.ts, whose field errors name what is wrong (`quantity`, `no_lines`, `window`…):
 * here they become the builder's parser and the form's sentences.
 */

/** A returns form parser, as the builder reads one: field errors on failure. */
export function returnsForm<T>(parse: (form: FormData) => Parsed<T>) {
  return formParser<T, FieldErrors>((form) => {
    const parsed = parse(form);
    return parsed.ok ? { success: true, data: parsed.value } : { success: false, error: parsed.fieldErrors };
  });
}

/** Fields in the order the forms show them: the message names the first mistake on screen. */
const FIELD_ORDER = [/^(qty|reason|lines)/, /^(outcome|refusal)/, /^storeId$/, /^windowStartsAt$/, /^refund$/];
const rank = (field: string) => {
  const i = FIELD_ORDER.findIndex((re) => re.test(field));
  return i < 0 ? FIELD_ORDER.length : i;
};

/** The parser's field errors as sentences on their fields; the first on screen is the message too. */
export function invalidReturnForm(errors: FieldErrors, { t }: { t: Dictionary }): Refusal {
  const fieldErrors: Record<string, string> = {};
  for (const [field, detail] of Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b))) {
    const key = `invalid_${detail}` as keyof Dictionary['returns'];
    fieldErrors[field] = key in t.returns ? t.returns[key] : t.returns.invalidRequest;
  }
  return refuse(Object.values(fieldErrors)[0] ?? t.returns.invalidRequest, fieldErrors);
}
