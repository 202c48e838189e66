import path from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Connection } from './client';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'lib', 'db', 'migrations');

/** Applies the one set of drizzle-kit migrations, whichever the driver. */
export async function runMigrations(connection: Connection): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (connection.kind === 'postgres') await migratePg(connection.db, config);
  else await migratePglite(connection.db as unknown as PgliteDatabase, config);
}
