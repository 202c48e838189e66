import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * A domain reads another domain's tables through that domain's queries: each lib/<domain>/read.ts
 * is what the others may read (functions, and typed SQL fragments for a statement that must stay
 * one statement), never the tables themselves. A change to how a domain keeps its data is then made
 * in one folder. Checked here for every domain with a schema.ts:
 *
 * - no file outside the domain (in lib/, app/ or components/) names one of its tables in SQL
 *   (FROM, JOIN, UPDATE, INTO, DELETE FROM), comments aside;
 * - none imports one of its table objects for the query builder (a type-only import is fine, and
 *   a schema.ts may import another's table for a foreign key);
 * - each read.ts imports nothing of another domain (types aside), so any domain can read any
 *   other's read.ts without an import cycle.
 *
 * The database layer (lib/db: client, migrations, seed), tests and test helpers may use any table.
 */

const ROOT = process.cwd();
const sep = path.sep;

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name))
    .map((f) => path.relative(ROOT, path.join(f.parentPath, f.name)));
}

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Block comments, and line comments that start a line or follow a space (not `https://`). */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|\s)\/\/[^\n]*/g, '$1');
}

type Domain = { name: string; tables: string[]; identifiers: string[] };

/** Every lib/<domain>/schema.ts (lib/db's gathers the others) with its table names and exported table objects. */
function domains(): Domain[] {
  return fs
    .readdirSync(path.join(ROOT, 'lib'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'db' && fs.existsSync(path.join(ROOT, 'lib', d.name, 'schema.ts')))
    .map((d) => {
      const text = read(path.join('lib', d.name, 'schema.ts'));
      const found = [...text.matchAll(/export\s+const\s+(\w+)\s*=\s*pgTable\(\s*'(\w+)'/g)];
      return { name: d.name, identifiers: found.map((m) => m[1]!), tables: found.map((m) => m[2]!) };
    })
    .filter((d) => d.tables.length > 0);
}

const words = (names: readonly string[]) => names.map((n) => n.replace(/[^\w]/g, '')).join('|');

/** A statement naming one of these tables: `FROM stores s`, `JOIN stock st`, `UPDATE carts`, `INSERT INTO sales`. */
function tablesInSql(tables: readonly string[]): RegExp {
  return new RegExp(`\\b(?:FROM|JOIN|UPDATE|INTO)\\s+(?:ONLY\\s+)?"?(${words(tables)})"?(?![\\w.(])`, 'gi');
}

/** The names a file imports, not as types, from `schemaPath`'s module (`@/lib/<d>/schema` or a relative path to it). */
function valuesImportedFrom(text: string, domain: string): string[] {
  const from = new RegExp(`import\\s+(type\\s+)?\\{([^}]*)\\}\\s*from\\s*'(?:@/lib|\\.\\.)/${domain}/schema'`, 'g');
  const names: string[] = [];
  for (const m of text.matchAll(from)) {
    if (m[1]) continue; // import type { … }
    for (const spec of m[2]!.split(',')) {
      const s = spec.trim();
      if (s && !s.startsWith('type ')) names.push(s.split(/\s+as\s+/)[0]!.trim());
    }
  }
  // A whole module imported as a namespace reaches every table.
  if (new RegExp(`import\\s+\\*\\s+as\\s+\\w+\\s+from\\s*'(?:@/lib|\\.\\.)/${domain}/schema'`).test(text)) names.push('*');
  return names;
}

const exempt = (file: string) =>
  file.startsWith(`lib${sep}db${sep}`) ||
  file.startsWith(`lib${sep}testing${sep}`) ||
  /\.test\.tsx?$/.test(file) ||
  /(?:^|[/\\])(?:testing|test-support)\.tsx?$/.test(file);

const ownerOf = (file: string) => (file.startsWith(`lib${sep}`) ? file.split(sep)[1]! : null);

/** What a read.ts may import at run time: its own folder, drizzle, the database client, server-only. */
const READ_MAY_IMPORT = /^(?:\.\/[\w-]+|drizzle-orm(?:\/pg-core)?|@\/lib\/db|server-only)$/;

function runtimeImports(text: string): string[] {
  return [...text.matchAll(/^import\s+(type\s+)?(?:[^'"]*?\s+from\s+)?'([^']+)'/gm)].filter((m) => !m[1]).map((m) => m[2]!);
}

describe('each domain reads the others through their read.ts', () => {
  const all = domains();
  const files = [...sources('lib'), ...sources('app'), ...sources('components')].filter((f) => !exempt(f));

  it('no file names another domain’s tables in SQL', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const text = stripComments(read(file));
      for (const d of all) {
        if (ownerOf(file) === d.name) continue;
        for (const m of text.matchAll(tablesInSql(d.tables))) offenders.push(`${file}: ${m[0]} (${d.name})`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no file queries another domain’s tables with the query builder (schema foreign keys aside)', () => {
    const offenders: string[] = [];
    for (const file of files.filter((f) => !f.endsWith(`${sep}schema.ts`))) {
      const text = read(file);
      for (const d of all) {
        if (ownerOf(file) === d.name) continue;
        const tables = valuesImportedFrom(text, d.name).filter((n) => n === '*' || d.identifiers.includes(n));
        if (tables.length > 0) offenders.push(`${file}: ${tables.join(', ')} (${d.name})`);
      }
      // lib/db gathers every domain's tables: no one else reaches them that way.
      if (/import\s*\{[^}]*\bschema\b[^}]*\}\s*from\s*'@\/lib\/db'|from\s*'@\/lib\/db\/schema'/.test(text)) offenders.push(`${file}: lib/db's schema`);
    }
    expect(offenders).toEqual([]);
  });

  it('each read.ts imports nothing of another domain but types', () => {
    const reads = all.map((d) => path.join('lib', d.name, 'read.ts')).filter((f) => fs.existsSync(path.join(ROOT, f)));
    const offenders = reads.flatMap((f) =>
      runtimeImports(read(f))
        .filter((spec) => !READ_MAY_IMPORT.test(spec))
        .map((spec) => `${f}: ${spec}`),
    );
    expect(offenders).toEqual([]);
    // The domains that others read each offer one.
    expect(reads.length).toBeGreaterThanOrEqual(11);
  });

  it('sees the files and tables it guards (a pattern that matched nothing would prove nothing)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(all.map((d) => d.name)).toEqual(expect.arrayContaining(['auth', 'cart', 'catalog', 'inventory', 'orders', 'stores']));
    const stores = all.find((d) => d.name === 'stores')!;
    expect(stores.tables).toEqual(expect.arrayContaining(['stores', 'locations', 'store_closures']));
    expect(stores.identifiers).toEqual(expect.arrayContaining(['stores', 'locations', 'storeClosures']));

    const inSql = (sql: string, tables: string[]) => [...stripComments(sql).matchAll(tablesInSql(tables))].map((m) => m[1]);
    expect(inSql('SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id', ['orders', 'order_lines'])).toEqual(['orders', 'order_lines']);
    expect(inSql('UPDATE carts c SET x = 1 FROM stores s', ['stores', 'carts'])).toEqual(['carts', 'stores']);
    expect(inSql('INSERT INTO sales (id) VALUES (1); DELETE FROM stock WHERE true', ['sales', 'stock'])).toEqual(['sales', 'stock']);
    expect(inSql('select 1 from "stock" st', ['stock'])).toEqual(['stock']);
    // Not a table: another word that starts the same, a column, a comment.
    expect(inSql('LEFT JOIN stock_levels st ON true; extract(epoch FROM stock.updated_at)', ['stock'])).toEqual([]);
    expect(inSql('// a probe into stock for each store\n/* read from stores */ SELECT 1', ['stock', 'stores'])).toEqual([]);
    expect(inSql("const url = 'https://example.org'; sql`JOIN stores s`", ['stores'])).toEqual(['stores']);

    expect(valuesImportedFrom("import { stores, type Store } from '@/lib/stores/schema';", 'stores')).toEqual(['stores']);
    expect(valuesImportedFrom("import {\n  products,\n  skus as k,\n} from '../catalog/schema';", 'catalog')).toEqual(['products', 'skus']);
    expect(valuesImportedFrom("import type { OrderStatus } from '@/lib/orders/schema';", 'orders')).toEqual([]);
    expect(valuesImportedFrom("import * as s from '@/lib/stores/schema';", 'stores')).toEqual(['*']);
    // returns' schema points its foreign keys at orders: the one kind of import allowed, and it is seen.
    expect(valuesImportedFrom(read('lib/returns/schema.ts'), 'orders')).toContain('orders');

    expect(
      runtimeImports(
        "import 'server-only';\nimport { sql } from 'drizzle-orm';\nimport type { Locale } from '@/lib/i18n/config';\nimport { x } from '@/lib/stores/read';",
      ),
    ).toEqual(['server-only', 'drizzle-orm', '@/lib/stores/read']);
    expect(READ_MAY_IMPORT.test('@/lib/stores/read')).toBe(false);
    expect(READ_MAY_IMPORT.test('./schema')).toBe(true);
  });
});
