import { SYNONYM_GROUPS, type SynonymGroup } from './synonyms';

/*
 * What a shopper typed, read into the parts the search looks for (lib/catalog/search.ts): words
 * folded as the database folds product names (comptoir_fold: accents off, lower case), grouped
 * into positions — a word, or a phrase of the synonym list (« chaussure de sport ») — each with
 * what it may match. Pure: no database here.
 */

export type Config = 'french' | 'english' | 'simple';
/** Which parts of a product a word is looked for in: tsvector weights of products.search_folded. */
export type Weights = 'A' | 'B' | 'AB' | 'AC' | 'BD';

/** Folds like the database's comptoir_fold (unaccent + lower): « Pêche Œuf » → "peche oeuf". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

export interface Token {
  /** As typed, folded, hyphens kept: "t-shirt". */
  text: string;
  /** Its words: ["t", "shirt"]. */
  parts: string[];
}

/** Words of letters and digits; a hyphenated word ("t-shirt", "perceuse-visseuse") stays one token. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  for (const m of fold(query).matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) tokens.push({ text: m[0], parts: m[0].split('-') });
  return tokens;
}

/** Plurals folded for the synonym lookup only: "baskets" → "basket", "couteaux" → "couteau". */
function singular(word: string): string {
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.length > 4 && word.endsWith('x')) return word.slice(0, -1);
  return word;
}

const keyOf = (parts: readonly string[]) => parts.map(singular).join(' ');
const partsOf = (phrase: string) => tokenize(phrase).flatMap((t) => t.parts);

export interface Alternative {
  config: Config;
  /** Folded text, matched as a phrase (phraseto_tsquery). */
  text: string;
  weights: Weights;
  /** The start of a word still being typed (suggestions as you type): its last word matched as a prefix. */
  prefix?: true;
}

/**
 * A word being typed, as the start of a word of the names and brands: « poe » finds the lexeme
 * « poel » of « Poêle ». As written, not stemmed: a stemmer cuts a start short (French stems « poe »
 * to « po », which starts half the catalogue). A start that runs past its word's stem (« poele »
 * against « poel ») is found by the word itself, stemmed, beside it in the plan; one that stems to
 * nothing useful (« randonn ») by the correction towards the catalogue's words it starts.
 */
export function prefixAlternatives(token: Token): Alternative[] {
  return [{ config: 'simple', text: token.text, weights: 'AB', prefix: true }];
}

/**
 * A prefix alternative as to_tsquery's input: its words one after the other, the last a prefix,
 * each on the alternative's weights — « t-sh » → `'t':AB <-> 'sh':*AB`. The words are letters and
 * digits only (tokenize), so nothing in them needs quoting.
 */
export function prefixQueryText(alt: Alternative): string {
  const parts = alt.text.split('-');
  return parts.map((p, i) => `'${p}':${i === parts.length - 1 ? '*' : ''}${alt.weights}`).join(' <-> ');
}

/**
 * The synonym list's words that start with a word being typed (three letters at least, the first
 * few in alphabetical order): « sneak » reads as "sneaker", and so finds the « baskets ».
 */
export function synonymsStartingWith(start: string, max = 3): Alternative[] {
  if (start.length < 3 || !/^[\p{L}\p{N}]+$/u.test(start)) return [];
  const keys = [...INDEX.keys()].filter((k) => k !== start && k.startsWith(start) && !k.includes(' ')).sort();
  return keys.slice(0, max).flatMap((k) => synonymAlternatives(INDEX.get(k)!));
}

interface Entry {
  /** The groups' words, in each language. */
  fr: Set<string>;
  en: Set<string>;
  /** The languages the key itself is listed in (neither: a `typed` word, not looked for itself). */
  inFr: boolean;
  inEn: boolean;
}

/** The synonym list as a lookup: key of a word or phrase → every word of its groups. */
export function synonymIndex(groups: readonly SynonymGroup[] = SYNONYM_GROUPS): Map<string, Entry> {
  const index = new Map<string, Entry>();
  for (const g of groups) {
    const fr = g.fr.map((w) =>
      tokenize(w)
        .map((t) => t.text)
        .join(' '),
    );
    const en = g.en.map((w) =>
      tokenize(w)
        .map((t) => t.text)
        .join(' '),
    );
    for (const [lang, words] of [
      ['fr', g.fr],
      ['en', g.en],
      ['typed', g.typed ?? []],
    ] as const) {
      for (const word of words) {
        const key = keyOf(partsOf(word));
        const entry = index.get(key) ?? { fr: new Set<string>(), en: new Set<string>(), inFr: false, inEn: false };
        fr.forEach((w) => entry.fr.add(w));
        en.forEach((w) => entry.en.add(w));
        if (lang === 'fr') entry.inFr = true;
        else if (lang === 'en') entry.inEn = true;
        index.set(key, entry);
      }
    }
  }
  return index;
}

const INDEX = synonymIndex();
/** The longest phrase of the list, in words. */
const LONGEST = Math.max(...[...INDEX.keys()].map((k) => k.split(' ').length));

/** Every word of the synonym list, folded: typos are corrected towards them too ("jumpr" → "jumper"). */
export const SYNONYM_WORDS: readonly string[] = [...new Set([...INDEX.keys()].flatMap((k) => k.split(' ')).filter((w) => w.length >= 4))];

export interface Position {
  /** What the shopper typed for it, folded: "tee shirt". */
  literal: string;
  /** A single word that no synonym covers (it may be a stop word, or a typo to correct). */
  single: boolean;
  /** The languages to look the literal up in: those its synonym list entry names, else both (a `typed` word: neither). */
  fr: boolean;
  en: boolean;
  /** The synonyms' words, each in its own language, in product names only. */
  synonyms: Alternative[];
}

function synonymAlternatives(entry: Entry): Alternative[] {
  return [
    ...[...entry.fr].map((text): Alternative => ({ config: 'french', text, weights: 'A' })),
    ...[...entry.en].map((text): Alternative => ({ config: 'english', text, weights: 'B' })),
  ];
}

/** The query's positions: at each token, the longest phrase of the synonym list, else the token alone. */
export function positions(tokens: readonly Token[]): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < tokens.length;) {
    let matched = false;
    for (let j = tokens.length; j > i; j--) {
      const span = tokens.slice(i, j);
      const parts = span.flatMap((t) => t.parts);
      if (parts.length > LONGEST) continue;
      const entry = INDEX.get(keyOf(parts));
      if (!entry) continue;
      out.push({ literal: span.map((t) => t.text).join(' '), single: false, fr: entry.inFr, en: entry.inEn, synonyms: synonymAlternatives(entry) });
      i = j;
      matched = true;
      break;
    }
    if (!matched) {
      out.push({ literal: tokens[i]!.text, single: true, fr: true, en: true, synonyms: [] });
      i++;
    }
  }
  return out;
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return Math.min(d[a.length]![b.length]!, max + 1);
}

/** How many typing mistakes a word of this length may carry and still be corrected. */
export function allowedEdits(word: string): number {
  return word.length < 4 ? 0 : word.length <= 5 ? 1 : 2;
}

/** A word worth correcting: letters only, long enough for its trigrams to mean something. */
export function correctable(word: string): boolean {
  return word.length >= 4 && /^\p{L}+$/u.test(word);
}

/** A barcode typed or scanned: 13 digits, spaces allowed between them. */
export function asEan13(query: string): string | null {
  const digits = query.replace(/\s+/g, '');
  return /^\d{13}$/.test(digits) ? digits : null;
}
