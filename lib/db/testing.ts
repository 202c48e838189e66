/**
 * Test databases. Every test file gets a fresh, migrated database of its own:
 * - default: an in-memory PGlite;
 * - TEST_DATABASE_URL=postgres://…/test: a new PostgreSQL database created beside it and dropped
 *   afterwards, so race tests run against a real multi-connection server.
 */
import { randomBytes } from 'node:crypto';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { setConnection, type Connection, type Db } from './client';
import { runMigrations } from './migrate';
import * as schema from './schema';

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export async function createTestConnection(): Promise<Connection & { drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  let connection: Connection;
  let drop = async () => {};
  if (adminUrl) {
    const { Client, Pool } = await import('pg');
    const name = `comptoir_t_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const pool = new Pool({ connectionString: url.toString(), max: 20 });
    // DROP DATABASE … WITH (FORCE) ends idle pooled sockets; that is expected, not an error.
    pool.on('error', () => {});
    connection = { kind: 'postgres', db: drizzlePg(pool, { schema }), pool, close: () => pool.end() };
    drop = async () => {
      const a = new Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const client = await PGlite.create();
    connection = {
      kind: 'pglite',
      db: drizzlePglite(client, { schema }) as unknown as Db,
      client,
      dataDir: 'memory://',
      close: () => client.close(),
    };
  }
  await runMigrations(connection);
  return {
    ...connection,
    drop: async () => {
      await connection.close();
      await drop();
    },
  };
}

/** Opens a fresh database and makes it the process-wide one that domain modules use. */
export async function useTestDatabase() {
  const connection = await createTestConnection();
  setConnection(connection);
  return connection;
}

