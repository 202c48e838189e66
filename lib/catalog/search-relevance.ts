import { PRODUCT_TEMPLATES } from '@/lib/db/seed/catalog';

/*
 * The shoppers' search, measured: what a French shopper types (synonyms, typos, plurals, missing
 * accents, brands, barcodes, English words on the French site) and the products of the seeded
 * catalogue each must find in the first ten results. A product is named by a stable property of
 * the seed — its kind (a template of lib/db/seed/templates-*.ts), the start of its French name, its
 * brand — so the set holds at every seed scale. lib/catalog/search-relevance.test.ts runs it on the
 * demo seed (recall at 10 ≥ 0.95); `npm run bench -- --only=search` on the large one.
 *
 * Recall of a query: the share of its products in the first ten (of at most ten: a query with
 * forty right answers scores 1 when the ten shown are right). A product of `never` in the first ten,
 * or a barcode's product not first, scores the query 0.
 */

export interface Find {
  /** Template kinds (lib/db/seed/templates-*.ts `kind`). */
  kinds?: readonly string[];
  /** Starts of French product names (a template's name variant: « Doudoune légère »). */
  names?: readonly string[];
  brands?: readonly string[];
}

export interface RelevanceCase {
  /** What is typed; `{ eanOf }`: the barcode of the first SKU of the first product of that kind. */
  q: string | { eanOf: string };
  find: Find;
  never?: Find;
}

export const RELEVANCE_CASES: readonly RelevanceCase[] = [
  // Synonyms, French and English, both ways
  { q: 'pull', find: { kinds: ['sweat'] } },
  { q: 'pulls', find: { kinds: ['sweat'] } },
  { q: 'sweat', find: { kinds: ['sweat'] } },
  { q: 'sweater', find: { kinds: ['sweat'] }, never: { kinds: ['tapis-yoga'] } },
  { q: 'jumper', find: { kinds: ['sweat'] } },
  { q: 'pullover', find: { kinds: ['sweat'] } },
  { q: 'hoodie', find: { names: ['Sweat à capuche'] } },
  { q: 'polaire', find: { names: ['Sweat col rond molletonné', 'Plaid polaire'] } },
  { q: 'tee-shirt', find: { kinds: ['tshirt'] } },
  { q: 'tee shirt', find: { kinds: ['tshirt'] } },
  { q: 'tshirt', find: { kinds: ['tshirt'] } },
  { q: 't-shirts', find: { kinds: ['tshirt'] } },
  { q: 'tee', find: { kinds: ['tshirt'] } },
  { q: 'baskets', find: { kinds: ['chaussures-running', 'chaussures-toile'] }, never: { kinds: ['ballon'] } },
  { q: 'basket en toile', find: { kinds: ['chaussures-toile'] } },
  { q: 'chaussure de sport', find: { kinds: ['chaussures-running', 'chaussures-toile'] } },
  { q: 'sneakers', find: { kinds: ['chaussures-running', 'chaussures-toile'] } },
  { q: 'trainers', find: { kinds: ['chaussures-running', 'chaussures-toile'] } },
  { q: 'ballon de basket', find: { names: ['Ballon de basket'] } },
  { q: 'ballon de foot', find: { names: ['Ballon de football'] } },
  { q: 'chaussures de rando', find: { kinds: ['chaussures-randonnee'] } },
  { q: 'hiking boots', find: { kinds: ['chaussures-randonnee'] } },
  { q: 'manteau', find: { kinds: ['veste'] } },
  { q: 'blouson', find: { kinds: ['veste'] } },
  { q: 'doudoune', find: { names: ['Doudoune légère'] } },
  { q: 'jean', find: { names: ['Jean coupe droite'] } },
  { q: 'perceuse', find: { kinds: ['perceuse'] } },
  { q: 'visseuse', find: { kinds: ['perceuse'] } },
  { q: 'drill', find: { kinds: ['perceuse'] } },
  { q: 'échelle', find: { kinds: ['escabeau'] } },
  { q: 'télé', find: { kinds: ['televiseur'] } },
  { q: 'tv', find: { kinds: ['televiseur'] } },
  { q: 'téléphone', find: { kinds: ['smartphone'] } },
  { q: 'écouteurs', find: { kinds: ['casque'] } },
  { q: 'haut-parleur', find: { kinds: ['enceinte'] } },
  { q: 'manette', find: { kinds: ['console'] } },
  { q: 'doudou', find: { kinds: ['peluche'] } },
  { q: 'lego', find: { kinds: ['jeu-construction'] } },
  { q: 'couverture', find: { kinds: ['plaid'] } },
  { q: 'luminaire', find: { kinds: ['lampe'] } },
  { q: 'tasse', find: { kinds: ['mug'] } },
  { q: 'bêche', find: { kinds: ['pelle'] } },
  { q: 'salon de jardin', find: { kinds: ['chaise-jardin'] } },
  { q: 'haltères', find: { kinds: ['halteres'] } },
  { q: 'tapis de sol', find: { kinds: ['tapis-yoga'] } },
  { q: 'thermos', find: { kinds: ['gourde'] } },
  { q: 'cocotte', find: { names: ['Cocotte en fonte'] } },
  { q: 'shampoing', find: { names: ['Shampooing doux'] } },
  // English words on the French site
  { q: 'hammer', find: { kinds: ['marteau'] } },
  { q: 'kettle', find: { kinds: ['bouilloire'] } },
  { q: 'candle', find: { kinds: ['bougie'] } },
  { q: 'frying pan', find: { kinds: ['poele'] } },
  { q: 'headphones', find: { kinds: ['casque'] } },
  { q: 'teddy bear', find: { names: ['Peluche ours'] } },
  { q: 'honey', find: { kinds: ['miel'] } },
  { q: 'coffee', find: { kinds: ['cafe'] } },
  { q: 'tent', find: { kinds: ['tente'] } },
  { q: 'lipstick', find: { kinds: ['rouge'] } },
  { q: 'screwdriver', find: { kinds: ['tournevis'] } },
  { q: 'watering can', find: { kinds: ['arrosoir'] } },
  // Typos
  { q: 'chausure', find: { kinds: ['chaussures-randonnee', 'chaussures-running', 'chaussures-ville', 'chaussures-toile', 'chaussures-enfant'] } },
  { q: 'perseuse', find: { kinds: ['perceuse'] } },
  { q: 'tournevice', find: { kinds: ['tournevis'] } },
  { q: 'bouiloire', find: { kinds: ['bouilloire'] } },
  { q: 'arossoir', find: { kinds: ['arrosoir'] } },
  { q: 'casrole', find: { names: ['Casserole en inox'] } },
  { q: 'parfun', find: { kinds: ['parfum'] } },
  { q: 'confitur', find: { kinds: ['confiture'] } },
  { q: 'chocolas', find: { kinds: ['chocolat'] } },
  { q: 'tenet', find: { kinds: ['tente'] } },
  { q: 'jumpr', find: { kinds: ['sweat'] } },
  { q: 'lampadere', find: { names: ['Lampadaire'] } },
  // Plurals and missing accents
  { q: 'chaussures randonnee', find: { kinds: ['chaussures-randonnee'] } },
  { q: 'poele', find: { kinds: ['poele'] } },
  { q: 'televiseur', find: { kinds: ['televiseur'] } },
  { q: 'creme hydratante', find: { names: ['Crème hydratante visage'] } },
  { q: 'the', find: { kinds: ['the'] } },
  { q: 'cafe moulu', find: { names: ['Café moulu'] } },
  { q: 'couteaux', find: { kinds: ['couteau'] } },
  { q: 'raquettes de tennis', find: { names: ['Raquette de tennis'] } },
  { q: 'peluches', find: { kinds: ['peluche'] } },
  { q: 'VESTE IMPERMEABLE', find: { names: ['Veste imperméable'] } },
  // Brands, alone or with a word
  { q: 'Alpéa', find: { brands: ['Alpéa'] } },
  { q: 'alpea', find: { brands: ['Alpéa'] } },
  { q: 'cotonnier', find: { brands: ['Cotonnier'] } },
  { q: 'ferrox', find: { brands: ['Ferrox'] } },
  { q: 'savonnerie du lac', find: { brands: ['Savonnerie du Lac'] } },
  { q: 'sonora casque', find: { kinds: ['casque'], brands: ['Sonora'] } },
  { q: 'eclat', find: { brands: ['Éclat'] } },
  // Several words, one absent from the catalogue
  { q: 'pull homme', find: { kinds: ['sweat'] } },
  { q: 'chaussures enfant', find: { kinds: ['chaussures-enfant'] } },
  // Barcodes
  { q: { eanOf: 'perceuse' }, find: {} },
  { q: { eanOf: 'sweat' }, find: {} },
  { q: { eanOf: 'miel' }, find: {} },
];

export type CatalogueProduct = {
  id: number;
  slug: string;
  nameFr: string;
  brand: string;
  /** Its first SKU's barcode. */
  ean13: string;
};

/** A product's template kind, from the start of its French name. */
export function kindOf(nameFr: string): string | undefined {
  let best: { kind: string; length: number } | undefined;
  for (const t of PRODUCT_TEMPLATES) {
    for (const [fr] of t.names) {
      if (nameFr.startsWith(`${fr} `) && (!best || fr.length > best.length)) best = { kind: t.kind, length: fr.length };
    }
  }
  return best?.kind;
}

function matches(p: CatalogueProduct, f: Find): boolean {
  const kind = kindOf(p.nameFr);
  const byKind = f.kinds ? kind !== undefined && f.kinds.includes(kind) : undefined;
  const byName = f.names ? f.names.some((n) => p.nameFr.startsWith(`${n} `)) : undefined;
  const byBrand = f.brands ? f.brands.includes(p.brand) : undefined;
  const given = [byKind, byName, byBrand].filter((b) => b !== undefined);
  // Several properties: all of them (« sonora casque »: Sonora's headphones).
  return given.length > 0 && given.every(Boolean);
}

export interface CaseResult {
  q: string;
  recall: number;
  relevant: number;
  /** What was missed or wrongly shown, for a failure message. */
  note: string;
}

/**
 * Runs every case through `search` (slugs, best first) against the catalogue's products and
 * returns each query's recall at 10.
 */
export async function measureRecall(
  products: readonly CatalogueProduct[],
  search: (q: string) => Promise<string[]>,
  cases: readonly RelevanceCase[] = RELEVANCE_CASES,
): Promise<CaseResult[]> {
  const oldest = [...products].sort((a, b) => a.id - b.id);
  const out: CaseResult[] = [];
  for (const c of cases) {
    let q: string;
    let relevant: CatalogueProduct[];
    let first: string | undefined;
    if (typeof c.q === 'string') {
      q = c.q;
      relevant = oldest.filter((p) => matches(p, c.find));
    } else {
      const kind = c.q.eanOf;
      const product = oldest.find((p) => kindOf(p.nameFr) === kind);
      if (!product) throw new Error(`no product of kind ${kind}`);
      q = product.ean13;
      relevant = [product];
      first = product.slug;
    }
    if (relevant.length === 0) throw new Error(`"${q}": no product of the catalogue is expected; fix the case`);
    const top = (await search(q)).slice(0, 10);
    const wanted = new Set(relevant.map((p) => p.slug));
    const found = top.filter((s) => wanted.has(s)).length;
    const unwanted = c.never ? top.filter((s) => products.some((p) => p.slug === s && matches(p, c.never!))) : [];
    let recall = found / Math.min(10, relevant.length);
    const notes: string[] = [];
    if (recall < 1) notes.push(`found ${found} of ${Math.min(10, relevant.length)}; top: ${top.slice(0, 5).join(', ') || 'nothing'}`);
    if (unwanted.length) {
      recall = 0;
      notes.push(`shows ${unwanted.join(', ')}`);
    }
    if (first && top[0] !== first) {
      recall = 0;
      notes.push(`${first} not first`);
    }
    out.push({ q, recall, relevant: relevant.length, note: notes.join('; ') });
  }
  return out;
}

export const meanRecall = (results: readonly CaseResult[]) => results.reduce((s, r) => s + r.recall, 0) / results.length;
