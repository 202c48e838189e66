import type { Extensions } from '@electric-sql/pglite';

/**
 * The PostgreSQL extensions the migrations create (0024: unaccent and pg_trgm, for the shoppers'
 * search). PostgreSQL ships them as contrib modules; PGlite loads each from its own bundle, and
 * only when asked at start — also when it opens a data folder where they were created already —
 * so every PGlite instance of the app, the tests and the scripts starts with these.
 */
export async function pgliteExtensions(): Promise<Extensions> {
  const [{ unaccent }, { pg_trgm }] = await Promise.all([import('@electric-sql/pglite/contrib/unaccent'), import('@electric-sql/pglite/contrib/pg_trgm')]);
  return { unaccent, pg_trgm };
}
