import type { Locale } from '@/lib/i18n/config';
import { getDictionary } from '@/lib/i18n/dictionary';
import { formatMessage } from '@/lib/i18n/format';

/** A refusal as lib/import reports it: the row's line (CSV: in the file; JSON: its position from 1) and column. */
export type ImportRefusal = { line: number; column: string | null; code: string; message: string };

type Texts = ReturnType<typeof getDictionary>['imports'];

/** The codes a refusal may carry: each is a sentence of lib/i18n/dict/imports.ts. */
export type RefusalCode = {
  [K in keyof Texts]: K extends `kind_${string}` | `status_${string}` | `actor_${string}` ? never : K;
}[keyof Texts];

/**
 * An issue message ('invalid_whole?min=0&max=100000', see lib/import/rows.ts) or a code and its
 * values, said in `locale`. An unknown code (a zod message we did not write) reads as "invalid".
 */
export function sayRefusal(locale: Locale, issue: string, values: Record<string, string | number> = {}): { code: string; message: string } {
  const [name = '', query = ''] = issue.split('?');
  const params: Record<string, string | number> = { ...Object.fromEntries(new URLSearchParams(query)), ...values };
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' && /^-?\d+$/.test(v)) params[k] = Number(v);
  const t = getDictionary(locale).imports as Record<string, string>;
  const code = name in t && !/^(kind|status|actor)_/.test(name) ? name : 'invalid_text';
  return { code, message: formatMessage(t[code]!, params, locale) };
}

export function refusal(
  locale: Locale,
  line: number,
  column: string | null,
  issue: RefusalCode | string,
  values?: Record<string, string | number>,
): ImportRefusal {
  return { line, column, ...sayRefusal(locale, issue, values) };
}
