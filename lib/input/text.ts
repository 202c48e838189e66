import { z } from 'zod';

/**
 * Text from outside (a form field, a query string, an action's argument) that no part of the
 * site can store or search: C0 control characters other than tab, newline and carriage return
 * (U+0000 above all: PostgreSQL refuses it in any text value, so it used to surface as a 500),
 * DEL, and lone UTF-16 surrogates (half a character: no valid UTF-8 to send to the database).
 * Refused in one place — `formAction` for every form, `safeText` for other arguments and query
 * parameters — with a message that says which character is the trouble.
 */
// No `u` flag: the regexp must see UTF-16 code units for the lone-surrogate branches to match.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isSafeText(value: string): boolean {
  return !UNSAFE.test(value);
}

/** The issue message of a refused text: a key of the `common` dictionary (lib/i18n/dict/common.ts). */
export const UNSAFE_TEXT = 'unsafeText';

/** Any string from outside: refused when it holds a character that cannot be stored. */
export const safeText = z.string().refine(isSafeText, { error: UNSAFE_TEXT });

/** Whether a form holds an unsafe field name or value (files are left to each action's schema). */
export function formHasUnsafeText(formData: FormData): boolean {
  for (const [key, value] of formData.entries()) {
    if (!isSafeText(key) || (typeof value === 'string' && !isSafeText(value))) return true;
  }
  return false;
}

/**
 * A query-string parameter as a route handler or a page reads it: absent, or unsafe text, reads
 * as `undefined` (the caller then answers as for a missing parameter, or a 400).
 */
export function queryText(value: string | string[] | null | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && isSafeText(first) ? first : undefined;
}

/**
 * The first query-string parameter (name or value) holding unsafe text, or undefined. The proxy
 * refuses such a request with a 400 before any page or route handler reads it (`%00` decodes to
 * U+0000: a search, a place or a postcode with it used to reach PostgreSQL and answer 500).
 */
export function unsafeQueryParam(params: URLSearchParams): string | undefined {
  for (const [key, value] of params) if (!isSafeText(key) || !isSafeText(value)) return isSafeText(key) ? key : JSON.stringify(key);
  return undefined;
}
