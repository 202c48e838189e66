import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/config';
import { toCard } from './card-row';
import { findProducts, MAX_QUERY_LENGTH, namesMatch, planSearch } from './search';
import { tokenize } from './search-query';
import type { ProductCard } from './types';

/*
 * Suggestions as a shopper types in the header's search box (GET /api/search/suggest): a few
 * products, and the departments and brands the words name. The matching is the shoppers' search
 * (./search.ts) planned with its last word as a prefix — accents and capitals folded, both
 * languages, synonyms, a typo corrected when nothing starts with the word — so a suggestion never
 * finds what the search page would not. Its statements are the search's own, on the GIN index of
 * products.search_folded (the planner may scan a catalogue this small instead: at the large seed,
 * 2,022 products, it does for the product statement) and the trigram index of the catalogue's
 * words; bench/experiments/suggest-timing.ts shows their plans and times.
 */

/** Fewer characters than this (letters, digits) suggest nothing: one letter would match half the catalogue. */
export const MIN_SUGGEST_LENGTH = 2;
export const MAX_SUGGESTED_PRODUCTS = 6;
/** Departments and brands, each. */
const MAX_SEARCHES = 2;

export type SuggestedDepartment = { slug: string; name: string };

export type Suggestions = {
  products: ProductCard[];
  departments: SuggestedDepartment[];
  /** Brands as written on the products, the one with the most matching products first. */
  brands: string[];
};

const NONE: Suggestions = { products: [], departments: [], brands: [] };

/**
 * What to offer for `query` as typed so far. Its last word is taken as unfinished unless the query
 * ends with a space (« pull » also finds « pullover »; « pull » followed by a space does not).
 */
export async function suggest(query: string, locale: Locale, limit = MAX_SUGGESTED_PRODUCTS): Promise<Suggestions> {
  const q = query.slice(0, MAX_QUERY_LENGTH);
  const typed = tokenize(q).reduce((n, t) => n + t.parts.join('').length, 0);
  if (typed < MIN_SUGGEST_LENGTH) return NONE;
  const planned = await planSearch(q, { prefix: !/\s$/u.test(q) });
  const names = namesMatch(planned);
  const [rows, named] = await Promise.all([findProducts(planned, limit), names ? namedBy(names) : Promise.resolve([])]);
  return {
    products: rows.map((r) => toCard(r, locale)),
    departments: named.filter((n) => n.kind === 'department').map((n) => ({ slug: n.slug!, name: locale === 'fr' ? n.name_fr : n.name_en })),
    brands: named.filter((n) => n.kind === 'brand').map((n) => n.name_fr),
  };
}

type Named = { kind: 'department' | 'brand'; slug: string | null; name_fr: string; name_en: string };

/**
 * The departments and brands whose own names match every word typed (`names`: the planned search
 * in names and brands), each in both languages and folded as the products are. A brand is looked
 * for among the products the words find (the GIN index), so only its matching products are read;
 * the departments are a handful of rows.
 */
async function namedBy(names: SQL): Promise<Named[]> {
  const db = await getDb();
  // Raw SQL: text search on documents built in the statement (a brand's, a department's name), as
  // products.search_folded is built (migration 0024), and a UNION of the two kinds in one round trip.
  const result = await db.execute<Named>(sql`
    (SELECT 'brand' AS kind, NULL::text AS slug, p.brand AS name_fr, p.brand AS name_en
     FROM products p
     WHERE p.search_folded @@ ${names} AND p.withdrawn_at IS NULL
       AND (setweight(to_tsvector('french', comptoir_fold(p.brand)), 'A') || setweight(to_tsvector('english', comptoir_fold(p.brand)), 'B')) @@ ${names}
     GROUP BY p.brand
     ORDER BY count(*) DESC, p.brand
     LIMIT ${MAX_SEARCHES})
    UNION ALL
    (SELECT 'department', c.slug, c.name_fr, c.name_en
     FROM categories c
     WHERE (setweight(to_tsvector('french', comptoir_fold(c.name_fr)), 'A') || setweight(to_tsvector('english', comptoir_fold(c.name_en)), 'B')) @@ ${names}
     ORDER BY c.position, c.id
     LIMIT ${MAX_SEARCHES})`);
  return result.rows;
}
