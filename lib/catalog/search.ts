import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { textArray } from '@/lib/db/sql';
import type { Locale } from '@/lib/i18n/config';
import {
  allowedEdits,
  asEan13,
  correctable,
  editDistance,
  fold,
  positions as readPositions,
  prefixAlternatives,
  prefixQueryText,
  SYNONYM_WORDS,
  synonymsStartingWith,
  tokenize,
  type Alternative,
  type Position,
} from './search-query';
import { toCard, type CardRow } from './card-row';
import type { ProductCard } from './types';

/*
 * The shoppers' search. A query is read into positions (lib/catalog/search-query.ts): each word,
 * or a phrase of the synonym list (lib/catalog/synonyms.ts), with what may stand for it — the
 * word itself in French and English (stemmed: « chaussures » finds « chaussure »), its synonyms
 * (each in its own language's product names), and for a word that finds nothing, the catalogue's
 * nearest words (trigram similarity and at most one or two typing mistakes: « perseuse » →
 * « perceuse »). A product matches when every position matches (or, if none does, the most
 * positions). Accents and capitals are folded on both sides (comptoir_fold, migration 0024). A
 * barcode finds its product first. Ranking: the barcode's product, a product named exactly as typed,
 * the words typed as a phrase in the name, all of them in the name, the name matching through
 * synonyms or corrections, then ts_rank (names weigh ten times the descriptions).
 *
 * Suggestions as you type (lib/catalog/suggest.ts) plan the same way with `prefix`: the last word,
 * still being typed, also matches the names' and brands' words it starts (« poe » → « Poêle »), and
 * the synonyms it starts; it is corrected only when nothing starts with it.
 */

export const MAX_QUERY_LENGTH = 200;
/** A typo is corrected towards at most this many words of the catalogue. */
const CORRECTIONS = 2;
/** Trigram similarity that counts as the same word misspelt even beyond the allowed edits. */
const SIMILAR = 0.5;

/** The same for a word still being typed: a start shares fewer trigrams with the whole word. */
const SIMILAR_START = 0.15;

const SYNONYM_ARRAY = textArray(SYNONYM_WORDS);

type Analysis = { tok: string; stop: boolean; known: boolean; near: { word: string; label: string; sim: number }[] };

/**
 * For each single-word position: whether it is a stop word in either language (« de », "the"),
 * whether it finds any product as typed (`typing`: the word still being typed, as typed or as the
 * start of a word of the names), and if not, the catalogue's words nearest to it.
 */
async function analyse(words: string[], withNear: boolean, minSimilarity: number, typing?: string): Promise<Map<string, Analysis>> {
  if (words.length === 0) return new Map();
  const db = await getDb();
  // One SELECT per word, the word a constant in each: the planner folds its tsquery and uses the
  // GIN index for "finds anything?", and the trigram GiST index for its nearest words.
  const perWord = words.map((w) => {
    const start = w === typing ? sql` || to_tsquery('simple', ${prefixQueryText({ config: 'simple', text: w, weights: 'AB' })})` : sql``;
    return sql`
    SELECT ${w}::text AS tok, s.stop, ${w === typing ? SIMILAR_START : minSimilarity}::float4 AS min_sim,
      CASE WHEN s.stop THEN true ELSE EXISTS (
        SELECT 1 FROM products p WHERE p.withdrawn_at IS NULL
          AND p.search_folded @@ (comptoir_search_tsquery('french', ${w}, 'AC') || comptoir_search_tsquery('english', ${w}, 'BD')${start})) END AS known
    FROM (SELECT length(to_tsvector('french', ${w}::text)) = 0 OR length(to_tsvector('english', ${w}::text)) = 0 AS stop) s`;
  });
  // Raw SQL: text-search and trigram functions (to_tsvector, phraseto_tsquery, similarity, <->) for every word in one round trip.
  const result = await db.execute<Analysis>(sql`
    WITH k AS (${sql.join(perWord, sql` UNION ALL `)})
    SELECT k.tok, k.stop, k.known,
      CASE WHEN k.known OR NOT ${withNear} THEN '[]'::json ELSE (
        SELECT coalesce(json_agg(json_build_object('word', n.word, 'label', n.label, 'sim', n.sim) ORDER BY n.sim DESC, n.products DESC, n.word), '[]'::json)
        FROM (
          (SELECT w.word, w.label, w.products, similarity(w.word, k.tok) AS sim
           FROM catalog_search_words w ORDER BY w.word <-> k.tok LIMIT 8)
          UNION ALL
          (SELECT s, s, 0, similarity(s, k.tok) FROM unnest(${SYNONYM_ARRAY}::text[]) AS s ORDER BY s <-> k.tok LIMIT 4)
        ) n WHERE n.sim >= k.min_sim
      ) END AS near
    FROM k`);
  return new Map(result.rows.map((r) => [r.tok, r]));
}

/**
 * The corrections of an unknown word: near in trigrams, and within its allowed typing mistakes (or
 * very similar). A word still being typed (`typing`) is compared with the start of each word too.
 */
function corrections(tok: string, near: Analysis['near'], typing = false): Analysis['near'] {
  if (!correctable(tok)) return [];
  const seen = new Set<string>();
  const edits = allowedEdits(tok);
  const close = (word: string) =>
    editDistance(tok, word, edits) <= edits ||
    (typing && [-1, 0, 1].some((d) => word.length > tok.length + d && editDistance(tok, word.slice(0, tok.length + d), edits) <= edits));
  return near
    .filter((n) => n.word !== tok && (n.sim >= SIMILAR || close(n.word)))
    .filter((n) => !seen.has(n.word) && seen.add(n.word))
    .slice(0, CORRECTIONS);
}

const keyOf = (a: Alternative) => `${a.config}|${a.weights}|${a.prefix ? '*' : ''}${a.text}`;

/**
 * Fewer alternatives, the same matches: duplicates go, and so does a phrase one of whose words is
 * an alternative of its own in the same language and weights (« sweat à capuche » beside « sweat »).
 */
function prune(alts: Alternative[]): Alternative[] {
  const unique = [...new Map(alts.map((a) => [keyOf(a), a])).values()];
  const words = unique.filter((a) => !a.prefix && !/[\s-]/.test(a.text));
  return unique.filter((x) => {
    if (x.prefix || !/[\s-]/.test(x.text)) return true;
    const parts = x.text.split(/[\s-]+/);
    return !words.some((y) => y.config === x.config && [...x.weights].every((w) => y.weights.includes(w)) && parts.includes(y.text));
  });
}

/**
 * Compiled alternatives: each one's tsquery (comptoir_search_tsquery, migration 0024; to_tsquery for
 * the start of a word) as text, '' when only stop words.
 */
type Compiled = Map<string, string>;

/**
 * Every alternative of the query compiled in one round trip, so the search itself gets its tsqueries
 * as constants: planned without calling a function per alternative, and matched through the GIN index.
 */
async function compile(alts: Alternative[]): Promise<Compiled> {
  const unique = [...new Map(alts.map((a) => [keyOf(a), a])).values()];
  if (unique.length === 0) return new Map();
  const db = await getDb();
  // Raw SQL: PostgreSQL's stemmers (phraseto_tsquery, to_tsquery) compile each phrase; unnest keeps them in one round trip.
  const result = await db.execute<{ i: number; q: string }>(sql`
    SELECT a.i::int AS i,
      (CASE WHEN a.prefix THEN to_tsquery(a.config::regconfig, a.text)
            ELSE comptoir_search_tsquery(a.config::regconfig, a.text, a.weights) END)::text AS q
    FROM unnest(${textArray(unique.map((a) => a.config))}::text[], ${textArray(unique.map((a) => (a.prefix ? prefixQueryText(a) : a.text)))}::text[],
                ${textArray(unique.map((a) => a.weights))}::text[], ${textArray(unique.map((a) => String(Boolean(a.prefix))))}::boolean[])
      WITH ORDINALITY AS a(config, text, weights, prefix, i)`);
  return new Map(result.rows.map((r) => [keyOf(unique[r.i - 1]!), r.q]));
}

/** The alternatives as one tsquery (OR), or null when none has a lexeme. */
function any(compiled: Compiled, alts: Alternative[]): SQL | null {
  const queries = [...new Set(alts.map((a) => compiled.get(keyOf(a)) ?? ''))].filter((q) => q !== '');
  return queries.length
    ? sql`(${sql.join(
        queries.map((q) => sql`${q}::tsquery`),
        sql` || `,
      )})`
    : null;
}
const all = (parts: (SQL | null)[]): SQL => {
  const present = parts.filter((p): p is SQL => p !== null);
  return present.length ? sql`(${sql.join(present, sql` && `)})` : sql`NULL::tsquery`;
};

function literal(p: Position, text: string, names: boolean): Alternative[] {
  return [
    ...(p.fr ? [{ config: 'french' as const, text, weights: names ? ('A' as const) : ('AC' as const) }] : []),
    ...(p.en ? [{ config: 'english' as const, text, weights: names ? ('B' as const) : ('BD' as const) }] : []),
  ];
}

/** A position as the search runs it: what it may match anywhere, and in the names. */
type Plan = { anywhere: Alternative[]; inName: Alternative[]; typed: Alternative[]; sure: Alternative[] };

/**
 * The query's plan: positions with their synonyms and corrections; stop words left out. `prefix`:
 * the last word is still being typed (suggestions), so it also stands for the words it starts.
 */
async function plan(query: string, prefix: boolean): Promise<{ plans: Plan[]; words: string[]; phrase: Alternative[]; compiled: Compiled }> {
  const tokens = tokenize(query);
  const found = readPositions(tokens);
  const last = tokens.at(-1);
  // The position of the word being typed: the last, when it is that word alone (not a phrase of the synonym list).
  const typing = prefix && last && found.at(-1)?.literal === last.text ? found.at(-1) : undefined;
  const singles = found.filter((p) => p.single).map((p) => p.literal);
  const analysed = await analyse(singles, true, 0.25, typing?.single ? typing.literal : undefined);
  const plans: Plan[] = [];
  for (const p of found) {
    const a = p.single ? analysed.get(p.literal) : undefined;
    // A stop word being typed is kept when it is all there is: « la » may be the start of « lampe ».
    if (a?.stop && !(p === typing && found.length === 1)) continue;
    const fixes = a && !a.known ? corrections(p.literal, a.near, p === typing) : [];
    const fixed = fixes.map((f) => {
      // A correction is read as if typed: a word of the synonym list in its own language(s), with its group.
      const as = readPositions(tokenize(f.word))[0] ?? { literal: f.word, single: true, fr: true, en: true, synonyms: [] };
      return {
        anywhere: [...literal(as, f.word, false), ...as.synonyms],
        inName: [...literal(as, f.word, true), ...as.synonyms],
        typed: as.fr || as.en ? literal(as, f.word, true) : as.synonyms,
      };
    });
    const typed = p.fr || p.en ? literal(p, p.literal, true) : p.synonyms;
    // The word being typed: the names' words it starts, and the synonyms it starts.
    const starts = p === typing && last ? prefixAlternatives(last) : [];
    const started = [...starts, ...(p === typing ? synonymsStartingWith(p.literal) : [])];
    plans.push({
      anywhere: prune([...literal(p, p.literal, false), ...p.synonyms, ...fixed.flatMap((f) => f.anywhere), ...started]),
      inName: prune([...literal(p, p.literal, true), ...p.synonyms, ...fixed.flatMap((f) => f.inName), ...started]),
      // The words as typed (or as corrected), in the names; a `typed` word of the synonym list
      // (« basket ») is not looked for itself: its group stands for it.
      typed: prune([...typed, ...fixed.flatMap((f) => f.typed), ...starts]),
      // Typed or synonyms, no correction: what a partial match is ranked by first.
      sure: prune([...literal(p, p.literal, false), ...p.synonyms, ...started]),
    });
  }
  const words = tokens.flatMap((t) => t.parts);
  const phrase = words.length > 1 ? literal({ literal: '', single: false, fr: true, en: true, synonyms: [] }, words.join(' '), true) : [];
  const compiled = await compile([...plans.flatMap((p) => [...p.anywhere, ...p.inName, ...p.typed, ...p.sure]), ...phrase]);
  // A position whose every alternative is only stop words matches nothing and is left out.
  return { plans: plans.filter((p) => any(compiled, p.anywhere) !== null), words, phrase, compiled };
}

async function run(query: Planned, ean: string | null, limit: number, partial: boolean): Promise<CardRow[]> {
  const { plans, words, phrase: phraseAlts, compiled } = query;
  if (plans.length === 0 && !ean) return [];
  const db = await getDb();
  const each = plans.map((p) => any(compiled, p.anywhere)!);
  // Every position, or (partial) any of them, ranked below by how many match.
  const match = plans.length === 0 ? sql`NULL::tsquery` : partial ? sql`(${sql.join(each, sql` || `)})` : all(each);
  const inName = all(plans.map((p) => any(compiled, p.inName)));
  const typed = all(plans.map((p) => any(compiled, p.typed)));
  const phrase = any(compiled, phraseAlts) ?? sql`NULL::tsquery`;
  // Partial: products matching more of the words as typed (or their synonyms) first, then more with corrections.
  const count = (qs: (SQL | null)[]) => {
    const present = qs.filter((q): q is SQL => q !== null);
    return partial && present.length
      ? sql`(${sql.join(
          present.map((q) => sql`(p.search_folded @@ ${q})::int`),
          sql` + `,
        )})`
      : sql`0`;
  };
  const sure = count(plans.map((p) => any(compiled, p.sure)));
  const matched = count(each);
  // Raw SQL: full-text search with tsquery operators and ts_rank, a barcode lookup beside it (UNION, so each
  // uses its index), ranked first and priced after, so only the page's products are joined to their SKUs.
  // The match is written out in `hits` (a constant there, so the GIN index serves it) and again in `q` for the ranking.
  const result = await db.execute<CardRow>(sql`
    WITH q AS (SELECT ${match} AS m, ${inName} AS in_name, ${typed} AS typed, ${phrase} AS phrase),
    hits AS (
      SELECT id, bool_or(ean) AS ean FROM (
        SELECT p.id, false AS ean FROM products p WHERE p.search_folded @@ ${match}
        UNION ALL
        SELECT k.product_id, true FROM skus k WHERE k.ean13 = ${ean}
      ) x GROUP BY id
    ),
    ranked AS (
      SELECT p.id, p.slug, p.name_fr, p.name_en, p.brand, p.images->>0 AS image,
             row_number() OVER (ORDER BY
               h.ean DESC,
               ${words.join(' ')} IN (btrim(regexp_replace(comptoir_fold(p.name_fr), '[^a-z0-9]+', ' ', 'g')),
                                      btrim(regexp_replace(comptoir_fold(p.name_en), '[^a-z0-9]+', ' ', 'g'))) DESC,
               coalesce(p.search_folded @@ q.phrase, false) DESC,
               coalesce(p.search_folded @@ q.typed, false) DESC,
               coalesce(p.search_folded @@ q.in_name, false) DESC,
               ${sure} DESC,
               ${matched} DESC,
               coalesce(ts_rank('{0.1, 0.1, 1, 1}', p.search_folded, q.m), 0) DESC,
               p.id) AS ord
      FROM hits h JOIN products p ON p.id = h.id CROSS JOIN q
      WHERE p.withdrawn_at IS NULL
      ORDER BY ord
      LIMIT ${limit}
    )
    SELECT r.id, r.slug, r.name_fr, r.name_en, r.brand, r.image, pr.min_price, pr.max_price
    FROM ranked r
    CROSS JOIN LATERAL (SELECT min(k.price_cents)::int AS min_price, max(k.price_cents)::int AS max_price FROM skus k WHERE k.product_id = r.id) pr
    ORDER BY r.ord`);
  return result.rows;
}

type Planned = Awaited<ReturnType<typeof plan>>;

/** A query read once (positions, synonyms, corrections, compiled), for the products and, in suggestions, what else it names. */
export type PlannedSearch = Planned & { ean: string | null };

/**
 * Reads what a shopper typed (at most MAX_QUERY_LENGTH characters, trimmed). `prefix`: the last
 * word is still being typed (suggestions as you type; see the top of this file).
 */
export async function planSearch(query: string, { prefix = false }: { prefix?: boolean } = {}): Promise<PlannedSearch> {
  const q = query.trim().slice(0, MAX_QUERY_LENGTH);
  return { ...(await plan(q, prefix)), ean: asEan13(q) };
}

/**
 * The products of a planned search, best first: see the top of this file. Every position must
 * match; when no product has them all, those with the most of them come (« pull homme » finds the
 * pulls, the catalogue having no « homme »).
 */
export async function findProducts(planned: PlannedSearch, limit: number): Promise<CardRow[]> {
  const rows = await run(planned, planned.ean, limit, false);
  return rows.length === 0 && planned.plans.length > 1 ? run(planned, null, limit, true) : rows;
}

/**
 * Every position of a planned search in the names and brands (weights A and B), as one tsquery,
 * or null when nothing is left to look for: what a brand or a department name must match to be
 * offered beside the products (lib/catalog/suggest.ts).
 */
export function namesMatch(planned: PlannedSearch): SQL | null {
  return planned.plans.length ? all(planned.plans.map((p) => any(planned.compiled, p.inName))) : null;
}

/** Products for what a shopper typed, best first (findProducts). */
export async function searchProducts(query: string, locale: Locale, limit = 48): Promise<ProductCard[]> {
  if (!query.trim()) return [];
  const rows = await findProducts(await planSearch(query), limit);
  return rows.map((r) => toCard(r, locale));
}

/**
 * When nothing matches: searches built from the catalogue's words nearest to those typed (trigram
 * similarity), each checked to find something — at most three, best first.
 */
export async function suggestSearches(query: string, max = 3): Promise<string[]> {
  const q = query.trim().slice(0, MAX_QUERY_LENGTH);
  const tokens = tokenize(q);
  if (tokens.length === 0 || asEan13(q)) return [];
  const words = tokens.map((t) => t.text);
  const analysed = await analyse([...new Set(words)], true, 0.3);
  // Each unknown word with its nearest words; the others kept as typed.
  const choices = words.map((w) => {
    const a = analysed.get(w);
    const near = a && !a.known && !a.stop && correctable(w) ? a.near.filter((n) => n.word !== w) : [];
    // One display per word, lower case when the catalogue or the synonym list writes it so (« Perceuse » → « perceuse »).
    const labels = new Map<string, string>();
    for (const n of near) {
      const seen = labels.get(fold(n.label));
      if (seen === undefined || (seen !== seen.toLowerCase() && n.label === n.label.toLowerCase())) labels.set(fold(n.label), n.label);
    }
    return labels.size ? [...labels.values()] : [w];
  });
  if (choices.every((c, i) => c.length === 1 && c[0] === words[i])) return [];
  const candidates: string[] = [];
  for (let k = 0; k < 6; k++) {
    const s = choices.map((c) => c[Math.min(k, c.length - 1)]!).join(' ');
    if (!candidates.includes(s)) candidates.push(s);
  }
  const out: string[] = [];
  for (const s of candidates) {
    if (out.length >= max) break;
    if ((await searchProducts(s, 'fr', 1)).length > 0) out.push(s);
  }
  return out;
}
