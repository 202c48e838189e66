/**
 * Migrates the database and, when it holds no catalogue yet, seeds it. Run before the server
 * starts (npm run dev / npm start), never lazily during a render.
 *
 *   tsx lib/db/setup.ts            migrate, seed if empty
 *   tsx lib/db/setup.ts --reset    wipe the PGlite folder (or the PostgreSQL schema) first
 *   SEED_SCALE=large tsx lib/db/setup.ts --reset    500+ stores × 10,000 SKUs, for benchmarks
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { openConnection, pgliteDir } from './client';
import { runMigrations } from './migrate';
import { seed, type SeedScale } from './seed';
import { seedPlaces } from '../stores/places-data';
import { ensureAuthSecret } from '../auth/ensure-secret';

async function main() {
  if (ensureAuthSecret() === 'created') console.log('Wrote a random AUTH_SECRET to .env.local.');
  const reset = process.argv.includes('--reset');
  const scale: SeedScale = process.env.SEED_SCALE === 'large' ? 'large' : 'demo';
  if (reset && !process.env.DATABASE_URL) fs.rmSync(pgliteDir(), { recursive: true, force: true });

  const started = Date.now();
  // No statement timeout: a large seed runs statements for minutes.
  const connection = await openConnection(undefined, { timeouts: false });
  try {
    // Raw SQL: schema DDL, then a count and a TRUNCATE on tables that may not be migrated yet.
    if (reset && connection.kind === 'postgres') {
      await connection.db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
      await connection.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
      await connection.db.execute(sql`CREATE SCHEMA public`);
    }
    await runMigrations(connection);
    const existing = await connection.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM products`);
    if ((existing.rows[0]?.n ?? 0) > 0) {
      console.log(`Database ready (${connection.kind}); catalogue already seeded.`);
      return;
    }
    const summary = { ...(await seed(connection.db, { scale })), places: await seedPlaces(connection.db) };
    // Seeding is not news: no page is open yet to hear about its stock rows.
    // Raw SQL: TRUNCATE has no query-builder form.
    await connection.db.execute(sql`TRUNCATE stock_changes`);
    console.log(
      `Database ready (${connection.kind}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        Object.entries(summary)
          .map(([k, v]) => `${v} ${k}`)
          .join(', '),
    );
  } finally {
    await connection.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
