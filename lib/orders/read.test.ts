import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Other domains read orders through lib/orders/read.ts (and lib/orders' other modules), never
 * through the tables themselves: a change to how orders are kept is then made in one folder.
 * Tests, test helpers and the seed may write orders directly; schema files may point foreign keys
 * at them.
 */

const ROOT = process.cwd();
const ORDER_TABLES_IN_SQL = /\b(?:FROM|JOIN|UPDATE|INTO)\s+(?:orders|order_lines|order_events)\b/i;
const ORDER_TABLES_IMPORTED = /import\s*\{[^}]*\b(?:orders|orderLines|orderEvents)\b[^}]*\}\s*from\s*'(?:@\/lib|\.\.)\/orders\/schema'/;

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name))
    .map((f) => path.relative(ROOT, path.join(f.parentPath, f.name)));
}

const exempt = (file: string) =>
  file.startsWith(`lib${path.sep}orders${path.sep}`) ||
  file.startsWith(`lib${path.sep}db${path.sep}`) ||
  file.startsWith(`lib${path.sep}testing${path.sep}`) ||
  /\.test\.tsx?$/.test(file) ||
  /(?:^|[/\\])testing\.ts$/.test(file);

describe('orders are read through lib/orders', () => {
  const files = [...sources('lib'), ...sources('app')].filter((f) => !exempt(f));

  it('no other domain or page names the orders tables in SQL', () => {
    const offenders = files.filter((f) => ORDER_TABLES_IN_SQL.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('no other domain or page queries the orders tables with the query builder (schema foreign keys aside)', () => {
    const offenders = files.filter((f) => !f.endsWith('schema.ts') && ORDER_TABLES_IMPORTED.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('sees the files it guards (a pattern that matched nothing would prove nothing)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(ORDER_TABLES_IN_SQL.test('SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id')).toBe(true);
    expect(ORDER_TABLES_IMPORTED.test("import { orderLines, orders } from '@/lib/orders/schema';")).toBe(true);
    // returns' schema points its foreign keys at orders: the one kind of import allowed.
    expect(fs.readFileSync(path.join(ROOT, 'lib/returns/schema.ts'), 'utf8')).toMatch(ORDER_TABLES_IMPORTED);
  });
});
