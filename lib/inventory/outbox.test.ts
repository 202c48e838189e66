import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/support/db';
import { trimStockOutbox } from './outbox';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;

beforeAll(async () => {
  conn = await useTestDatabase();
});
afterAll(async () => conn?.drop());

describe('the stock outbox trim', () => {
  it('drops the changes noted over a minute ago and keeps the newer ones', async () => {
    await conn.db.execute(
      sql`INSERT INTO stock_changes (location_id, sku_id, available, changed_at, noted_at)
          VALUES (1, 1, 5, clock_timestamp(), clock_timestamp() - interval '61 seconds'),
                 (1, 2, 5, clock_timestamp(), clock_timestamp() - interval '50 seconds'),
                 (1, 3, 5, clock_timestamp(), DEFAULT)`,
    );
    await trimStockOutbox();
    const left = await conn.db.execute<{ sku_id: number }>(sql`SELECT sku_id FROM stock_changes ORDER BY sku_id`);
    expect(left.rows.map((r) => r.sku_id)).toEqual([2, 3]);
  });
});
