import { sql } from 'drizzle-orm';
import { catalogSlugsSql } from '@/lib/catalog/read';
import { getDb } from '@/lib/db/client';
import { storeRowsSql } from '@/lib/stores/read';

/**
 * Which product, department and store slugs exist, for the proxy. Pages stream into a prerendered
 * shell, so by the time a page finds out its product does not exist the 200 status has been sent;
 * the proxy asks here first and answers an unknown slug with a real 404.
 *
 * Kept in memory (a few hundred short strings); reloaded at most every RELOAD_MS when a slug is
 * not found, so a product added a moment ago is recognised without a restart, and at once after a
 * catalogue change is announced (forgetKnownSlugs), so a withdrawn product answers 404 at once.
 */
const RELOAD_MS = 5_000;
const MAX_AGE_MS = 60_000;

type Known = {
  products: Set<string>;
  categories: Set<string>;
  stores: Set<string>;
  /** Each product's SKU ids: `?sku=` names one of them or is ignored (see productSkuPath). */
  skus: Map<string, Set<number>>;
  loadedAt: number;
};
type Holder = { known?: Known; loading?: Promise<Known>; generation?: number };
const holder = ((globalThis as { __comptoirSlugs?: Holder }).__comptoirSlugs ??= {});

/** The next question reloads the list (a catalogue change was announced: lib/cache/catalog-expiry.ts). */
export function forgetKnownSlugs(): void {
  holder.generation = (holder.generation ?? 0) + 1;
  holder.known = undefined;
  holder.loading = undefined; // a read already under way may predate the change
}

async function load(): Promise<Known> {
  const generation = holder.generation ?? 0;
  const db = await getDb();
  // Raw SQL: one UNION ALL over three tables, so the three lists come from one snapshot (through lib/catalog and lib/stores' read.ts).
  const r = await db.execute<{ kind: 'p' | 'c' | 's'; slug: string; skus: number[] | null }>(sql`
    SELECT c.kind, c.slug, c.skus FROM ${catalogSlugsSql} c UNION ALL
    SELECT 's', s.slug, NULL FROM ${storeRowsSql} s`);
  // Forgotten while it was read: it may predate the change, so it counts as already old.
  const loadedAt = generation === (holder.generation ?? 0) ? Date.now() : 0;
  const known: Known = { products: new Set(), categories: new Set(), stores: new Set(), skus: new Map(), loadedAt };
  for (const { kind, slug, skus } of r.rows) {
    (kind === 'p' ? known.products : kind === 'c' ? known.categories : known.stores).add(slug);
    if (kind === 'p') known.skus.set(slug, new Set((skus ?? []).map(Number)));
  }
  return known;
}

async function current(forceFresh: boolean): Promise<Known> {
  const age = holder.known ? Date.now() - holder.known.loadedAt : Infinity;
  if (age > MAX_AGE_MS || (forceFresh && age > RELOAD_MS)) {
    holder.loading ??= load().finally(() => (holder.loading = undefined));
    holder.known = await holder.loading;
  }
  return holder.known!;
}

const routes = [
  [/^\/p\/([^/]+)\/?$/, 'products'],
  [/^\/c\/([^/]+)\/?$/, 'categories'],
  [/^\/stores\/([^/]+)\/?$/, 'stores'],
] as const;

/** False when the path names a product, department or store that does not exist. */
export async function slugExists(pathname: string): Promise<boolean> {
  for (const [pattern, kind] of routes) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    let slug: string;
    try {
      slug = decodeURIComponent(match[1]!);
    } catch {
      return false;
    }
    if ((await current(false))[kind].has(slug)) return true;
    return (await current(true))[kind].has(slug);
  }
  return true;
}

/**
 * Where `/p/<slug>?sku=<id>` is served from: `/p/<slug>~<id>` when the id is one of this product's
 * SKUs — each SKU's page is prerendered once and kept, like the product's — else `/p/<slug>` (the
 * first SKU: an unknown, mistyped or stale id shows the product rather than an error, and cannot
 * make the cache keep a page per made-up id). Null for any other path.
 */
export async function productSkuPath(pathname: string, skuParam: string | null): Promise<string | null> {
  const match = /^\/p\/([^/]+)\/?$/.exec(pathname);
  if (!match || skuParam === null || !/^[1-9]\d{0,9}$/.test(skuParam)) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  const id = Number(skuParam);
  let skus = (await current(false)).skus.get(slug);
  if (!skus?.has(id)) skus = (await current(true)).skus.get(slug); // a SKU added a moment ago
  return skus?.has(id) ? `/p/${match[1]}~${id}` : null;
}
