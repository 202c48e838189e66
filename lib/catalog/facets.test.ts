import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertCategory, insertProduct, insertStore, setStock } from '@/test/support/fixtures';
import { NO_FACETS, parseFacetParams, type FacetParams } from './facet-params';
import { countFacets, countStockFacets, listFacetedProducts, NO_STORE, type Facets, type StockContext } from './facets';

/*
 * A small department whose SKUs tell the rules apart:
 *   pull  (Alpéa)   M navy 30 €, L navy 30 €, M red 35 €
 *   sweat (Brisant) S grey 20 €, M grey 20 €
 *   veste (Alpéa)   L black 120 €
 * and a withdrawn product, and a product of another department, that no list or count may show.
 * Lyon (my store) holds the pull's M navy (2) and the sweat's S; the pull's L navy is all reserved.
 * The drive store holds only the veste.
 */

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let clothes: number;
let ids: { pull: number; sweat: number; veste: number };
let ctx: StockContext;

beforeAll(async () => {
  conn = await useTestDatabase();
  const db = conn.db;
  clothes = await insertCategory(db, 'vetements', 'Vêtements', 'Clothes');
  const other = await insertCategory(db, 'cuisine', 'Cuisine', 'Kitchen');
  const pull = await insertProduct(db, {
    slug: 'pull-marin',
    categoryId: clothes,
    nameFr: 'Pull marin',
    nameEn: 'Breton jumper',
    brand: 'Alpéa',
    skus: [
      { size: 'M', colour: 'navy', priceCents: 3000 },
      { size: 'L', colour: 'navy', priceCents: 3000 },
      { size: 'M', colour: 'red', priceCents: 3500 },
    ],
  });
  const sweat = await insertProduct(db, {
    slug: 'sweat',
    categoryId: clothes,
    nameFr: 'Sweat',
    nameEn: 'Sweatshirt',
    brand: 'Brisant',
    skus: [
      { size: 'S', colour: 'grey', priceCents: 2000 },
      { size: 'M', colour: 'grey', priceCents: 2000 },
    ],
  });
  const veste = await insertProduct(db, {
    slug: 'veste',
    categoryId: clothes,
    nameFr: 'Veste',
    nameEn: 'Jacket',
    brand: 'Alpéa',
    skus: [{ size: 'L', colour: 'black', priceCents: 12000 }],
  });
  const gone = await insertProduct(db, { slug: 'retire', categoryId: clothes, nameFr: 'Retiré', nameEn: 'Withdrawn', brand: 'Zed', skus: [{ size: 'M' }] });
  await db.execute(sql`UPDATE products SET withdrawn_at = now() WHERE id = ${gone.productId}`);
  await insertProduct(db, { slug: 'poele', categoryId: other, nameFr: 'Poêle', nameEn: 'Pan', brand: 'Zed', skus: [{ size: 'M', colour: 'red' }] });
  ids = { pull: pull.productId, sweat: sweat.productId, veste: veste.productId };
  const lyon = await insertStore(db, { slug: 'lyon', lat: 45.76, lng: 4.86 });
  const drive = await insertStore(db, { slug: 'drive', lat: 45.7, lng: 4.9, drive: true });
  await setStock(db, lyon, pull.skuIds[0]!, 2);
  await setStock(db, lyon, pull.skuIds[1]!, 5, 5);
  await setStock(db, lyon, pull.skuIds[2]!, 0);
  await setStock(db, lyon, sweat.skuIds[0]!, 1);
  await setStock(db, drive, veste.skuIds[0]!, 3);
  await setStock(db, drive, gone.skuIds[0]!, 9);
  ctx = { storeId: lyon, driveStoreId: drive };
});
afterAll(async () => conn?.drop());

const scope = () => ({ categoryId: clothes });
const f = (p: Partial<FacetParams>): FacetParams => ({ ...NO_FACETS, ...p });
const counts = (values: { value: string; count: number }[]) => Object.fromEntries(values.map((v) => [v.value, v.count]));
const slugs = async (p: Partial<FacetParams>, c: StockContext = ctx) => (await listFacetedProducts(scope(), f(p), 'fr', c)).items.map((i) => i.slug);

describe('countFacets', () => {
  it('counts each value of the department, no filter on, withdrawn and other departments left out', async () => {
    const facets = await countFacets(scope(), NO_FACETS, ctx);
    expect(counts(facets.brand)).toEqual({ Alpéa: 2, Brisant: 1 });
    expect(facets.size.map((s) => s.value)).toEqual(['S', 'M', 'L']);
    expect(counts(facets.size)).toEqual({ S: 1, M: 2, L: 2 });
    expect(counts(facets.colour)).toEqual({ black: 1, grey: 1, navy: 1, red: 1 });
    // Bands include both bounds: the sweat at 20 € is in 0–20 € and in 20–50 €.
    expect(facets.price.map((b) => b.count)).toEqual([1, 2, 0, 1, 0]);
    expect(facets.stock).toEqual({ store: 2, drive: 1 });
    expect(facets.total).toBe(3);
  });

  it("counts a value with the other facets' filters on and its own left out", async () => {
    const facets: Facets = await countFacets(scope(), f({ size: ['M'] }), ctx);
    expect(facets.total).toBe(2);
    expect(counts(facets.size)).toEqual({ S: 1, M: 2, L: 2 });
    expect(counts(facets.brand)).toEqual({ Alpéa: 1, Brisant: 1 });
    expect(counts(facets.colour)).toEqual({ black: 0, grey: 1, navy: 1, red: 1 });
    // In stock at Lyon in size M: the pull (M navy) only — the sweat's M is not there.
    expect(facets.stock).toEqual({ store: 1, drive: 0 });
  });

  it('counts availability with the other filters and leaves it out without a store', async () => {
    expect((await countFacets(scope(), f({ size: ['L'] }), ctx)).stock).toEqual({ store: 0, drive: 1 });
    const none = await countFacets(scope(), f({ stock: 'store' }), NO_STORE);
    expect(none.stock).toEqual({ store: null, drive: null });
    expect(none.total).toBe(3);
    expect(await countStockFacets(scope(), f({ brand: ['Brisant'] }), ctx)).toEqual({ store: 1, drive: 0 });
    expect(await countStockFacets(scope(), NO_FACETS, NO_STORE)).toEqual({ store: null, drive: null });
  });
});

describe('listFacetedProducts', () => {
  it('keeps a product when one SKU passes every filter: size and colour are the same SKU', async () => {
    expect(await slugs({ size: ['M'], colour: ['red'] })).toEqual(['pull-marin']);
    expect(await slugs({ size: ['L'], colour: ['red'] })).toEqual([]);
    expect(await slugs({ size: ['S', 'L'] })).toEqual(['pull-marin', 'sweat', 'veste']);
    expect(await slugs({ size: ['S', 'L'], colour: ['grey'] })).toEqual(['sweat']);
    expect(await slugs({ brand: ['Alpéa'], colour: ['black', 'grey'] })).toEqual(['veste']);
  });

  it("filters on price, and a card's price range is that of the SKUs kept", async () => {
    const { items, total } = await listFacetedProducts(scope(), f({ min: 32, max: 40 }), 'en', ctx);
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ slug: 'pull-marin', name: 'Breton jumper', minPriceCents: 3500, maxPriceCents: 3500 });
    expect(await slugs({ min: 100 })).toEqual(['veste']);
    expect(await slugs({ max: 20 })).toEqual(['sweat']);
  });

  it('filters on my store and on my drive store, with the units at my store on each card', async () => {
    const inStore = await listFacetedProducts(scope(), f({ stock: 'store', sort: 'price-asc' }), 'fr', ctx);
    expect(inStore.items.map((i) => [i.slug, i.availableAtStore])).toEqual([
      ['sweat', 1],
      ['pull-marin', 2],
    ]);
    expect(await slugs({ stock: 'store', size: ['L'] })).toEqual([]);
    expect(await slugs({ stock: 'drive' })).toEqual(['veste']);
    // Without a store the filter is left aside, and cards carry no stock.
    const anyone = await listFacetedProducts(scope(), f({ stock: 'store' }), 'fr', NO_STORE);
    expect(anyone.total).toBe(3);
    expect(anyone.items[0]?.availableAtStore).toBeUndefined();
  });

  it('sorts by price both ways, newest first, and by the scope’s own order', async () => {
    expect(await slugs({ sort: 'price-asc' })).toEqual(['sweat', 'pull-marin', 'veste']);
    expect(await slugs({ sort: 'price-desc' })).toEqual(['veste', 'pull-marin', 'sweat']);
    expect(await slugs({ sort: 'newest' })).toEqual(['veste', 'sweat', 'pull-marin']);
    expect(await slugs({})).toEqual(['pull-marin', 'sweat', 'veste']);
    const searched = await listFacetedProducts({ productIds: [ids.veste, ids.pull, ids.sweat] }, NO_FACETS, 'fr', ctx);
    expect(searched.items.map((i) => i.slug)).toEqual(['veste', 'pull-marin', 'sweat']);
    const narrowed = await countFacets({ productIds: [ids.veste, ids.sweat] }, NO_FACETS, ctx);
    expect(counts(narrowed.brand)).toEqual({ Alpéa: 1, Brisant: 1 });
  });

  it('pages through the list, the total kept', async () => {
    const second = await listFacetedProducts(scope(), f({ sort: 'price-asc', page: 2 }), 'fr', ctx, 2);
    expect(second.items.map((i) => i.slug)).toEqual(['veste']);
    expect(second.total).toBe(3);
  });

  it('reads junk from the URL as no match, never as an error', async () => {
    const junk = parseFacetParams({ brand: ['a"b\\c', "'; DROP TABLE products; --", '{x,y}'], size: '%', colour: ['', ' '], min: '-5', max: 'abc', sort: 'x' });
    expect(junk.min).toBeNull();
    const facets = await countFacets(scope(), junk, ctx);
    expect(facets.total).toBe(0);
    expect(counts(facets.brand)).toEqual({ Alpéa: 0, Brisant: 0 });
    expect(await listFacetedProducts(scope(), junk, 'fr', ctx)).toEqual({ items: [], total: 0 });
    // Ids out of range read as nothing.
    expect((await countFacets({ productIds: [0, -1, 2 ** 40] }, NO_FACETS, { storeId: 2 ** 40, driveStoreId: -3 })).total).toBe(0);
    expect((await countFacets({ categoryId: Number.NaN }, NO_FACETS)).total).toBe(0);
  });
});
