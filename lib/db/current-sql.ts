import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { MIGRATIONS_FOLDER } from './migrate';

/**
 * Every SQL function and trigger as the migrations leave them, read back from pg_catalog: what
 * runs today, in one file (lib/db/sql/current.sql), where the migrations hold its history — a
 * function redefined by a later migration (comptoir_drive_ensure_slots, written twice) is written
 * here once, as it is now. `npm run db:sql` writes it; current-sql.test.ts fails when it differs
 * from what a freshly migrated database holds, so it cannot fall behind a migration.
 */
export const CURRENT_SQL_FILE = path.join(process.cwd(), 'lib', 'db', 'sql', 'current.sql');

const HEADER = `-- Every SQL function and trigger of the schema as the migrations (lib/db/migrations) leave them,
-- read back from pg_catalog (pg_get_functiondef, pg_get_triggerdef): what runs now, each in one place.
-- Generated: do not edit. Change them with a new migration, then run \`npm run db:sql\`;
-- lib/db/current-sql.test.ts fails while this file differs from a freshly migrated database.
`;

export async function dumpCurrentSql(db: Db): Promise<string> {
  // Raw SQL: pg_catalog, which no Drizzle schema describes. Aggregates and window functions have no
  // pg_get_functiondef (the schema has none); functions an extension owns are not the schema's.
  // Sorted byte-wise, so the order is the same everywhere.
  // Raw SQL: PostgreSQL's own catalogues (pg_proc, pg_trigger) are outside the app's schema.
  const functions = await db.execute<{ name: string; def: string }>(sql`
    SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name, pg_get_functiondef(p.oid) AS def
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    ORDER BY p.proname COLLATE "C", pg_get_function_identity_arguments(p.oid) COLLATE "C"`);
  const triggers = await db.execute<{ name: string; def: string }>(sql`
    SELECT c.relname || '.' || t.tgname AS name, pg_get_triggerdef(t.oid, true) AS def
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND NOT t.tgisinternal
    ORDER BY c.relname COLLATE "C", t.tgname COLLATE "C"`);
  const parts = [HEADER, `\n-- ${functions.rows.length} functions\n`];
  const written = lastWrittenIn();
  for (const f of functions.rows) {
    const file = written.get(f.name.slice(0, f.name.indexOf('(')));
    parts.push(`\n-- ${f.name}${file ? ` (last written by ${file})` : ''}\n${f.def.trimEnd()};\n`);
  }
  parts.push(`\n-- ${triggers.rows.length} triggers, by table\n\n`);
  for (const t of triggers.rows) parts.push(`${t.def};\n`);
  return parts.join('');
}

/** Function name → the last migration that creates or replaces it (its comments hold the reasons). */
function lastWrittenIn(): Map<string, string> {
  const last = new Map<string, string>();
  for (const file of fs
    .readdirSync(MIGRATIONS_FOLDER)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const text = fs.readFileSync(path.join(MIGRATIONS_FOLDER, file), 'utf8');
    for (const m of text.matchAll(/CREATE (?:OR REPLACE )?FUNCTION (\w+)\s*\(/gi)) last.set(m[1]!, file);
  }
  return last;
}
