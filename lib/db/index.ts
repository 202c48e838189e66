export { getDb, getConnection, transaction, type Db, type Tx } from './client';
export { intArray } from './sql';
export * as schema from './schema';
