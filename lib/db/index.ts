export { getDb, getConnection, transaction, type Db, type Tx } from './client';
export { arrayLiteral, date, dateOrNull, intArray } from './sql';
export * as schema from './schema';
