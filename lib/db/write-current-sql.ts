/**
 * Writes lib/db/sql/current.sql (see current-sql.ts) from a fresh in-memory database migrated
 * from lib/db/migrations: `npm run db:sql`, after adding or changing a migration.
 */
import fs from 'node:fs';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/pglite';
import { CURRENT_SQL_FILE, dumpCurrentSql } from './current-sql';
import { runMigrations } from './migrate';
import { pgliteExtensions } from './pglite-extensions';
import * as schema from './schema';

async function main() {
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create({ extensions: await pgliteExtensions() });
  try {
    const db = drizzle(client, { schema });
    await runMigrations({ kind: 'pglite', db, client, dataDir: 'memory://', close: () => client.close() });
    const text = await dumpCurrentSql(db);
    fs.mkdirSync(path.dirname(CURRENT_SQL_FILE), { recursive: true });
    const before = fs.existsSync(CURRENT_SQL_FILE) ? fs.readFileSync(CURRENT_SQL_FILE, 'utf8') : '';
    fs.writeFileSync(CURRENT_SQL_FILE, text);
    console.log(`${path.relative(process.cwd(), CURRENT_SQL_FILE)}: ${before === text ? 'unchanged' : 'written'}`);
  } finally {
    await client.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
