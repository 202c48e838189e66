import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_SQL_FILE, dumpCurrentSql } from './current-sql';
import { MIGRATIONS_FOLDER } from './migrate';
import { createTestConnection } from '@/test/support/db';

let connection: Awaited<ReturnType<typeof createTestConnection>>;
beforeAll(async () => {
  connection = await createTestConnection();
});
afterAll(async () => {
  await connection.drop();
});

describe('lib/db/sql/current.sql', () => {
  it('is what the migrations make: every function and trigger as they are now (npm run db:sql rewrites it)', async () => {
    const fromMigrations = await dumpCurrentSql(connection.db);
    // A file behind the migrations names what differs; `npm run db:sql` brings it up to date.
    expect(fs.readFileSync(CURRENT_SQL_FILE, 'utf8'), 'lib/db/sql/current.sql is stale: run `npm run db:sql`').toBe(fromMigrations);
  });

  it('holds each function the migrations define once, however many times they redefined it', () => {
    const text = fs.readFileSync(CURRENT_SQL_FILE, 'utf8');
    const migrations = fs
      .readdirSync(MIGRATIONS_FOLDER)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => fs.readFileSync(path.join(MIGRATIONS_FOLDER, f), 'utf8'))
      .join('\n');
    const defined = new Set([...migrations.matchAll(/CREATE (?:OR REPLACE )?FUNCTION (\w+)\s*\(/gi)].map((m) => m[1]!));
    const dropped = new Set([...migrations.matchAll(/DROP FUNCTION (?:IF EXISTS )?(\w+)/gi)].map((m) => m[1]!));
    // Several are written more than once (comptoir_notify_stock by 0001 and 0004, dropped by 0036; comptoir_drive_ensure_slots twice).
    expect(defined.size).toBeGreaterThan(20);
    for (const name of defined) {
      if (dropped.has(name)) continue;
      expect(text.split(`CREATE OR REPLACE FUNCTION public.${name}(`).length - 1, name).toBe(1);
    }
  });
});
