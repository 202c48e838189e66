import { importWithin } from '../../import/run';
import { skus } from '../schema';
import { CATEGORIES } from './catalog-categories';
import type { Pair, ProductTemplate } from './catalog-types';
import { seedEan13 } from './ean';
import { productImagePath } from './images';
import type { Rng } from './prng';
import { HOME_TEMPLATES } from './templates-home';
import { MORE_TEMPLATES } from './templates-more';
import { WEAR_TEMPLATES } from './templates-wear';
import { fill, uniqueSlugger } from './text';
import type { SeedTx } from './types';

export const PRODUCT_TEMPLATES: readonly ProductTemplate[] = [...WEAR_TEMPLATES, ...HOME_TEMPLATES, ...MORE_TEMPLATES];

export interface BuiltSku {
  ean13: string;
  size: string | null;
  colour: string | null;
  priceCents: number;
  position: number;
}

export interface BuiltProduct {
  slug: string;
  category: string;
  brand: string;
  nameFr: string;
  nameEn: string;
  descriptionFr: string;
  descriptionEn: string;
  images: string[];
  skus: BuiltSku[];
}

function price(rng: Rng, [min, max]: readonly [number, number]): number {
  return rng.int(Math.ceil(min / 100), Math.floor((max + 1) / 100)) * 100 - 1;
}

/**
 * The catalogue from the templates: one pass gives the demo catalogue; later passes (large scale)
 * add numbered model generations until there are at least `minSkus` SKUs.
 */
export function buildCatalog(rng: Rng, minSkus = 0): BuiltProduct[] {
  const slug = uniqueSlugger();
  const byCategory = new Map(CATEGORIES.map((c) => [c.slug, c]));
  const out: BuiltProduct[] = [];
  let skuCount = 0;
  for (let round = 0; round === 0 || skuCount < minSkus; round++) {
    for (const t of PRODUCT_TEMPLATES) {
      const category = byCategory.get(t.category);
      if (!category) throw new Error(`unknown category ${t.category}`);
      for (let j = 0; j < t.count && (round === 0 || skuCount < minSkus); j++) {
        const [nameFr, nameEn] = t.names[(j + round) % t.names.length] as Pair;
        const brand = rng.pick(t.brands);
        const baseModel = t.models[j % t.models.length] as string;
        const model = round === 0 ? baseModel : `${baseModel} v${round + 1}`;
        const values = { brand, model };
        const note = rng.pick(category.notes);
        const closing = rng.pick(category.closings);
        const colours = t.colours ? rng.sample(t.colours, rng.int(1, t.maxColours ?? 1)) : [null];
        const sizes = t.sizes?.labels ?? [null];
        const base = price(rng, t.price);
        const productSkus: BuiltSku[] = [];
        for (const colour of colours) {
          sizes.forEach((size, i) => {
            productSkus.push({
              ean13: seedEan13(skuCount++),
              size,
              colour,
              priceCents: base + i * (t.sizes?.step ?? 0),
              position: productSkus.length,
            });
          });
        }
        const variant = 1 + ((j + round) % 3);
        const named = colours.filter((c): c is string => c !== null);
        out.push({
          slug: slug(`${nameFr} ${brand} ${model}`),
          category: t.category,
          brand,
          nameFr: `${nameFr} ${brand} ${model}`,
          nameEn: `${nameEn} ${brand} ${model}`,
          descriptionFr: [fill(t.desc[0], values), note[0], closing[0]].join(' '),
          descriptionEn: [fill(t.desc[1], values), note[1], closing[1]].join(' '),
          images:
            named.length > 0
              ? named.slice(0, 3).map((c) => productImagePath(t.kind, variant, c))
              : [productImagePath(t.kind, variant), productImagePath(t.kind, variant + 3)],
          skus: productSkus,
        });
      }
    }
  }
  return out;
}

/**
 * Loads the departments, products, SKUs and pictures through the import (lib/import), as a
 * retailer's files would come in; returns the SKU ids in the catalogue's order (ids follow the
 * rows' order, so they are the ones a direct insert gave).
 */
export async function insertCatalog(tx: SeedTx, built: BuiltProduct[]): Promise<{ skuIds: number[] }> {
  const load = (kind: 'categories' | 'products' | 'skus' | 'pictures', body: unknown[]) =>
    importWithin(tx, { kind, format: 'json', body, actor: { type: 'seed' }, locale: 'fr', fileName: `seed-${kind}.json` });
  await load(
    'categories',
    CATEGORIES.map((c, position) => ({ slug: c.slug, name_fr: c.nameFr, name_en: c.nameEn, position })),
  );
  await load(
    'products',
    built.map((p) => ({
      slug: p.slug,
      department: p.category,
      brand: p.brand,
      name_fr: p.nameFr,
      name_en: p.nameEn,
      description_fr: p.descriptionFr,
      description_en: p.descriptionEn,
    })),
  );
  await load(
    'skus',
    built.flatMap((p) =>
      p.skus.map((k) => ({ product: p.slug, ean: k.ean13, size: k.size, colour: k.colour, price_cents: k.priceCents, position: k.position })),
    ),
  );
  await load(
    'pictures',
    built.flatMap((p) => p.images.map((url, position) => ({ product: p.slug, position, url }))),
  );
  const ids = new Map<string, number>();
  for (const r of await tx.select({ id: skus.id, ean13: skus.ean13 }).from(skus)) ids.set(r.ean13, r.id);
  return { skuIds: built.flatMap((p) => p.skus.map((k) => ids.get(k.ean13) as number)) };
}
