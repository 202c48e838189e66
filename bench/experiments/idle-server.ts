/**
 * Idle CPU of a `next start` over a given build (idle_cpu_pct's method), on PGlite or PostgreSQL;
 * on PostgreSQL also the CPU of the database backends serving it, 30 s more. The build and the
 * database are yours to make (e.g. `NEXT_DIST_DIR=.next-x next build`; a demo seed). SETTLE_MS
 * (15000) is the quiet before counting.
 *   npx tsx bench/experiments/idle-server.ts <distDir> pglite <absolute folder>
 *   npx tsx bench/experiments/idle-server.ts <distDir> postgres postgres://postgres@127.0.0.1:5432/<db>
 */
import fs from 'node:fs';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from '../../lib/db/pglite-extensions';
import { startServer } from '../lib/server';
import { measureIdleCpu, treeTicks } from '../figures/idle-cpu';
import { killAll } from '../lib/proc';

const [distDir, kind, where] = process.argv.slice(2) as [string, string, string];
const FACTS = `SELECT (SELECT s.id FROM products p JOIN skus s ON s.product_id = p.id ORDER BY p.id, s.position, s.id LIMIT 1) AS sku,
  (SELECT slug FROM products ORDER BY id LIMIT 1) AS slug, (SELECT location_id FROM stores ORDER BY location_id LIMIT 1) AS store`;
type Facts = { sku: number; slug: string; store: number };

async function main() {
  let facts: Facts;
  if (kind === 'pglite') {
    const db = await PGlite.create(where, { extensions: await pgliteExtensions() });
    facts = (await db.query<Facts>(FACTS)).rows[0]!;
    await db.close();
  } else {
    const c = new pg.Client({ connectionString: where });
    await c.connect();
    facts = (await c.query<Facts>(FACTS)).rows[0]!;
    await c.end();
  }
  const env = kind === 'pglite' ? { PGLITE_DIR: where } : { DATABASE_URL: where };
  const server = await startServer({ distDir, env, readyPath: '/about' });
  try {
    const admin = kind === 'postgres' ? new pg.Client({ connectionString: where }) : undefined;
    await admin?.connect();
    const backends = async () =>
      admin
        ? (
            await admin.query<{ pid: number; app: string }>(
              `SELECT pid, application_name AS app FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
            )
          ).rows
        : [];
    const dbTicks = async () => (await backends()).reduce((n, b) => n + treeTicks(b.pid).ticks, 0);
    const pct = await measureIdleCpu({
      pid: server.child.pid!,
      origin: server.origin,
      warmPaths: ['/', `/p/${facts.slug}`, '/stores', '/about'],
      streamPath: `/api/availability/stream?sku=${facts.sku}&stores=${facts.store}&warehouse=1`,
      note: `${distDir} on ${kind}`,
      settleMs: Number(process.env.SETTLE_MS || 5_000),
    });
    if (admin) {
      // Then the database's side, 30 s more of the same idle server: its backends for this database.
      const list = await backends();
      const before = await dbTicks();
      await new Promise((r) => setTimeout(r, 30_000));
      const used = (await dbTicks()) - before;
      console.error(
        `database backends ${list.map((b) => `${b.pid} ${b.app || '(pool)'}`).join(', ')}: ${used} ticks in 30 s = ${(used / 30).toFixed(2)} % of a core`,
      );
      await admin.end();
    }
    console.error(`idle ${pct.toFixed(2)} % of a core; load ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
  } finally {
    await server.stop();
  }
}
main().catch((err) => {
  console.error(err);
  killAll('SIGKILL');
  process.exit(1);
});
