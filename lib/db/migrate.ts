import path from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Connection } from './client';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'lib', 'db', 'migrations');

/** Applies the one set of drizzle-kit migrations, whichever the driver. */
export async function runMigrations(connection: Connection): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  // Each migrator wants its own driver's database: one made here on the same pool or client.
  if (connection.kind === 'postgres') await migratePg(drizzlePg(connection.pool), config);
  else await migratePglite(drizzlePglite(connection.client), config);
}
