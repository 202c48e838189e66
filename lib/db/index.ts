export { getDb, getConnection, type Db } from './client';
export * as schema from './schema';
