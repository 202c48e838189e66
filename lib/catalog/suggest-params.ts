import { z } from 'zod';
import { LOCALES, type Locale } from '@/lib/i18n/config';
import { isSafeText } from '@/lib/input/text';
import { MAX_QUERY_LENGTH } from './search';

/**
 * `?q=<what is typed so far>&locale=fr|en`: what the header's search box asks for. The language is
 * in the URL, not read from a cookie, so one answer serves every visitor asking the same thing.
 */
export const suggestQuerySchema = z.object({
  q: z
    .string({ error: 'q is required: the words typed so far' })
    .refine(isSafeText, 'q holds a control character or half a character, which no search can contain')
    .refine((q) => q.length <= MAX_QUERY_LENGTH, `q is too long (${MAX_QUERY_LENGTH} characters at most)`),
  locale: z.enum(LOCALES, { error: `locale must be one of ${LOCALES.join(', ')}` }),
});

export type SuggestQuery = { q: string; locale: Locale };

/** The query string read once: each parameter at most once, every refusal a sentence for the 400. */
export function parseSuggestQuery(params: URLSearchParams): { ok: true; query: SuggestQuery } | { ok: false; error: string } {
  const raw: Record<string, string> = {};
  for (const key of ['q', 'locale'] as const) {
    const values = params.getAll(key);
    if (values.length > 1) return { ok: false, error: `${key} must be given once` };
    if (values[0] !== undefined) raw[key] = values[0];
  }
  const parsed = suggestQuerySchema.safeParse(raw);
  return parsed.success ? { ok: true, query: parsed.data } : { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid query' };
}
