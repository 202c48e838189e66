import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct } from '@/test/support/fixtures';
import { searchProducts } from './search';
import { suggest } from './suggest';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let drillEan: string;

const slugs = async (q: string, locale: 'fr' | 'en' = 'fr') => (await suggest(q, locale)).products.map((p) => p.slug);

beforeAll(async () => {
  conn = await useTestDatabase();
  const db = conn.db;
  const kitchen = await insertCategory(db, 'cuisine', 'Cuisine', 'Kitchen');
  const diy = await insertCategory(db, 'bricolage', 'Bricolage', 'DIY');
  const shoes = await insertCategory(db, 'chaussures', 'Chaussures', 'Shoes');
  await insertProduct(db, {
    slug: 'poele',
    categoryId: kitchen,
    nameFr: 'Poêle antiadhésive Cuivra 28 cm',
    nameEn: 'Non-stick frying pan Cuivra 28 cm',
    brand: 'Cuivra',
    skus: [
      { size: '24 cm', priceCents: 2490 },
      { size: '28 cm', priceCents: 2990 },
    ],
  });
  await insertProduct(db, {
    slug: 'poele-acier',
    categoryId: kitchen,
    nameFr: 'Poêle en acier Forgeon',
    nameEn: 'Carbon steel frying pan Forgeon',
    brand: 'Forgeon',
  });
  await insertProduct(db, { slug: 'pot-lait', categoryId: kitchen, nameFr: 'Pot à lait émaillé Tasso', nameEn: 'Enamel milk jug Tasso', brand: 'Tasso' });
  await insertProduct(db, {
    slug: 'casserole',
    categoryId: kitchen,
    nameFr: 'Casserole inox Cuivra 18 cm',
    nameEn: 'Stainless saucepan Cuivra 18 cm',
    brand: 'Cuivra',
  });
  await insertProduct(db, {
    slug: 'bouilloire',
    categoryId: kitchen,
    nameFr: 'Bouilloire électrique Vapeur',
    nameEn: 'Electric kettle Vapeur',
    brand: 'Vapeur',
  });
  const drill = await insertProduct(db, {
    slug: 'perceuse',
    categoryId: diy,
    nameFr: 'Perceuse-visseuse sans fil Ferrox 18V',
    nameEn: 'Cordless drill driver Ferrox 18V',
    brand: 'Ferrox',
  });
  await insertProduct(db, {
    slug: 'running',
    categoryId: shoes,
    nameFr: 'Chaussures de running Foulée Tempo',
    nameEn: 'Running shoes Foulée Tempo',
    brand: 'Foulée',
  });
  for (let i = 1; i <= 8; i++) {
    await insertProduct(db, { slug: `mug-${i}`, categoryId: kitchen, nameFr: `Mug en grès Tasso ${i}`, nameEn: `Stoneware mug Tasso ${i}`, brand: 'Tasso' });
  }
  await insertProduct(db, { slug: 'poele-retiree', categoryId: kitchen, nameFr: 'Poêle retirée Cuivra', nameEn: 'Withdrawn pan Cuivra', brand: 'Cuivra' });
  await db.execute(sql`UPDATE products SET withdrawn_at = now() WHERE slug = 'poele-retiree'`);
  await db.execute(sql`UPDATE products SET images = '["/img/p/poele.svg"]' WHERE slug = 'poele'`);
  [{ ean13: drillEan }] = (await db.execute<{ ean13: string }>(sql`SELECT ean13 FROM skus WHERE id = ${drill.skuIds[0]!}`)).rows as [{ ean13: string }];
});
afterAll(async () => conn?.drop());

describe('suggest: what the header search box offers as a shopper types', () => {
  it('finds the products whose names have a word starting with what is typed, from two letters', async () => {
    expect((await slugs('poe')).sort()).toEqual(['poele', 'poele-acier']);
    expect((await slugs('po')).sort()).toEqual(['poele', 'poele-acier', 'pot-lait']);
    // The start as typed, not stemmed: French stems « poe » to « po », which would find the pot too.
    expect((await slugs('poe')).sort()).toEqual(['poele', 'poele-acier']);
    expect(await slugs('bouil')).toEqual(['bouilloire']);
    // Earlier words are whole words; the last one a start.
    expect(await slugs('poele ac')).toEqual(['poele-acier']);
    expect(await suggest('p', 'fr')).toEqual({ products: [], departments: [], brands: [] });
    expect(await suggest('  ', 'fr')).toEqual({ products: [], departments: [], brands: [] });
    expect(await suggest('!!??', 'fr')).toEqual({ products: [], departments: [], brands: [] });
  });

  it('reads a word followed by a space as finished: « bouil » finds the kettle, « bouil␠» does not', async () => {
    expect(await slugs('bouil')).toEqual(['bouilloire']);
    expect(await slugs('bouil ')).toEqual([]);
  });

  it('folds accents and capitals: « poe », « POÊ », « Poêl » and « poele » all find the Poêle', async () => {
    for (const q of ['poe', 'POÊ', 'Poêl', 'poele', 'POELE', 'poêle']) expect(await slugs(q), q).toContain('poele');
    expect(await slugs('electri')).toEqual(['bouilloire']);
  });

  it('answers in the asked language, matching both: « fry » and « poê » find the pans in English and in French', async () => {
    const en = await suggest('fry', 'en');
    expect(en.products.map((p) => p.name).sort()).toEqual(['Carbon steel frying pan Forgeon', 'Non-stick frying pan Cuivra 28 cm']);
    const fr = await suggest('fry', 'fr');
    expect(fr.products.map((p) => p.name).sort()).toEqual(['Poêle antiadhésive Cuivra 28 cm', 'Poêle en acier Forgeon']);
  });

  it('goes through the synonym list, whole words and starts of them: « skillet », « skill » find the poêles', async () => {
    expect((await slugs('skillet')).sort()).toEqual(['poele', 'poele-acier']);
    expect((await slugs('skill')).sort()).toEqual(['poele', 'poele-acier']);
    expect(await slugs('kettle')).toEqual(['bouilloire']);
  });

  it('corrects a typing mistake when nothing starts with the word: « perseuse », « perseu » find the perceuse', async () => {
    expect(await slugs('perseuse')).toEqual(['perceuse']);
    expect(await slugs('perseu')).toEqual(['perceuse']);
    // A start with a mistake in it: « case » starts no word, « cass » does.
    expect(await slugs('case')).toEqual(['casserole']);
    expect(await slugs('cass')).toEqual(['casserole']);
  });

  it('finds a product by its barcode', async () => {
    expect(await slugs(drillEan)).toEqual(['perceuse']);
  });

  it('offers at most six products, and never a withdrawn one', async () => {
    expect(await slugs('mug')).toHaveLength(6);
    expect(await slugs('poe')).not.toContain('poele-retiree');
    expect((await suggest('cuiv', 'fr')).products.map((p) => p.slug)).not.toContain('poele-retiree');
  });

  it('gives each product its name in the language, brand, price range and picture', async () => {
    const [pan] = (await suggest('antiadh', 'fr')).products;
    expect(pan).toEqual({
      id: expect.any(Number),
      slug: 'poele',
      name: 'Poêle antiadhésive Cuivra 28 cm',
      brand: 'Cuivra',
      image: '/img/p/poele.svg',
      minPriceCents: 2490,
      maxPriceCents: 2990,
    });
  });

  it('names the departments whose name the words start, in the asked language', async () => {
    expect((await suggest('cuis', 'fr')).departments).toEqual([{ slug: 'cuisine', name: 'Cuisine' }]);
    expect((await suggest('kitch', 'fr')).departments).toEqual([{ slug: 'cuisine', name: 'Cuisine' }]);
    expect((await suggest('kitch', 'en')).departments).toEqual([{ slug: 'cuisine', name: 'Kitchen' }]);
    expect((await suggest('brico', 'en')).departments).toEqual([{ slug: 'bricolage', name: 'DIY' }]);
    expect((await suggest('poe', 'fr')).departments).toEqual([]);
  });

  it('names the brands the words start (the one with the most products first), not those the products merely carry', async () => {
    expect((await suggest('cuiv', 'fr')).brands).toEqual(['Cuivra']);
    expect((await suggest('FOUL', 'fr')).brands).toEqual(['Foulée']);
    expect((await suggest('poe', 'fr')).brands).toEqual([]);
    // Every word must be in the brand: « poêle cuivra » is a product, not a brand.
    expect((await suggest('poele cuiv', 'fr')).brands).toEqual([]);
    expect(await slugs('poele cuiv')).toEqual(['poele']);
  });

  it('leaves the search page as it was: a start of a word finds nothing there', async () => {
    expect(await searchProducts('bouil', 'fr')).toEqual([]);
    expect((await searchProducts('bouilloire', 'fr')).map((p) => p.slug)).toEqual(['bouilloire']);
  });
});
