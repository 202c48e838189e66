/**
 * Child of figures/import.ts (DATABASE_URL set to a fresh database): the catalogue and 60 stores
 * through runImport, then the figure — 600,000 stock counts (10,000 SKUs × 60 stores) as one CSV
 * file through runImport, parsed, validated row by row and applied in one transaction. Then the
 * same file again: it must change nothing (idempotent), and is timed too.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { getConnection } from '@/lib/db/client';
import { runMigrations } from '@/lib/db/migrate';
import { runImport, type ImportInput } from '@/lib/import/run';
import { emit, log } from '../lib/report';
import { round } from '../lib/stats';

const SKUS = Number(process.env.BENCH_IMPORT_SKUS || 10_000);
const STORES = Number(process.env.BENCH_IMPORT_STORES || 60);
const PER_PRODUCT = 10;

function ean(n: number): string {
  const first12 = `376099${String(n).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return first12 + String((10 - (sum % 10)) % 10);
}

async function load(kind: ImportInput['kind'], body: unknown[]): Promise<void> {
  const report = await runImport({ kind, format: 'json', body, actor: { type: 'seed' }, locale: 'en' });
  if (report.status === 'refused') throw new Error(`bench import of ${kind} refused: ${JSON.stringify(report.refusals.slice(0, 3))}`);
}

async function main() {
  const connection = await getConnection();
  await runMigrations(connection);
  await load('categories', [{ slug: 'bench', name_fr: 'Banc', name_en: 'Bench' }]);
  const products = Array.from({ length: Math.ceil(SKUS / PER_PRODUCT) }, (_, i) => ({
    slug: `bench-${i}`,
    department: 'bench',
    brand: 'Bench',
    name_fr: `Produit ${i}`,
    name_en: `Product ${i}`,
    description_fr: 'Banc d’essai.',
    description_en: 'Test bench.',
  }));
  await load('products', products);
  await load(
    'skus',
    Array.from({ length: SKUS }, (_, i) => ({
      product: `bench-${Math.floor(i / PER_PRODUCT)}`,
      ean: ean(i),
      size: String(36 + (i % PER_PRODUCT)),
      price_cents: 1000 + (i % 5000),
    })),
  );
  await load(
    'stores',
    Array.from({ length: STORES }, (_, i) => ({
      slug: `bench-store-${i}`,
      name: `Bench ${i}`,
      address: '1 rue du Banc',
      town: 'Lyon',
      postcode: '69002',
      lat: 45.76,
      lng: 4.83,
    })),
  );
  const lines = ['store,ean,quantity,mode'];
  for (let s = 0; s < STORES; s++) for (let k = 0; k < SKUS; k++) lines.push(`bench-store-${s},${ean(k)},${(s * 7 + k) % 41},count`);
  const body = lines.join('\n');
  const rows = lines.length - 1;
  log(`import: ${rows} stock rows, ${(body.length / 1e6).toFixed(1)} MB of CSV`);

  const timedImport = async () => {
    const started = performance.now();
    const report = await runImport({ kind: 'stock', format: 'csv', body, actor: { type: 'seed' }, locale: 'en', fileName: 'stock.csv' });
    return { report, seconds: (performance.now() - started) / 1000 };
  };
  const first = await timedImport();
  if (first.report.status !== 'applied' || first.report.changed !== rows)
    throw new Error(`first stock import: ${JSON.stringify({ ...first.report, refusals: first.report.refusals.slice(0, 3) })}`);
  const again = await timedImport();
  if (again.report.status !== 'unchanged') throw new Error(`the same stock file again changed ${again.report.changed} rows`);
  const [check] = (await connection.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM stock`)).rows;
  if (check?.n !== rows) throw new Error(`expected ${rows} stock rows, found ${check?.n}`);
  emit({
    figure: 'import_rows_per_s',
    value: round(rows / first.seconds, 0),
    unit: 'rows/s',
    goal: `in seconds: ${rows} stock rows (${SKUS} SKUs × ${STORES} stores) through runImport in under 10 s`,
    met: first.seconds < 10,
    extra: { rows, import_s: round(first.seconds, 1), same_file_again_s: round(again.seconds, 1) },
  });
  await connection.close();
}

main().catch((err) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
