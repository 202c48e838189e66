import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { insertUser } from '@/test/support/fixtures';
import { runImport, type ImportInput } from './run';

/*
 * An import audits what it changes (migration 0035), as a back-office edit does: one line per
 * product or SKU created or changed, in the import's transaction, naming the import and who made
 * it, with the fields before and after. The same file again, a refused file and the seed write none.
 */

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let userId: number;
const EAN = '4006381333931';

type Line = {
  actor_type: string;
  actor_user_id: number | null;
  actor_name: string | null;
  entity: string;
  action: string;
  before: unknown;
  after: unknown;
  import_id: number | null;
};
const lines = async () =>
  (
    await conn.db.execute<Line>(
      sql`SELECT actor_type, actor_user_id, actor_name, entity, action, before, after, import_id FROM audit_log WHERE action LIKE 'import_%' ORDER BY id`,
    )
  ).rows.map((l) => ({
    ...l,
    before: typeof l.before === 'string' ? JSON.parse(l.before) : l.before,
    after: typeof l.after === 'string' ? JSON.parse(l.after) : l.after,
  }));

const imp = (kind: ImportInput['kind'], body: unknown[], actor: ImportInput['actor'] = { type: 'user', userId }) =>
  runImport({ kind, format: 'json', body, actor, locale: 'en' });

beforeAll(async () => {
  conn = await useTestDatabase();
  userId = await insertUser(conn.db, { email: 'claire@example.com', name: 'Claire Catalogue', role: 'admin' });
  await imp('categories', [{ slug: 'maison', name_fr: 'Maison', name_en: 'Home' }], { type: 'seed' });
  await imp(
    'products',
    [{ slug: 'vase', department: 'maison', brand: 'Atelier', name_fr: 'Vase', name_en: 'Vase', description_fr: 'Un vase.', description_en: 'A vase.' }],
    { type: 'seed' },
  );
});

afterAll(async () => conn?.drop());

describe('the audit of an import', () => {
  it('the seed is not audited; a person’s import is, line by line, with the import and the fields before and after', async () => {
    expect(await lines()).toEqual([]);
    const created = await imp('skus', [{ ean: EAN, product: 'vase', price: '19.99' }]);
    expect(created.status).toBe('applied');
    const price = await imp('prices', [{ ean: EAN, price: '17.50' }]);
    expect(price.status).toBe('applied');
    const all = await lines();
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({
      actor_type: 'user',
      actor_user_id: userId,
      actor_name: 'Claire Catalogue',
      entity: 'sku',
      action: 'import_create',
      before: null,
      import_id: created.importId,
    });
    expect(all[0]!.after).toMatchObject({ priceCents: 1999, ean13: EAN });
    expect(all[1]).toMatchObject({
      entity: 'sku',
      action: 'import_update',
      import_id: price.importId,
      before: { priceCents: 1999 },
      after: { priceCents: 1750 },
    });
  });

  it('the same file again, and a refused file, write no audit line', async () => {
    const before = (await lines()).length;
    expect((await imp('prices', [{ ean: EAN, price: '17.50' }])).status).toBe('unchanged');
    expect(
      (
        await imp('prices', [
          { ean: EAN, price: '16.00' },
          { ean: '3760158042716', price: '1.00' },
        ])
      ).status,
    ).toBe('refused');
    expect(await lines()).toHaveLength(before);
  });

  it('a product changed by a file is audited with what changed', async () => {
    const report = await imp('products', [
      {
        slug: 'vase',
        department: 'maison',
        brand: 'Atelier',
        name_fr: 'Vase en grès',
        name_en: 'Stoneware vase',
        description_fr: 'Un vase.',
        description_en: 'A vase.',
      },
    ]);
    const last = (await lines()).at(-1)!;
    expect(last).toMatchObject({
      entity: 'product',
      action: 'import_update',
      import_id: report.importId,
      before: { nameFr: 'Vase', nameEn: 'Vase' },
      after: { nameFr: 'Vase en grès', nameEn: 'Stoneware vase' },
    });
  });
});
