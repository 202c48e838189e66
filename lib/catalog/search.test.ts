import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct } from '@/test/support/fixtures';
import { searchProducts, suggestSearches } from './search';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let ean: string;

const slugs = async (q: string) => (await searchProducts(q, 'fr')).map((p) => p.slug);

beforeAll(async () => {
  conn = await useTestDatabase();
  const db = conn.db;
  const wear = await insertCategory(db, 'vetements', 'Vêtements', 'Clothes');
  const sport = await insertCategory(db, 'sport', 'Sport', 'Sport');
  await insertProduct(db, {
    slug: 'sweat-capuche',
    categoryId: wear,
    nameFr: 'Sweat à capuche Atelier Nord Brume',
    nameEn: 'Hooded sweatshirt Atelier Nord Brume',
    brand: 'Atelier Nord',
  });
  await insertProduct(db, {
    slug: 'tshirt-bio',
    categoryId: wear,
    nameFr: 'T-shirt en coton bio Cotonnier Pima',
    nameEn: 'Organic cotton T-shirt Cotonnier Pima',
    brand: 'Cotonnier',
  });
  await insertProduct(db, {
    slug: 'chemise-lin',
    categoryId: wear,
    nameFr: 'Chemise en lin Varenne Oxford',
    nameEn: 'Linen shirt Varenne Oxford',
    brand: 'Varenne',
  });
  await insertProduct(db, {
    slug: 'rando',
    categoryId: sport,
    nameFr: 'Chaussures de randonnée imperméables Alpéa Crête 500',
    nameEn: 'Waterproof hiking shoes Alpéa Crête 500',
    brand: 'Alpéa',
  });
  await insertProduct(db, {
    slug: 'ballon-basket',
    categoryId: sport,
    nameFr: 'Ballon de basket Rebond Street',
    nameEn: 'Basketball Rebond Street',
    brand: 'Rebond',
  });
  await insertProduct(db, {
    slug: 'running',
    categoryId: sport,
    nameFr: 'Chaussures de running amorties Foulée Tempo',
    nameEn: 'Cushioned running shoes Foulée Tempo',
    brand: 'Foulée',
  });
  const yoga = await insertProduct(db, {
    slug: 'tapis-yoga',
    categoryId: sport,
    nameFr: 'Tapis de yoga antidérapant Zénith Souffle',
    nameEn: 'Non-slip yoga mat Zénith Souffle',
    brand: 'Zénith',
  });
  await db.execute(
    sql`UPDATE products SET description_fr = 'Le tapis accroche même en sueur.', description_en = 'The mat grips even when you sweat.' WHERE slug = 'tapis-yoga'`,
  );
  await insertProduct(db, {
    slug: 'perceuse',
    categoryId: sport,
    nameFr: 'Perceuse-visseuse sans fil Ferrox 18V Pro',
    nameEn: 'Cordless drill driver Ferrox 18V Pro',
    brand: 'Ferrox',
  });
  await insertProduct(db, {
    slug: 'tente',
    categoryId: sport,
    nameFr: 'Tente de camping Bivouac Refuge',
    nameEn: 'Camping tent Bivouac Refuge',
    brand: 'Bivouac',
  });
  // A product named exactly as a shopper may type it, and one that only mentions the words.
  await insertProduct(db, { slug: 'gourde', categoryId: sport, nameFr: 'Gourde isotherme', nameEn: 'Insulated water bottle', brand: 'Zénith' });
  await insertProduct(db, {
    slug: 'gourde-2',
    categoryId: sport,
    nameFr: 'Gourde isotherme Alpéa Glacier',
    nameEn: 'Insulated water bottle Alpéa Glacier',
    brand: 'Alpéa',
  });
  [{ ean13: ean }] = (await db.execute<{ ean13: string }>(sql`SELECT ean13 FROM skus WHERE id = ${yoga.skuIds[0]!}`)).rows as [{ ean13: string }];
});
afterAll(async () => conn?.drop());

describe('searchProducts', () => {
  it('finds a product through a synonym, in either language, both ways', async () => {
    for (const q of ['pull', 'pulls', 'jumper', 'sweater', 'hoodie', 'sweat']) expect(await slugs(q), q).toEqual(['sweat-capuche']);
    for (const q of ['tee shirt', 'tee-shirt', 'tshirt', 'T-shirts']) expect(await slugs(q), q).toEqual(['tshirt-bio']);
    for (const q of ['perceuse', 'visseuse', 'drill', 'perceuse visseuse']) expect(await slugs(q), q).toEqual(['perceuse']);
  });

  it('keeps each language to its own text: "sweater" and "sweat" do not find the mat whose English description says sweat', async () => {
    expect(await slugs('sweater')).not.toContain('tapis-yoga');
    expect(await slugs('sweat')).not.toContain('tapis-yoga');
    // Typed in English, the word still finds the English description.
    expect(await slugs('mat grips')).toEqual(['tapis-yoga']);
  });

  it('reads « baskets » as sneakers, and « ballon de basket » as the ball', async () => {
    expect(await slugs('baskets')).toEqual(['running']);
    expect(await slugs('ballon de basket')).toEqual(['ballon-basket']);
  });

  it('folds accents and capitals, and stems plurals', async () => {
    for (const q of ['randonnee', 'RANDONNÉE', 'chaussures randonnée', 'chaussure', 'alpea', 'imperméable']) expect(await slugs(q), q).toContain('rando');
  });

  it('corrects typing mistakes towards the words of the catalogue', async () => {
    expect(await slugs('chausure')).toEqual(expect.arrayContaining(['rando', 'running']));
    expect(await slugs('perseuse')).toEqual(['perceuse']);
    expect(await slugs('tenet')).toEqual(['tente']);
    expect(await slugs('jumpr')).toEqual(['sweat-capuche']);
  });

  it('puts the product named exactly as typed first, and a barcode first', async () => {
    expect((await slugs('gourde isotherme'))[0]).toBe('gourde');
    expect((await slugs('Gourde Isotherme Alpéa Glacier'))[0]).toBe('gourde-2');
    expect(await slugs(ean)).toEqual(['tapis-yoga']);
    expect(await slugs(`${ean.slice(0, 1)} ${ean.slice(1, 7)} ${ean.slice(7)}`)).toEqual(['tapis-yoga']);
  });

  it('with a word the catalogue lacks, shows what matches the others', async () => {
    expect(await slugs('pull homme')).toEqual(['sweat-capuche']);
    expect(await slugs('zzzqqqxx')).toEqual([]);
  });

  it('forgets the words of a withdrawn product, and learns those of a renamed one', async () => {
    await conn.db.execute(sql`UPDATE products SET withdrawn_at = now() WHERE slug = 'tente'`);
    expect(await slugs('tenet')).toEqual([]);
    await conn.db.execute(sql`UPDATE products SET withdrawn_at = NULL, name_fr = 'Tente dôme Bivouac Refuge' WHERE slug = 'tente'`);
    expect(await slugs('dome')).toEqual(['tente']);
    const words = await conn.db.execute<{ word: string; label: string; products: number }>(
      sql`SELECT word, label, products FROM catalog_search_words WHERE word IN ('dome', 'camping', 'tente')  ORDER BY word`,
    );
    expect(words.rows).toEqual([
      { word: 'camping', label: 'Camping', products: 1 },
      { word: 'dome', label: 'dôme', products: 1 },
      { word: 'tente', label: 'Tente', products: 1 },
    ]);
  });
});

describe('suggestSearches ("did you mean")', () => {
  it('offers the nearest words of the catalogue that find something, with their accents', async () => {
    const suggestions = await suggestSearches('ramdonée');
    expect(suggestions[0]).toBe('randonnée');
    // Once per word, in lower case where the list writes it so (the name has « Perceuse-visseuse »).
    expect(await suggestSearches('perceuzzz')).toEqual(['perceuse']);
    expect(await suggestSearches('zzzqqqxx')).toEqual([]);
    expect(await suggestSearches('perceuse')).toEqual([]);
  });
});
