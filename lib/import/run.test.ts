import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertUser } from '@/test/support/fixtures';
import { runImport, type ImportInput } from './run';

/*
 * runImport on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): the rows of every
 * kind, refusals by line and column in both languages, all or nothing, idempotency, counts and
 * movements against reserved units.
 */

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let adminId: number;

const EAN_A = '4006381333931';
const EAN_B = '4006381333948';
const EAN_C = '3760158042716'; // valid check digit, unknown to the catalogue at first

const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => (await conn.db.execute<T>(query)).rows;

function imp(kind: ImportInput['kind'], body: string | unknown[], extra: Partial<ImportInput> = {}) {
  return runImport({
    kind,
    format: typeof body === 'string' && !body.trimStart().startsWith('[') ? 'csv' : 'json',
    body,
    actor: { type: 'user', userId: adminId },
    locale: 'en',
    ...extra,
  });
}

beforeAll(async () => {
  conn = await useTestDatabase();
  adminId = await insertUser(conn.db, { email: 'admin@example.com', role: 'admin' });
});

afterAll(async () => conn?.drop());

describe('JSON rows, kind by kind', () => {
  it('departments, products, SKUs, prices and pictures go in, then the same file changes nothing', async () => {
    const cats = [
      { slug: 'chaussures', name_fr: 'Chaussures', name_en: 'Shoes', position: 0 },
      { slug: 'vetements', name_fr: 'Vêtements', name_en: 'Clothing', position: 1 },
    ];
    expect(await imp('categories', cats)).toMatchObject({ status: 'applied', rows: 2, changed: 2, refusals: [] });
    expect(await imp('categories', cats)).toMatchObject({ status: 'unchanged', rows: 2, changed: 0 });

    const products = [
      {
        slug: 'trail-42',
        department: 'chaussures',
        brand: 'Kalenji',
        name_fr: 'Trail',
        name_en: 'Trail',
        description_fr: 'Pour courir.',
        description_en: 'For running.',
      },
    ];
    expect(await imp('products', JSON.stringify(products))).toMatchObject({ status: 'applied', changed: 1 });
    const skus = [
      { product: 'trail-42', ean: EAN_A, size: '42', colour: 'navy', price: '59.99', position: 0 },
      { product: 'trail-42', ean: EAN_B, size: '43', colour: 'navy', price_cents: 6499, position: 1 },
    ];
    expect(await imp('skus', skus)).toMatchObject({ status: 'applied', changed: 2 });
    expect(await imp('skus', skus)).toMatchObject({ status: 'unchanged', changed: 0 });
    expect(await q(sql`SELECT ean13, size, price_cents FROM skus ORDER BY position`)).toEqual([
      { ean13: EAN_A, size: '42', price_cents: 5999 },
      { ean13: EAN_B, size: '43', price_cents: 6499 },
    ]);

    expect(
      await imp('prices', [
        { ean: EAN_A, price: 49.5 },
        { ean: EAN_B, price: '64.99' },
      ]),
    ).toMatchObject({ status: 'applied', rows: 2, changed: 1 });
    expect((await q<{ price_cents: number }>(sql`SELECT price_cents FROM skus WHERE ean13 = ${EAN_A}`))[0]!.price_cents).toBe(4950);

    const pictures = [
      { product: 'trail-42', position: 1, url: '/img/p/shoe-2.svg' },
      { product: 'trail-42', position: 0, url: '/img/p/shoe-1.svg' },
    ];
    expect(await imp('pictures', pictures)).toMatchObject({ status: 'applied', changed: 2 });
    expect((await q<{ images: string[] | string }>(sql`SELECT images FROM products WHERE slug = 'trail-42'`))[0]!.images).toEqual([
      '/img/p/shoe-1.svg',
      '/img/p/shoe-2.svg',
    ]);
    expect(await imp('pictures', pictures)).toMatchObject({ status: 'unchanged', changed: 0 });
  });

  it('withdraws and restores a product', async () => {
    const row = {
      slug: 'trail-42',
      department: 'chaussures',
      brand: 'Kalenji',
      name_fr: 'Trail',
      name_en: 'Trail',
      description_fr: 'Pour courir.',
      description_en: 'For running.',
    };
    expect(await imp('products', [{ ...row, withdrawn: true }])).toMatchObject({ changed: 1 });
    expect(await imp('products', [{ ...row, withdrawn: 'yes' }])).toMatchObject({ status: 'unchanged' });
    expect(await imp('products', [row])).toMatchObject({ status: 'unchanged' }); // absent: left as it is
    expect((await q<{ w: boolean }>(sql`SELECT withdrawn_at IS NOT NULL AS w FROM products WHERE slug = 'trail-42'`))[0]!.w).toBe(true);
    expect(await imp('products', [{ ...row, withdrawn: false }])).toMatchObject({ changed: 1 });
  });
});

describe('stores and stock', () => {
  const lyon = {
    slug: 'lyon-test',
    code: 'LYT',
    name: 'Comptoir Lyon Test',
    format: 'city',
    address: '1 rue de la République',
    town: 'Lyon',
    postcode: '69002',
    lat: 45.76,
    lng: 4.83,
    services: 'click_reserve returns_desk',
    mon: '',
    tue: '10:00-19:30',
    wed: '10:00-19:30',
    thu: '10:00-19:30',
    fri: '10:00-19:30',
    sat: '09:30-12:30 14:00-19:00',
    sun: 'closed',
  };

  it('a store with its services and hours; the same row again changes nothing, new hours replace the week', async () => {
    expect(await imp('stores', [lyon])).toMatchObject({ status: 'applied', changed: 1 });
    expect(await imp('stores', [lyon])).toMatchObject({ status: 'unchanged', changed: 0 });
    expect(await q(sql`SELECT weekday, opens::text, closes::text FROM store_hours ORDER BY weekday, opens`)).toHaveLength(6);
    expect(await q(sql`SELECT click_reserve, drive, returns_desk FROM stores WHERE slug = 'lyon-test'`)).toEqual([
      { click_reserve: true, drive: false, returns_desk: true },
    ]);
    expect(await imp('stores', [{ ...lyon, mon: '14:00-19:00' }])).toMatchObject({ status: 'applied', changed: 1 });
    expect(await q(sql`SELECT weekday, opens::text FROM store_hours WHERE weekday = 1`)).toEqual([{ weekday: 1, opens: '14:00:00' }]);
  });

  it('a count sets the figure but never below reserved units; a movement adds, once per file', async () => {
    const [loc] = await q<{ location_id: number }>(sql`SELECT location_id FROM stores WHERE slug = 'lyon-test'`);
    const [sku] = await q<{ id: number }>(sql`SELECT id FROM skus WHERE ean13 = ${EAN_A}`);
    expect(await imp('stock', [{ store: 'lyon-test', ean: EAN_A, quantity: 10, mode: 'count' }])).toMatchObject({ status: 'applied', changed: 1 });
    await conn.db.execute(sql`UPDATE stock SET reserved = 4 WHERE location_id = ${loc!.location_id} AND sku_id = ${sku!.id}`);

    const low = await imp('stock', 'store,ean,quantity,mode\nlyon-test,' + EAN_B + ',5,count\nlyon-test,' + EAN_A + ',3,count\n');
    expect(low).toMatchObject({ status: 'refused', changed: 0 });
    expect(low.refusals).toEqual([
      { line: 3, column: 'quantity', code: 'reserved_exceeds_count', message: '4 units are reserved for customers: the count cannot be lower.' },
    ]);
    // All or nothing: the good row of the refused file was not written either.
    expect(await q(sql`SELECT count(*)::int AS n FROM stock WHERE sku_id <> ${sku!.id}`)).toEqual([{ n: 0 }]);

    const movement = 'store,ean,quantity,mode\nlyon-test,' + EAN_A + ',-6,movement\n';
    const moved = await imp('stock', movement);
    expect(moved.refusals).toEqual([]);
    expect(moved).toMatchObject({ status: 'applied', changed: 1 });
    expect(await imp('stock', movement)).toMatchObject({ status: 'unchanged', changed: 0 });
    expect(await q(sql`SELECT on_hand, reserved FROM stock WHERE sku_id = ${sku!.id}`)).toEqual([{ on_hand: 4, reserved: 4 }]);
    const tooFar = await imp('stock', 'store,ean,quantity,mode\nlyon-test,' + EAN_A + ',-1,movement\n');
    expect(tooFar.refusals).toEqual([
      { line: 2, column: 'quantity', code: 'below_reserved', message: 'This movement would leave less than the 4 units reserved or ordered.' },
    ]);
  });
});

describe('refusals, by line and column, in the importer’s language', () => {
  const csv = [
    'ean,price',
    `${EAN_A},19.99`,
    '4006381333932,12.00', // check digit wrong
    `${EAN_B},douze`,
    `${EAN_C},5`, // valid, but no such SKU
  ].join('\n');

  it('reports every bad value of a CSV file, in English and in French, and writes nothing', async () => {
    const before = await q(sql`SELECT ean13, price_cents FROM skus ORDER BY ean13`);
    const en = await imp('prices', csv);
    expect(en).toMatchObject({ status: 'refused', rows: 4, changed: 0 });
    expect(en.refusals.map((r) => [r.line, r.column, r.code])).toEqual([
      [3, 'ean', 'invalid_ean'],
      [4, 'price', 'invalid_price'],
    ]);
    expect(en.refusals[0]!.message).toBe('Invalid EAN-13: 13 digits, the last one the check digit.');
    const fr = await imp('prices', csv, { locale: 'fr' });
    expect(fr.refusals.map((r) => r.message)).toEqual([
      'Code EAN-13 invalide : 13 chiffres dont le dernier est la clé de contrôle.',
      'Prix invalide : en euros (« 19.99 ») de 0,01 à 100 000 €.',
    ]);
    expect(await q(sql`SELECT ean13, price_cents FROM skus ORDER BY ean13`)).toEqual(before);
  });

  it('an unknown EAN is refused on its line once the values are right, and the good rows wait with it', async () => {
    const fixed = ['ean,price', `${EAN_A},19.99`, `${EAN_C},5`].join('\n');
    const report = await imp('prices', fixed);
    expect(report.refusals).toEqual([{ line: 3, column: 'ean', code: 'unknown_ean', message: 'Unknown EAN: import the SKUs first.' }]);
    expect((await q<{ price_cents: number }>(sql`SELECT price_cents FROM skus WHERE ean13 = ${EAN_A}`))[0]!.price_cents).not.toBe(1999);
  });

  it('unknown and missing columns, repeated keys, and the history keeps each refusal', async () => {
    const report = await imp('prices', [{ ean: EAN_A, price: 10, colour: 'red' }, { ean: EAN_B }, { ean: EAN_A, price_cents: 100 }]);
    expect(report.refusals.map((r) => [r.line, r.column, r.code])).toEqual([
      [1, 'colour', 'unknown_column'],
      [2, 'price', 'required'],
    ]);
    const [history] = await q<{ status: string; refusals: unknown }>(sql`SELECT status, refusals FROM imports WHERE id = ${report.importId}`);
    expect(history!.status).toBe('refused');
    const dup = await imp('prices', [
      { ean: EAN_A, price: 10 },
      { ean: EAN_A, price_cents: 100 },
    ]);
    expect(dup.refusals).toEqual([{ line: 2, column: 'ean', code: 'duplicate', message: 'This row repeats line 1 (same ean).' }]);
  });
});

describe('what the database refuses, on its line', () => {
  it('an unknown department, product, store or EAN; a location code already taken', async () => {
    const product = { slug: 'new-one', department: 'jardin', brand: 'X', name_fr: 'N', name_en: 'N', description_fr: 'D', description_en: 'D' };
    expect((await imp('products', [product])).refusals).toEqual([
      { line: 1, column: 'department', code: 'unknown_department', message: 'Unknown department: import the departments first.' },
    ]);
    expect((await imp('pictures', [{ product: 'nope', position: 0, url: '/img/p/x.svg' }])).refusals.map((r) => [r.line, r.column, r.code])).toEqual([
      [1, 'product', 'unknown_product'],
    ]);
    const stock = await imp('stock', [
      { store: 'nowhere', ean: EAN_A, quantity: 1, mode: 'count' },
      { store: 'lyon-test', ean: EAN_C, quantity: 1, mode: 'count' },
    ]);
    expect(stock.refusals.map((r) => [r.line, r.column, r.code])).toEqual([
      [1, 'store', 'unknown_store'],
      [2, 'ean', 'unknown_ean'],
    ]);
    const other = { slug: 'other-shop', code: 'LYT', name: 'Other', address: '1 rue', town: 'Lyon', postcode: '69001', lat: 45, lng: 4 };
    expect((await imp('stores', [other])).refusals.map((r) => [r.line, r.column, r.code])).toEqual([[1, 'code', 'code_taken']]);
  });

  it('a file that is not rows: bad JSON, a row that is not an object, an empty file, a broken CSV line', async () => {
    expect((await imp('prices', '{"ean": 1}', { format: 'json' })).refusals[0]).toMatchObject({ line: 0, code: 'bad_json' });
    expect((await imp('prices', '[{"ean": "x"}, 3]', { format: 'json' })).refusals[0]).toMatchObject({ line: 2, code: 'not_an_object' });
    expect((await imp('prices', 'ean,price\n')).refusals[0]).toMatchObject({ code: 'empty_file' });
    expect((await imp('prices', `ean,price\n${EAN_A},1,2\n`)).refusals[0]).toMatchObject({ line: 2, code: 'bad_csv' });
    const fr = await imp('prices', '[]', { format: 'json', locale: 'fr' });
    expect(fr.refusals[0]!.message).toBe('Le fichier ne contient aucune ligne.');
  });

  it('an explicit key: the same file again is "unchanged", another file under the key is refused', async () => {
    const key = `api:${Date.now()}`;
    expect(await imp('prices', [{ ean: EAN_A, price: '33.00' }], { key })).toMatchObject({ status: 'applied', changed: 1 });
    await imp('prices', [{ ean: EAN_A, price: '35.00' }]);
    expect(await imp('prices', [{ ean: EAN_A, price: '33.00' }], { key })).toMatchObject({ status: 'unchanged', changed: 0 });
    expect((await imp('prices', [{ ean: EAN_A, price: '34.00' }], { key })).refusals).toEqual([
      { line: 0, column: null, code: 'key_reused', message: 'This key was already used for another file: each file needs its own key.' },
    ]);
    expect((await q<{ price_cents: number }>(sql`SELECT price_cents FROM skus WHERE ean13 = ${EAN_A}`))[0]!.price_cents).toBe(3500);
  });
});
