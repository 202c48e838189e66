export { getDb, getConnection, transaction, type Db, type Tx } from './client';
export { date, dateOrNull, intArray } from './sql';
export * as schema from './schema';
